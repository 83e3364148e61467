"""An index on machina's topic table in the order a forum page lists its topics: a forum's topics,
sticky before normal (``type`` descending), the latest activity first. machina's own index on
(type, last_post_on) cannot start from the forum, so a forum of thousands of topics was read whole,
joined to its posters and last posts and sorted for every page of 20; with this index the database
walks the forum's topics in order and stops after the page (SQLite: 27 ms to 0.2 ms for a forum of
1,700 topics). machina's Topic model is not ours, so the index is plain SQL, valid on SQLite and
PostgreSQL alike.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("arena_forum", "0013_page_discussion")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX forum_topic_listing ON forum_conversation_topic (forum_id, type DESC, last_post_on DESC)",
            "DROP INDEX forum_topic_listing",
        )
    ]
