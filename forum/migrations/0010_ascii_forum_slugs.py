"""Forums and topics saved before forum/machina/slugs.py have slugs with å, ä and ö; they get the
ASCII slugs new ones get. The pk in each URL finds the forum or topic, so older links still work."""

from django.db import migrations

from forum.machina.slugs import forum_slug, topic_slug


def ascii_slugs(apps, schema_editor):
    for model_name, field, make_slug in (
        (("forum", "Forum"), "name", forum_slug),
        (("forum_conversation", "Topic"), "subject", topic_slug),
    ):
        model = apps.get_model(*model_name)
        for pk, text, slug in model.objects.values_list("pk", field, "slug").iterator():
            if slug != make_slug(text):
                model.objects.filter(pk=pk).update(slug=make_slug(text))


class Migration(migrations.Migration):
    dependencies = [
        ("arena_forum", "0009_notices_settings_forum_subscriptions_digests"),
        ("forum", "0011_auto_20190627_2132"),
        ("forum_conversation", "0013_auto_20201220_1745"),
    ]

    operations = [migrations.RunPython(ascii_slugs, migrations.RunPython.noop)]
