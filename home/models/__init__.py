from .base import BasePage
from .home_page import HomePage
from .settings import SiteSettings
from .standard_page import StandardPage

__all__ = ["BasePage", "HomePage", "SiteSettings", "StandardPage"]
