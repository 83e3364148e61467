"""A GIN index over what Wagtail's PostgreSQL search backend matches pages against: the title and
body vectors of wagtailsearch_indexentry joined (``title || body``). Wagtail indexes each vector
alone, so the site search (home/search.py) read every entry of the searched page types and joined
their vectors to test them: EXPLAIN ANALYZE over the benchmark's 6,000 pages, ms: a common word
12.6 -> 6.3, "frukost" 10.4 -> 4.7, two words 10.5 -> 5.5, an absent word 7.1 -> 0.05. Other
databases search without it, so there the migration does nothing.
"""

from django.db import migrations

from arena.postgresql import run_on_postgresql

FORWARD = [
    "CREATE INDEX home_search_entry_words ON wagtailsearch_indexentry USING gin ((title || body))",
]
BACKWARD = ["DROP INDEX home_search_entry_words"]



class Migration(migrations.Migration):
    dependencies = [
        ("home", "0015_conclusions_page_and_goal_citations"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [run_on_postgresql(FORWARD, BACKWARD)]
