from .activity_plan import ActivityPlanIndexPage, ActivityPlanPage
from .base import BasePage
from .conclusions import ConclusionIndexPage
from .contact_page import ContactFormField, ContactPage
from .events import EventIndexPage, EventPage, EventRegistration
from .home_page import HomePage
from .member_directory import MemberDirectoryPage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .settings import SiteSettings
from .standard_page import StandardPage

__all__ = [
    "ActivityPlanIndexPage",
    "ActivityPlanPage",
    "BasePage",
    "ConclusionIndexPage",
    "ContactFormField",
    "ContactPage",
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "HomePage",
    "MemberDirectoryPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "SiteSettings",
    "StandardPage",
]
