"""Forums and topics saved before forum/machina/slugs.py have slugs with å, ä and ö; they get the
ASCII slugs new ones get. The pk in each URL finds the forum or topic, so older links still work."""

from django.db import migrations

from forum.machina.slugs import reslug


def ascii_slugs(apps, schema_editor):
    reslug(apps.get_model("forum", "Forum"), apps.get_model("forum_conversation", "Topic"))


class Migration(migrations.Migration):
    dependencies = [
        ("arena_forum", "0009_notices_settings_forum_subscriptions_digests"),
        ("forum", "0011_auto_20190627_2132"),
        ("forum_conversation", "0013_auto_20201220_1745"),
    ]

    operations = [migrations.RunPython(ascii_slugs, migrations.RunPython.noop)]
