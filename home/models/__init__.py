from .base import BasePage
from .contact_page import ContactFormField, ContactPage
from .home_page import HomePage
from .settings import SiteSettings
from .standard_page import StandardPage

__all__ = ["BasePage", "ContactFormField", "ContactPage", "HomePage", "SiteSettings", "StandardPage"]
