"""System checks (`manage.py check`) for settings the forum depends on."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def private_media_outside_public_media(app_configs, **kwargs):
    """Forum attachments are only safe if no web server serves PRIVATE_MEDIA_ROOT as part of /media/."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    public = Path(settings.MEDIA_ROOT).resolve()
    if private.is_relative_to(public) or public.is_relative_to(private):
        return [
            Error(
                "PRIVATE_MEDIA_ROOT och MEDIA_ROOT överlappar, så forumets bilagor kan serveras under /media/.",
                hint="Välj en mapp för PRIVATE_MEDIA_ROOT som ligger utanför MEDIA_ROOT (och tvärtom).",
                id="arena_forum.E001",
            )
        ]
    return []
