"""The forum search's text vector stored in machina's post table, with its own GIN index, and a
btree for the newest posts first (forum/machina/search.py explains the plan they serve).

The column is GENERATED ... STORED: PostgreSQL keeps it up to date on every insert and update, with
no trigger, and Django never sees it (a model selects and writes its declared fields only, so
machina's Post model stays as it is). It replaces migration 0004's expression index, which made
ranking compute every candidate's vector again. Other databases search without it, so there the
migration does nothing.
"""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE forum_conversation_post ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('swedish'::regconfig, COALESCE(subject, '') || ' ' || COALESCE(content, ''))
    ) STORED
    """,
    "CREATE INDEX forum_post_search_vector ON forum_conversation_post USING gin (search_vector)",
    "CREATE INDEX forum_post_newest ON forum_conversation_post (created DESC, id DESC)",
    "DROP INDEX forum_post_search_swedish",
]
BACKWARD = [
    """
    CREATE INDEX forum_post_search_swedish ON forum_conversation_post USING gin (
        to_tsvector('swedish'::regconfig, COALESCE(subject, '') || ' ' || COALESCE(content, ''))
    )
    """,
    "DROP INDEX forum_post_newest",
    "ALTER TABLE forum_conversation_post DROP COLUMN search_vector",
]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("arena_forum", "0007_member_display_name_skeleton_unique")]

    operations = [migrations.RunPython(run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD))]
