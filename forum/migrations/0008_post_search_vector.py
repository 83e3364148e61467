"""The forum search's text vector stored in machina's post table, with its own GIN index, and a
btree for the newest posts first (forum/machina/search.py explains the plan they serve).

The column is GENERATED ... STORED: PostgreSQL keeps it up to date on every insert and update, with
no trigger, and Django never sees it (a model selects and writes its declared fields only, so
machina's Post model stays as it is). It replaces migration 0004's expression index, which made
ranking compute every candidate's vector again. Other databases search without it, so there the
migration does nothing.
"""

from django.db import migrations

from arena.postgresql import run_on_postgresql

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



class Migration(migrations.Migration):
    dependencies = [("arena_forum", "0007_member_display_name_skeleton_unique")]

    operations = [run_on_postgresql(FORWARD, BACKWARD)]
