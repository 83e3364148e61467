"""backup_site and restore_site: a backup restored into an empty, freshly migrated database.

The restore runs in a separate process against its own SQLite file that `migrate` has just made,
exactly as an administrator would run it on a new server, and that database is then read back
with `dumpdata` in another process and compared with the original.
"""

import json
import os
import subprocess
import sys
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.dateparse import parse_datetime
from machina.core.db.models import get_model
from wagtail.models import Page, PageLogEntry

from home.backup import EXCLUDED_MODELS
from tests.forum.factories import MemberProfileFactory, PostFactory, UserFactory
from tests.home.factories import (
    DocumentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

Attachment = get_model("forum_attachments", "Attachment")

DUMP_OPTIONS = ["--all", *(f"--exclude={label}" for label in EXCLUDED_MODELS)]


def run_manage(database, media, *args):
    """Runs manage.py against the SQLite file `database`, as a separate process, with its uploaded
    files in the folder `media` (public) and beside it in `private-<media>`."""
    environment = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    environment |= {
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(media.with_name(f"private-{media.name}")),
        "DJANGO_SETTINGS_MODULE": "arena.settings.test",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory):
    """An SQLite file straight after `migrate`: the empty database a restore goes into."""
    database = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    result = run_manage(database, database.parent / "media", "migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    return database.read_bytes()


@pytest.fixture
def empty_database(migrated_database, tmp_path):
    database = tmp_path / "restored.sqlite3"
    database.write_bytes(migrated_database)
    return database


def by_model_and_pk(dump):
    """A dump's objects by model and pk, with their date-times as values: a dump keeps milliseconds,
    so 10:00:35.000123 is written "10:00:35.000Z" and, restored as 10:00:35, "10:00:35Z"."""
    items = json.loads(dump)
    for item in items:
        item["fields"] = {name: as_datetime(value) for name, value in item["fields"].items()}
    return {(item["model"], item["pk"]): item for item in items}


def as_datetime(value):
    return (parse_datetime(value) or value) if isinstance(value, str) else value


def backup(path):
    output = StringIO()
    call_command("backup_site", str(path), stdout=output)
    return output.getvalue()


@pytest.fixture
def site_content(home_page, public_forum, media_root):
    """Content of every important kind, with real files in the temporary MEDIA_ROOT."""
    StandardPageFactory(parent=home_page, title="Vår verksamhet", slug="var-verksamhet")
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Fullt hus på frukostmötet")
    news.save_revision().publish()
    EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page), title="Dialogmöte om bostäder", slug="dialogmote", live=False
    )
    # Wagtail keeps the log of a deleted page, pointing at a page that no longer exists.
    deleted = StandardPageFactory(parent=home_page, title="Borttagen sida")
    PageLogEntry.objects.log_action(deleted, "wagtail.create")
    deleted.delete()

    image = ImageFactory(title="Frukostmöte")
    document = DocumentFactory(title="Verksamhetsplan", filename="verksamhetsplan.pdf")
    profile = MemberProfileFactory(display_name="Lena Holm", organisation__name="Huddingehem AB")
    author = profile.user
    first = PostFactory(topic__forum=public_forum, poster=author, content="Hur når vi fler unga?")
    reply = PostFactory(topic=first.topic, poster=UserFactory(), content="Med sommarjobb i kommunen.")
    # The author has unsubscribed; a restore must not subscribe her again.
    first.topic.subscribers.remove(author)
    attachment = Attachment.objects.create(
        post=reply, file=ContentFile(b"%PDF-1.4 protokoll", name="protokoll.pdf"), comment="Protokollet"
    )
    return {
        "image": image,
        "document": document,
        "attachment": attachment,
        "topic": first.topic,
        "replier": reply.poster,
    }


@pytest.mark.django_db
def test_backup_restored_into_an_empty_database_gives_back_the_same_site(
    site_content, empty_database, tmp_path, media_root
):
    archive = tmp_path / "arena.tar.gz"
    summary = backup(archive)
    original = StringIO()
    call_command("dumpdata", *DUMP_OPTIONS, stdout=original)

    database = empty_database
    restored_media = tmp_path / "restored-media"
    restore = run_manage(database, restored_media, "restore_site", str(archive))
    assert restore.returncode == 0, restore.stderr
    restored = run_manage(database, restored_media, "dumpdata", *DUMP_OPTIONS)
    assert restored.returncode == 0, restored.stderr

    assert "Säkerhetskopian sparades i" in summary
    assert "Återställde" in restore.stdout
    before, after = by_model_and_pk(original.getvalue()), by_model_and_pk(restored.stdout)
    assert {key: after.get(key) for key in before} == before
    # Only what migrate makes for the target itself may be added (on SQLite: its full-text table).
    assert {model for model, pk in after.keys() - before.keys()} <= {"contenttypes.contenttype", "auth.permission"}
    pages = {item["fields"]["url_path"]: item["fields"] for key, item in after.items() if key[0] == "wagtailcore.page"}
    assert pages["/start/var-verksamhet/"]["title"] == "Vår verksamhet"
    assert pages["/start/aktiviteter/dialogmote/"]["live"] is False
    posts = [item["fields"]["content"] for key, item in after.items() if key[0] == "forum_conversation.post"]
    assert sorted(posts) == ["Hur når vi fler unga?", "Med sommarjobb i kommunen."]
    assert after[("forum_conversation.topic", site_content["topic"].pk)]["fields"]["subscribers"] == [
        site_content["replier"].pk
    ]
    for name in ("image", "document"):
        stored = site_content[name].file.name
        assert (restored_media / stored).read_bytes() == (Path(media_root) / stored).read_bytes()
    attachment = site_content["attachment"].file.name
    restored_private_media = tmp_path / "private-restored-media"
    assert (restored_private_media / attachment).read_bytes() == b"%PDF-1.4 protokoll"
    assert not (restored_media / attachment).exists(), "attachments are never restored into public media"


def test_restore_refuses_a_database_with_content(site_content, tmp_path):
    archive = tmp_path / "arena.tar.gz"
    backup(archive)

    with pytest.raises(CommandError, match="Databasen innehåller redan innehåll") as refusal:
        call_command("restore_site", str(archive))

    assert "3 användare" in str(refusal.value)
    assert Attachment.objects.get().comment == "Protokollet"


def test_restore_refuses_a_database_with_only_a_user(db, tmp_path, media_root):
    archive = tmp_path / "arena.tar.gz"
    backup(archive)
    UserFactory(username="admin@arenahuddinge.se")

    with pytest.raises(CommandError, match=r"\(1 användare\)"):
        call_command("restore_site", str(archive))


def test_restore_of_a_missing_file_says_so_in_swedish(db, tmp_path):
    with pytest.raises(CommandError, match="finns inte"):
        call_command("restore_site", str(tmp_path / "saknas.tar.gz"))


def test_restore_of_a_corrupt_archive_says_so_in_swedish(db, tmp_path):
    archive = tmp_path / "trasig.tar.gz"
    archive.write_bytes("det här är ingen säkerhetskopia".encode())

    with pytest.raises(CommandError, match="ingen giltig säkerhetskopia"):
        call_command("restore_site", str(archive))


def test_restore_of_an_archive_without_data_says_so_in_swedish(db, tmp_path):
    notes = tmp_path / "anteckningar.txt"
    notes.write_text("Bara en anteckning.")
    archive = tmp_path / "fel.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(notes, arcname="anteckningar.txt")

    with pytest.raises(CommandError, match=r"data\.json eller manifest\.json saknas"):
        call_command("restore_site", str(archive))


def test_corrupt_archive_from_the_command_line_gives_no_traceback(empty_database, tmp_path):
    archive = tmp_path / "trasig.tar.gz"
    archive.write_bytes(b"\x1f\x8b trasig")

    result = run_manage(empty_database, tmp_path / "media", "restore_site", str(archive))

    assert result.returncode == 1
    assert "ingen giltig säkerhetskopia" in result.stderr
    assert "Traceback" not in result.stderr


def test_backup_manifest_counts_what_it_holds(site_content, tmp_path):
    archive = tmp_path / "arena.tar.gz"
    summary = backup(archive)

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    assert manifest["objects"]["forum_conversation.post"] == 2
    assert manifest["objects"]["auth.user"] == 3
    assert not any(label.startswith("wagtailsearch.") for label in manifest["objects"])
    assert f"private-media/{site_content['attachment'].file.name}" in names
    assert f"media/{site_content['attachment'].file.name}" not in names
    assert f"{sum(manifest['objects'].values())} objekt från databasen och 3 filer" in summary
    assert archive.stat().st_mode & 0o077 == 0, "only the owner may read a backup"


def test_a_failed_restore_leaves_the_database_as_it_was(db, tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": 1, "created_at": "2026-11-27T02:30:00+00:00", "objects": {}}))
    data = tmp_path / "data.json"
    data.write_text('[{"model": "auth.group", "pk": 1, "fields": {"name": "Halv')
    archive = tmp_path / "halv.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(manifest, arcname="manifest.json")
        tar.add(data, arcname="data.json")
    groups_before = sorted(Group.objects.values_list("name", flat=True))

    with pytest.raises(CommandError, match="Återställningen misslyckades och databasen är oförändrad"):
        call_command("restore_site", str(archive))

    assert sorted(Group.objects.values_list("name", flat=True)) == groups_before
    assert "Medlemmar" in groups_before
    assert Page.objects.count() == 2
