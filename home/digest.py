"""What the forum's digest e-mail tells about the site's own content (registered in apps.py, since
``forum`` never imports ``home``): events announced during the period, and its news."""

from django.utils import timezone

from forum.notifications.digest import DigestItem

from .models import EventPage, NewsPage


def announced_events(start, end):
    """Events first published during the period that have not yet begun, soonest first."""
    events = (
        EventPage.objects.live()
        .public()
        .filter(first_published_at__gte=start, first_published_at__lt=end, start__gte=timezone.now())
        .exclude(status=EventPage.Status.CANCELLED)
        .order_by("start")[:10]
    )
    return [DigestItem(event.title, event.url, event.time_display) for event in events]


def published_news(start, end):
    """News published during the period, newest first."""
    news = NewsPage.objects.live().public().filter(first_published_at__gte=start, first_published_at__lt=end)
    return [DigestItem(item.title, item.url, item.summary) for item in news.order_by("-first_published_at")[:10]]
