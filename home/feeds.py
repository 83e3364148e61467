"""RSS feed of the latest news, with Django's syndication framework."""

from django.contrib.syndication.views import Feed

from arena.links import PublicAddressFeedMixin

FEED_LENGTH = 20


class NewsFeed(PublicAddressFeedMixin, Feed):
    """Served by NewsIndexPage's ``feed/`` route, which passes itself as ``index_page``."""

    language = "sv"

    def get_object(self, request, index_page):
        return index_page

    def title(self, index_page):
        return f"{index_page.title} – Arena Huddinge"

    def link(self, index_page):
        return index_page.url

    def description(self, index_page):
        return index_page.summary or "Nyheter från Arena Huddinge, där Huddinge kommun och näringslivet möts."

    def items(self, index_page):
        return index_page.latest_news(FEED_LENGTH)

    def item_title(self, news):
        return news.title

    def item_description(self, news):
        return news.summary

    def item_link(self, news):
        return news.url

    def item_pubdate(self, news):
        return news.published_at

    def item_author_name(self, news):
        return news.author or None

    def item_categories(self, news):
        return [tag.name for tag in news.tags.all()]
