"""Who may do what in the forum, on top of machina's permission tables.

The global grants (forum=None) are created by the data migration
``0001_forum_permission_grants``: anonymous visitors and every logged-in user read public forums,
``Medlemmar`` post, ``Moderatorer`` moderate. A logged-in user outside ``Medlemmar`` reads only.
Per-forum grants narrow that down, as ``make_members_only`` does.
"""

from functools import wraps

from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from machina.core.db.models import get_model

ForumPermission = get_model("forum_permission", "ForumPermission")
GroupForumPermission = get_model("forum_permission", "GroupForumPermission")
UserForumPermission = get_model("forum_permission", "UserForumPermission")

MEMBERS_GROUP = "Medlemmar"
MODERATORS_GROUP = "Moderatorer"
READ_PERMISSIONS = ("can_see_forum", "can_read_forum")
# Our own forum permission, beside machina's: a topic's starter may conclude it (forum/conclusions/).
# Granted to nobody globally; allow_starters_to_conclude grants it to members in one forum.
CONCLUDE_OWN_TOPICS = "can_conclude_own_topics"


def members_group():
    """The group whose people take part in the forum (created with its grants by a migration)."""
    return Group.objects.get_or_create(name=MEMBERS_GROUP)[0]


def moderators_group():
    """The group whose people moderate every forum (created with its grants by a migration)."""
    return Group.objects.get_or_create(name=MODERATORS_GROUP)[0]


def group_names(user):
    """The names of the user's groups, looked up once per user object (so once per request)."""
    if not hasattr(user, "_arena_forum_groups"):
        user._arena_forum_groups = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
    return user._arena_forum_groups


def is_moderator(user):
    return user.is_authenticated and (user.is_superuser or MODERATORS_GROUP in group_names(user))


def is_forum_member(user):
    """Takes part in the forum: a member or a moderator. Others (communicators, people whose
    registration is not yet approved) only read the public forums."""
    return user.is_authenticated and (user.is_superuser or bool(group_names(user) & {MEMBERS_GROUP, MODERATORS_GROUP}))


def members_only(view):
    """Sends anonymous visitors to log in and refuses everyone else outside the forum (403)."""

    @wraps(view)
    def members_only_view(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_forum_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return members_only_view


@transaction.atomic
def make_members_only(forum):
    """Hides the forum from anonymous visitors and from logged-in non-members.

    machina lets a per-forum grant win over a global one, and a group grant over the grant for all
    logged-in users, so the forum denies reading to "anonymous" and "every logged-in user" and
    grants it to the two groups.
    """
    for codename in READ_PERMISSIONS:
        permission, _ = ForumPermission.objects.get_or_create(codename=codename)
        for target in ({"anonymous_user": True}, {"authenticated_user": True}):
            UserForumPermission.objects.update_or_create(
                permission=permission, forum=forum, user=None, **target, defaults={"has_perm": False}
            )
        for group in (members_group(), moderators_group()):
            GroupForumPermission.objects.update_or_create(
                permission=permission, forum=forum, group=group, defaults={"has_perm": True}
            )


def allow_starters_to_conclude(forum, allowed=True):
    """Lets (or no longer lets) members who start a topic in the forum conclude it themselves."""
    permission, _ = ForumPermission.objects.get_or_create(codename=CONCLUDE_OWN_TOPICS)
    GroupForumPermission.objects.update_or_create(
        permission=permission, forum=forum, group=members_group(), defaults={"has_perm": allowed}
    )
