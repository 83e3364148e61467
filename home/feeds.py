"""RSS feeds of the latest news and the latest conclusions, with Django's syndication framework."""

from django.contrib.syndication.views import Feed
from django.utils.html import escape

from arena.links import PublicAddressFeedMixin
from forum.machina.links import topic_url
from home.conclusions import listed_conclusions

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


class ConclusionFeed(Feed):
    """The newest conclusions of the public forums; served by ConclusionIndexPage's ``feed/`` route."""

    language = "sv"

    def get_object(self, request, index_page):
        return index_page

    def title(self, index_page):
        return f"{index_page.title} – Arena Huddinge"

    def link(self, index_page):
        return index_page.full_url

    def description(self, index_page):
        return index_page.summary or "Vad samtalen i Arena Huddinges forum har kommit fram till."

    def items(self, index_page):
        return listed_conclusions()[:FEED_LENGTH]

    def item_title(self, conclusion):
        return conclusion.topic.subject

    def item_description(self, conclusion):
        follow_up = conclusion.follow_up_label()
        return conclusion.text_html + (f"<p>Uppföljning: {escape(follow_up)}</p>" if follow_up else "")

    def item_link(self, conclusion):
        return topic_url(conclusion.topic)  # the framework puts the site's address in front

    def item_pubdate(self, conclusion):
        return conclusion.concluded_at

    def item_updateddate(self, conclusion):
        return conclusion.updated_at

    def item_categories(self, conclusion):
        return [conclusion.topic.forum.name, conclusion.get_sector_balance_display()]
