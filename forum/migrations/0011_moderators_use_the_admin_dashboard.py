"""Moderators may open the Wagtail admin: its dashboard's "Väntar på dig" shows them the reported
posts waiting in their queue (arena/dashboard.py). They get no other admin permissions here.

The permission is created with get_or_create, the way Wagtail's own migrations do, so the migration
works on a fresh database before post_migrate has created it."""

from django.db import migrations

MODERATORS_GROUP = "Moderatorer"


def access_admin(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    return permission


def let_moderators_in(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    group.permissions.add(access_admin(apps))


def keep_moderators_out(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=MODERATORS_GROUP).first()
    if group:
        group.permissions.remove(access_admin(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("arena_forum", "0010_ascii_forum_slugs"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(let_moderators_in, keep_moderators_out)]
