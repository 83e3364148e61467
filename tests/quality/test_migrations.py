from io import StringIO

from django.core.management import call_command


def test_models_and_migrations_agree(db):
    """makemigrations has nothing to write: not for our apps and not into machina's package."""
    output = StringIO()

    call_command("makemigrations", "--check", "--dry-run", stdout=output)

    assert "No changes detected" in output.getvalue()
