"""Groups and machina's global forum grants (forum=None).

machina checks anonymous visitors against grants with ``anonymous_user=True`` only; a logged-in
user is checked against ``authenticated_user=True`` grants and the grants of their groups. So the
read grants are given to both kinds of "everyone". Members and moderators get their powers
through their groups; a logged-in user outside them can read and nothing else.
"""

from django.db import migrations

READ = ["can_see_forum", "can_read_forum"]
MEMBER = [
    *READ,
    "can_start_new_topics",
    "can_reply_to_topics",
    "can_edit_own_posts",
    "can_delete_own_posts",
    "can_post_without_approval",
    "can_create_polls",
    "can_vote_in_polls",
    "can_attach_file",
    "can_download_file",
]
MODERATOR = [
    *MEMBER,
    "can_approve_posts",
    "can_lock_topics",
    "can_move_topics",
    "can_edit_posts",
    "can_delete_posts",
    "can_post_stickies",
    "can_post_announcements",
    "can_reply_to_locked_topics",
]
GROUPS = {"Medlemmar": MEMBER, "Moderatorer": MODERATOR}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ForumPermission = apps.get_model("forum_permission", "ForumPermission")
    GroupForumPermission = apps.get_model("forum_permission", "GroupForumPermission")
    UserForumPermission = apps.get_model("forum_permission", "UserForumPermission")

    def permission(codename):
        # machina creates its permissions after migrate; a fresh database may not have them yet.
        return ForumPermission.objects.get_or_create(codename=codename)[0]

    for codename in READ:
        for target in ({"anonymous_user": True}, {"authenticated_user": True}):
            UserForumPermission.objects.update_or_create(
                permission=permission(codename), forum=None, user=None, **target, defaults={"has_perm": True}
            )
    for group_name, codenames in GROUPS.items():
        group = Group.objects.get_or_create(name=group_name)[0]
        for codename in codenames:
            GroupForumPermission.objects.update_or_create(
                permission=permission(codename), forum=None, group=group, defaults={"has_perm": True}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("forum_permission", "0005_userforumpermission_authenticated_user"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
