import datetime

from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail.search import index

from arena.content_cache import cached_until_content_changes
from home.blocks import BodyBlock
from home.discussions import discussion_summaries
from home.feeds import NewsFeed

from .base import BasePage
from .mixins import DiscussionMixin, IntroductionMixin, PictureMixin, with_pictures

NEWS_PER_PAGE = 10


# The order news are listed in everywhere.
NEWEST_FIRST = ("-date", "-first_published_at", "-pk")


def news_with_images(queryset):
    """``queryset`` of news pages, newest first, with their images, renditions and tags fetched
    in a fixed number of queries however many rows there are."""
    return with_pictures(queryset.order_by(*NEWEST_FIRST).prefetch_related("tags"))


class NewsIndexPage(RoutablePageMixin, IntroductionMixin, BasePage):
    """Nyheter: the association's news, newest first, ten to a page, filterable by tag.

    The RSS feed is a route of this page rather than a URL in arena/urls.py: it then follows the
    page wherever editors move or rename it, and each site in a multi-site setup gets its own.
    """

    content_panels = [*BasePage.content_panels, *IntroductionMixin.panels]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1
    template = "home/news_index_page.html"

    class Meta:
        verbose_name = "nyhetslista"
        verbose_name_plural = "nyhetslistor"

    @path("")
    def news_list(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def feed(self, request):
        return NewsFeed()(request, index_page=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.live().public().child_of(self)
        tag_slug, tag = request.GET.get("tagg", "").strip(), None
        if tag_slug:
            # Only a slug can name a tag; anything else (a NUL character, which PostgreSQL refuses
            # outright) matches none and is never sent to the database.
            tag = Tag.objects.filter(slug=tag_slug).first() if slug_re.fullmatch(tag_slug) else None
            context["active_tag"] = tag or Tag(name=tag_slug, slug=tag_slug)
            news = news.filter(tags=tag) if tag else news.none()
        # The list is the same for everyone who may see this page (public news only), so its count
        # and each page's cards are kept in the content cache, like the start page's lists: keyed
        # by the site (relative links), the tag (one that exists, or none) and the page number,
        # never by what a visitor types.
        site = Site.find_for_request(request)
        shown = tag.pk if tag else ("none" if tag_slug else "all")
        listing = f"news-index.{self.pk}.{site.pk if site else None}.{shown}"
        paginator = Paginator(news_with_images(news), NEWS_PER_PAGE)
        paginator.count = cached_until_content_changes(f"{listing}.count", lambda: paginator.count)
        # get_page() answers a page number that is not a number with the first page and one past
        # the end with the last page, so no address a visitor types can give a server error.
        news_page = paginator.get_page(request.GET.get("sida"))
        context["news_page"] = news_page
        context["news_cards"] = cached_until_content_changes(
            f"{listing}.{news_page.number}", lambda: [self.news_card(item, request) for item in news_page.object_list]
        )
        return context

    def news_card(self, news, request):
        """A news item's card in the list (home/includes/news_item.html), as HTML."""
        return render_to_string("home/includes/news_item.html", {"news": news, "page": self, "request": request})

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed")

    def latest_news(self, count):
        return news_with_images(NewsPage.objects.live().public().child_of(self))[:count]


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", verbose_name="nyhet", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "nyhetens ämnesord"
        verbose_name_plural = "nyheternas ämnesord"


class NewsPage(PictureMixin, DiscussionMixin, BasePage):
    """One news item. Its summary (on the promote tab) is shown in listings and the RSS feed."""

    date = models.DateField("datum", default=datetime.date.today)
    author = models.CharField("skribent", blank=True, max_length=120)
    body = StreamField(BodyBlock(), verbose_name="innehåll", blank=True)
    tags = ClusterTaggableManager("taggar", through=NewsPageTag, blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("author"), FieldPanel("tags")], heading="Om nyheten"),
        *PictureMixin.panels,
        FieldPanel("body"),
        *DiscussionMixin.panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    template = "home/news_page.html"

    class Meta:
        verbose_name = "nyhet"
        verbose_name_plural = "nyheter"

    @property
    def published_at(self):
        """The news date as a moment (midnight in Stockholm), for feeds."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.min))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = self.get_parent().specific
        context["discussion"] = discussion_summaries(self, request).get("")
        return context
