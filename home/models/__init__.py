from .base import BasePage
from .contact_page import ContactFormField, ContactPage
from .events import EventIndexPage, EventPage, EventRegistration
from .home_page import HomePage
from .settings import SiteSettings
from .standard_page import StandardPage

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactPage",
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "HomePage",
    "SiteSettings",
    "StandardPage",
]
