from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from arena.content_cache import cached_until_content_changes
from forum.machina.links import topic_url
from forum.machina.permissions import PermissionHandler
from forum.machina.sectors import voices_per_sector_in_topics
from forum.machina.visibility import visible_topics
from home.blocks import BodyBlock

from .activity_plan import ActivityPlanPage
from .base import BasePage
from .conclusions import ConclusionIndexPage
from .events import EventIndexPage, EventPage
from .mixins import IntroductionMixin, PictureMixin, with_pictures
from .news import NEWEST_FIRST, NewsIndexPage, NewsPage
from .settings import SiteSettings

# How many of each the start page shows.
UPCOMING_EVENTS = 3
LATEST_NEWS = 3
LATEST_TOPICS = 4


def news_card(news, url):
    """The news item's card (components/card.html) as HTML, picture included: it is kept in the
    content cache with the rest of the start page's lists, so its renditions are not read again."""
    image, image_alt = news.listing_picture
    context = {"title": news.title, "url": url, "date": news.date, "summary": news.summary}
    return render_to_string("home/includes/home_news_card.html", {**context, "image": image, "image_alt": image_alt})


class HomePage(IntroductionMixin, PictureMixin, BasePage):
    """The site root: the association's promise with a picture, and what is happening: the next
    activities, the latest public conversations in the forum, the latest news and the newest plan."""

    hero_heading = models.CharField(
        "huvudrubrik", max_length=120, help_text="Föreningens löfte i en mening, överst på startsidan."
    )
    body = StreamField(BodyBlock(), verbose_name="innehåll", blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_heading"),
        *IntroductionMixin.panels,
        *PictureMixin.panels,
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

    def route(self, request, path_components):
        """Wagtail's routing from the site root, with the page a path leads to kept in the content
        cache: Wagtail reads each page on the way twice (the child by its slug, then its specific
        row). The page found is the same for everyone (view restrictions are checked after
        routing, on every request), and only a path that led to a page is kept. The page then
        routes what is left of the path itself, as it would have: a live check, or its own
        sub-path (the news feed, an event's registration)."""
        if not path_components:
            return super().route(request, path_components)
        path = "/".join(path_components)
        page = cached_until_content_changes(f"route.{self.pk}.{path}", lambda: self.find_page(request, path_components))
        return page.route(request, path_components[page.depth - self.depth :])

    def find_page(self, request, path_components):
        """The page Wagtail's routing leads to (it raises Http404 where it leads nowhere)."""
        return super().route(request, path_components).page

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
        """What the start page lists, as plain values: it changes only when pages, registrations
        or forum posts do, so the start page reads it from the content cache. It is the same for
        everyone who sees the page, so the forum's conversations are those anonymous visitors may
        read."""

        def link(page):
            return {"url": page.get_url(request), "title": page.title}

        # Which sections are private, read once for every list below (public() reads it per list).
        private = Page.objects.private_q()
        plan = self.newest_activity_plan(private)
        news = with_pictures(self.public_descendants(NewsPage, private).order_by(*NEWEST_FIRST))
        news_index, event_index, conclusion_index = self.section_indexes(private)
        site_settings = SiteSettings.for_request(request)
        return {
            # The page's own picture too: its image and renditions would be read on every view.
            "hero_picture": render_to_string(
                "home/includes/home_hero_picture.html", {"image": self.image, "image_alt": self.image_alt}
            )
            if self.image
            else "",
            "membership": {"heading": site_settings.membership_heading, "text": site_settings.membership_text},
            "activity_plan": {**link(plan), "year": plan.year, "summary": plan.summary} if plan else None,
            "latest_news": [news_card(item, item.get_url(request)) for item in news[:LATEST_NEWS]],
            "news_index": {**link(news_index), "feed_url": news_index.feed_url} if news_index else None,
            "upcoming_events": [
                {
                    **link(event),
                    "start": event.start,
                    "time": event.time_display,
                    "place": event.place,
                    "cancelled": event.is_cancelled,
                    "seats_left": max(event.capacity - event.registration_count, 0) if event.capacity else None,
                }
                for event in self.upcoming_events(private)
            ],
            "event_index": link(event_index) if event_index else None,
            "conclusion_index": link(conclusion_index) if conclusion_index else None,
            "latest_topics": self.latest_public_topics(),
        }

    def public_descendants(self, model, private=None):
        """The live pages of ``model`` below this one outside private sections, without their
        streamfields; ``private`` (``Page.objects.private_q()``) lets several lists share one read."""
        return (
            model.objects.live()
            .descendant_of(self)
            .exclude(Page.objects.private_q() if private is None else private)
            .defer_streamfields()
        )

    def section_indexes(self, private=None):
        """The first news index, event index and conclusions page below this page (or None), in one
        query."""
        sections = (NewsIndexPage, EventIndexPage, ConclusionIndexPage)
        indexes = self.public_descendants(Page, private).type(*sections).specific(defer=True)
        first = {}
        for page in indexes.order_by("path"):
            first.setdefault(type(page), page)
        return tuple(first.get(section) for section in sections)

    def upcoming_events(self, private=None):
        """The next events that have not ended, each with its number of registrations, in one query."""
        return (
            self.public_descendants(EventPage, private)
            .filter(end__gte=timezone.now())
            .annotate(registration_count=Count("registrations"))
            .order_by("start", "pk")[:UPCOMING_EVENTS]
        )

    @staticmethod
    def latest_public_topics():
        """The conversations last written in among those anyone may read without logging in, with
        how many voices each sector has in them: never one from a members-only forum."""
        topics = list(
            visible_topics(AnonymousUser(), PermissionHandler())
            .select_related("forum")
            .order_by("-last_post_on", "-pk")[:LATEST_TOPICS]
        )
        voices = voices_per_sector_in_topics(topics)
        return [
            {
                "url": topic_url(topic),
                "subject": topic.subject,
                "forum": topic.forum.name,
                "replies": max(topic.posts_count - 1, 0),
                "last_post_on": topic.last_post_on,
                "voices": voices[topic.pk],
            }
            for topic in topics
        ]

    def newest_activity_plan(self, private=None):
        """The published, public plan for the latest year (a newer draft stays hidden), in one query."""
        return self.public_descendants(ActivityPlanPage, private).order_by("-year").first()
