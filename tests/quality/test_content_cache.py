"""The content cache (arena/content_cache.py): a value is built once while content stays the same,
again after a change, and never read by another version of the code."""

import pytest

from arena import content_cache
from arena.content_cache import cached_until_content_changes, code_version
from arena.page_cache import invalidate_cached_pages


class Builds:
    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1
        return f"bygge {self.count}"


@pytest.mark.django_db
def test_a_value_is_built_once_until_content_changes():
    build = Builds()

    first = cached_until_content_changes("lista", build)
    again = cached_until_content_changes("lista", build)
    invalidate_cached_pages()
    after_change = cached_until_content_changes("lista", build)

    assert (first, again, after_change) == ("bygge 1", "bygge 1", "bygge 2")


def test_another_version_of_the_code_never_reads_the_values_of_this_one(monkeypatch):
    build = Builds()
    cached_until_content_changes("lista", build)

    monkeypatch.setattr(content_cache, "code_version", lambda: "nästa-version")

    assert cached_until_content_changes("lista", build) == "bygge 2"


@pytest.fixture
def project(tmp_path, settings):
    for source in content_cache.SOURCES:
        (tmp_path / source).mkdir()
    (tmp_path / "requirements.txt").write_text("Django==5.2\n")
    (tmp_path / "templates" / "rad.html").write_text("<li>{{ topic }}</li>\n")
    settings.BASE_DIR = tmp_path
    code_version.cache_clear()
    yield tmp_path
    code_version.cache_clear()


def test_the_code_version_follows_templates_code_and_pinned_packages(project):
    versions = [code_version()]
    for path, text in [
        ("templates/rad.html", "<li>{{ topic.subject }}</li>\n"),
        ("forum/lists.py", "ROWS = 20\n"),
        ("requirements.txt", "Django==5.2.1\n"),
    ]:
        (project / path).write_text(text)
        code_version.cache_clear()
        versions.append(code_version())
    (project / "README.md").write_text("Ingen kod.\n")
    code_version.cache_clear()

    assert len(set(versions)) == 4
    assert code_version() == versions[-1]
