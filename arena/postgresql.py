"""Schema changes that only PostgreSQL gets (the search indexes and the forum's stored text vector):
the other databases (SQLite for `make run` and the tests) search without them."""

from django.db import migrations


def run_on_postgresql(forward, backward):
    """A migration operation that runs the SQL statements ``forward`` (and ``backward`` when the
    migration is reversed) on PostgreSQL, and does nothing on any other database."""
    return migrations.RunPython(_run(forward), _run(backward))


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run
