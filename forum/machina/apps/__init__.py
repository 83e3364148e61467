"""Local versions of machina apps, replacing machina's own in INSTALLED_APPS (machina's documented
way to override an app). machina's class loader then imports ``<app>.forms``, ``<app>.cache``, ...
from here first and falls back to machina's module for whatever is not defined here.
"""
