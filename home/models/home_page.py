from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail.search import index

from home.blocks import BodyBlock
from home.content_cache import cached_until_content_changes

from .activity_plan import ActivityPlanPage
from .base import BasePage
from .mixins import IntroductionMixin
from .news import NewsIndexPage, NewsPage


class HomePage(IntroductionMixin, BasePage):
    """The site root: what Arena Huddinge is, at a glance."""

    hero_heading = models.CharField("huvudrubrik", max_length=120)
    body = StreamField(BodyBlock(), verbose_name="innehåll", blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_heading"),
        *IntroductionMixin.panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.ActivityPlanIndexPage",
        "home.NewsIndexPage",
        "home.EventIndexPage",
        "home.ContactPage",
        "home.ConclusionIndexPage",
        "home.MemberDirectoryPage",
    ]
    max_count = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = "startsida"
        verbose_name_plural = "startsidor"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        context.update(
            cached_until_content_changes(
                f"home-page.{self.pk}.{site.pk if site else None}", lambda: self.listings(request)
            )
        )
        return context

    def listings(self, request):
        """The newest activity plan and news, as links: they change only when pages do, so the
        start page reads them from the content cache."""

        def link(page):
            return {"url": page.get_url(request), "title": page.title}

        plan = self.newest_activity_plan()
        news = NewsPage.objects.live().public().descendant_of(self).defer_streamfields()
        news_index = NewsIndexPage.objects.live().public().descendant_of(self).defer_streamfields().first()
        return {
            "activity_plan": {**link(plan), "year": plan.year} if plan else None,
            "latest_news": [
                {**link(item), "date": item.date, "summary": item.summary}
                for item in news.order_by("-date", "-first_published_at", "-pk")[:3]
            ],
            "news_index": {**link(news_index), "feed_url": news_index.feed_url} if news_index else None,
        }

    def newest_activity_plan(self):
        """The published, public plan for the latest year (a newer draft stays hidden), in one query."""
        return (
            ActivityPlanPage.objects.live().public().descendant_of(self).defer_streamfields().order_by("-year").first()
        )
