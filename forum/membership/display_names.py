"""The name a person is shown by in the forum: the member profile's display name, never the
username or the e-mail address (which are the same on this site); and what makes two display
names the same to a reader."""

import functools
import unicodedata

from django.core.exceptions import ObjectDoesNotExist

FALLBACK_DISPLAY_NAME = "Medlem"

# Letters that show as nothing at all, besides the format characters (zero-width space, joiners,
# direction marks) that normalise_display_name drops by their category.
BLANK_LETTERS = {"\u115f", "\u1160", "\u2800", "\u3164", "\uffa0"}


def member_display_name(user):
    """The display name from the member profile; else the full name; else a neutral word."""
    try:
        return user.member_profile.display_name
    except ObjectDoesNotExist:
        return user.get_full_name() or FALLBACK_DISPLAY_NAME


def display_name_only(user):
    """The display name, or a neutral word for an account without a member profile (staff): what
    e-mail and notices call people, never the real name, the username or the address."""
    try:
        return user.member_profile.display_name
    except ObjectDoesNotExist:
        return FALLBACK_DISPLAY_NAME


def normalise_display_name(name):
    """The name as stored and shown: Unicode NFKC (full-width and mathematical letters become
    ordinary ones), without invisible characters, on one line with single spaces."""
    name = unicodedata.normalize("NFKC", name)
    visible = "".join(
        " " if unicodedata.category(char) == "Cc" else char
        for char in name
        if unicodedata.category(char) != "Cf" and char not in BLANK_LETTERS
    )
    return " ".join(visible.split())


@functools.cache
def _prototypes():
    """Each confusable character and the character (or characters) it is mistaken for, from
    Unicode's confusables list (UTS #39) as the confusable_homoglyphs package ships it. The package
    lists every pair both ways: a character listed with one other that lists several (or with a
    sequence, like m with rn) maps to it; two that only list each other map to the smaller one."""
    # Imported here: reading the list takes a noticeable part of a second, and only a new display
    # name needs it.
    from confusable_homoglyphs.confusables import confusables_data

    data = {char: [entry["c"].strip("\u200e") for entry in entries] for char, entries in confusables_data.items()}
    prototypes = {}
    for char, targets in data.items():
        if len(char) != 1 or len(targets) != 1:
            continue
        (target,) = targets
        if len(target) > 1 or data.get(target) != [char]:
            prototypes[char] = target
        else:
            prototypes[char] = min(char, target)
    return prototypes


def display_name_skeleton(name):
    """What a reader sees of a display name: the same for names that differ only in case, in
    invisible characters or in letters that look alike (a Cyrillic letter for a Latin one, l for 1, rn for m).
    Unicode's skeleton, applied again after case folding so that case does not count either."""
    prototypes = _prototypes()
    skeleton = "".join(prototypes.get(char, char) for char in normalise_display_name(name))
    skeleton = "".join(prototypes.get(char, char) for char in skeleton.casefold())
    return unicodedata.normalize("NFD", skeleton)
