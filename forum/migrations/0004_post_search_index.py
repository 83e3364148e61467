"""A GIN index for searching forum posts on PostgreSQL (forum/machina/search.py).

The index is built on exactly the expression the search filters on, so PostgreSQL can use it.
Other databases search without it, so there the migration does nothing.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(SearchVector("subject", "content", config="swedish"), name="forum_post_search_swedish")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("forum_conversation", "Post"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("forum_conversation", "Post"), INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("arena_forum", "0003_membership"),
        ("forum_conversation", "0013_auto_20201220_1745"),
    ]

    operations = [migrations.RunPython(add_index, remove_index)]
