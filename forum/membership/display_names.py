"""The name a person is shown by in the forum: the member profile's display name, never the
username or the e-mail address (which are the same on this site)."""

from django.core.exceptions import ObjectDoesNotExist

FALLBACK_DISPLAY_NAME = "Medlem"


def member_display_name(user):
    """The display name from the member profile; else the full name; else a neutral word."""
    try:
        return user.member_profile.display_name
    except ObjectDoesNotExist:
        return user.get_full_name() or FALLBACK_DISPLAY_NAME
