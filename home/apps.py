from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Wagtail editorial content: page types, blocks, site settings, navigation, demo content."""

    name = "home"
    verbose_name = "Webbplatsens innehåll"
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from wagtail.contrib.search_promotions.models import SearchPromotion
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published

        from arena.page_cache import invalidate_on_change
        from forum.conclusions.citations import register_citation_lookup
        from forum.membership.personal_data import register_source
        from forum.models import Organisation
        from forum.notifications.digest import register_digest_source

        from .digest import announced_events, published_news
        from .discussions import link_discussions_on_publish
        from .models import EventRegistration, SiteSettings
        from .models.activity_plan import goals_citing
        from .personal_data import (
            contact_messages_data,
            erase_contact_messages,
            erase_event_registrations,
            event_registrations_data,
        )

        register_source("anmälningar_till_evenemang", event_registrations_data, erase_event_registrations)
        register_source("meddelanden_via_kontaktformuläret", contact_messages_data, erase_contact_messages)
        # A conclusion in the forum shows the activity-plan goals that cite it.
        register_citation_lookup(goals_citing)
        register_digest_source("Kommande aktiviteter", announced_events)
        register_digest_source("Nyheter", published_news)

        page_published.connect(link_discussions_on_publish, dispatch_uid="home_link_discussions_on_publish")

        # What the cached public pages show: pages (published, moved, deleted, made private), the
        # footer's settings, images and documents, seats left at events, the member directory, the
        # editors' promoted search results.
        invalidate_on_change(
            Page,
            PageViewRestriction,
            Site,
            SiteSettings,
            get_image_model(),
            get_document_model(),
            EventRegistration,
            Organisation,
            SearchPromotion,
        )
