"""machina's permission handler, with what is the same for many requests kept in the shared cache.

machina reads the whole forum table and works out a user's permissions in every forum from its
grant tables (one query for a visitor, two for a member, again for each list of permission names
a page asks about) on every request. Those depend only on the forums, the grants and the user's
groups, or on the user for someone with grants of their own. Forums and grants replace the
page-cache generation when they change (forum/apps.py) and the groups are part of the key, so the
forums and each group set's permissions are cached until content changes: every member of
Medlemmar shares one entry, and a page asks the database for neither.
"""

from collections import OrderedDict

from machina.core.db.models import get_model
from machina.core.loading import get_class
from mptt.utils import get_cached_trees

from arena.content_cache import cached_until_content_changes
from forum.permissions import CONCLUDE_OWN_TOPICS, group_names

Forum = get_model("forum", "Forum")
UserForumPermission = get_model("forum_permission", "UserForumPermission")

BasePermissionHandler = get_class("forum_permission.handler", "PermissionHandler")
ForumPermissionChecker = get_class("forum_permission.checker", "ForumPermissionChecker")


def _forum_setup():
    """All forums (in tree order) and the ids of users who have forum grants of their own."""
    return {
        "forums": list(Forum.objects.all()),
        "users_with_own_grants": set(
            UserForumPermission.objects.filter(user__isnull=False).values_list("user_id", flat=True)
        ),
    }


class SharedPermissionChecker(ForumPermissionChecker):
    """machina's checker, answering from the permissions of every forum, computed once per group set."""

    def __init__(self, user, handler):
        super().__init__(user)
        self.handler = handler
        self._perms_by_forum = None

    def _all_perms(self):
        if self._perms_by_forum is None:
            self._perms_by_forum = cached_until_content_changes(f"forum-permissions.{self._who()}", self._compute)
        return self._perms_by_forum

    def _who(self):
        if self.user.is_anonymous:
            return "anonymous"
        who = "groups:" + ",".join(sorted(group_names(self.user)))
        if self.user.pk in self.handler.forum_setup()["users_with_own_grants"]:
            who += f":user:{self.user.pk}"
        return who

    def _compute(self):
        forums = self.handler._get_all_forums()
        perms = ForumPermissionChecker.get_perms_for_forumlist(self, forums)
        return {forum.id: frozenset(perms[forum]) for forum in forums}

    def _answers_from_cache(self, forums):
        # machina's own code decides for superusers and inactive users before it gets here; a
        # forum that is not in the map (created during this request) is looked up the usual way.
        if self.user.is_superuser or (not self.user.is_anonymous and not self.user.is_active):
            return False
        perms = self._all_perms()
        return all(forum is not None and forum.id in perms for forum in forums)

    def get_perms(self, forum):
        if not self._answers_from_cache([forum]):
            return super().get_perms(forum)
        return self._all_perms()[forum.id]

    def get_perms_for_forumlist(self, forums, perm_codenames=None):
        if not self._answers_from_cache(forums):
            return super().get_perms_for_forumlist(forums, perm_codenames)
        perms = self._all_perms()
        wanted = set(perm_codenames or ())
        return OrderedDict((forum, perms[forum.id] & wanted if wanted else perms[forum.id]) for forum in forums)


class PermissionHandler(BasePermissionHandler):
    """One per request (forum/machina/middleware.py): the forums and permissions from the shared cache."""

    def forum_setup(self):
        if not hasattr(self, "_forum_setup"):
            self._forum_setup = cached_until_content_changes("forum-setup", _forum_setup)
        return self._forum_setup

    def _get_all_forums(self):
        return self.forum_setup()["forums"]

    def can_conclude_own_topics(self, forum, user):
        """Whether the user may conclude the topics they started in the forum (a per-forum grant)."""
        return user.is_authenticated and self._perform_basic_permission_check(forum, user, CONCLUDE_OWN_TOPICS)

    def all_forums(self):
        """Every forum, in tree order."""
        return self._get_all_forums()

    def forum_by_id(self, pk):
        """The forum with this id, or None."""
        if not hasattr(self, "_forums_by_id"):
            self._forums_by_id = {forum.id: forum for forum in self._get_all_forums()}
        return self._forums_by_id.get(pk)

    def visible_forums(self, user):
        """The forums the user may see in lists, as machina's ``forum_list_filter`` leaves them."""
        if user.is_superuser:
            return self._get_all_forums()
        return self._get_forums_for_user(user, ["can_see_forum", "can_read_forum"], use_tree_hierarchy=True)

    def forum_descendants(self, forum):
        """``forum.get_descendants()`` from the forums already read, in tree order."""
        return [
            other
            for other in self._get_all_forums()
            if other.tree_id == forum.tree_id and other.lft > forum.lft and other.rght < forum.rght
        ]

    def forum_ancestors(self, forum):
        """``forum.get_ancestors()`` from the forums already read, root first."""
        return [
            other
            for other in self._get_all_forums()
            if other.tree_id == forum.tree_id and other.lft < forum.lft and other.rght > forum.rght
        ]

    def _get_top_nodes(self):
        if not hasattr(self, "_top_nodes"):
            self._top_nodes = get_cached_trees(self._get_all_forums())
        return self._top_nodes

    def _filter_granted_forums_using_tree(self, granted_forums):
        # machina answers with a new query of the forums it has just filtered in memory.
        granted_ids = set()
        for node in self._get_top_nodes():
            granted_ids.update(self._filter_granted_node_using_tree(node, granted_forums))
        return [forum for forum in self._get_all_forums() if forum.id in granted_ids]

    def _get_checker(self, user):
        key = "anonymous" if user.is_anonymous else user.id
        if key not in self._user_perm_checkers_cache:
            self._user_perm_checkers_cache[key] = SharedPermissionChecker(user, self)
        return self._user_perm_checkers_cache[key]
