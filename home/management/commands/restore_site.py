"""Restores a backup made by `manage.py backup_site` into an empty, freshly migrated database.

Empty means what `manage.py migrate` leaves behind and nothing more: no users, no pages other
than Wagtail's own root and welcome page (both of the plain type ``wagtailcore.Page``), no images,
no documents and no forums. Anything else is refused: there is deliberately no ``--force``, so a
restore can never overwrite a site in use.

How it round-trips: the data migrations create rows of their own (the root page, the default site
and locale, the groups Kommunikatörer/Medlemmar/Moderatorer with their page, collection and forum
permissions, the review workflow and its task, the root collection, content types and
permissions). The backup holds the same rows as they were in the live site, perhaps edited since.
So the restore first empties every table, then loads the dump with its original primary keys,
exactly as `flush` followed by `loaddata` would. Nothing can clash, and every reference points
where it pointed before, including generic ones stored as plain ids (revisions, log entries) and
references Wagtail deliberately leaves dangling (log entries of deleted pages, which is also why
the dump uses no natural keys: a deleted page has none). Finally the post-migrate signal runs, as
after `flush`, so content types and permissions of models newer than the backup are created.

All of it runs in one transaction: if anything fails, the database is exactly as before. Files
are copied into MEDIA_ROOT and PRIVATE_MEDIA_ROOT inside that transaction, so a failed copy rolls
the data back too.
Afterwards the search index and Wagtail's reference index are rebuilt.
"""

import json
import shutil
import tarfile
import tempfile
import zlib
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from machina.core.db.models import get_model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from forum.notifications.emails import notifications_muted
from home.backup import DATA_NAME, FORMAT_VERSION, MANIFEST_NAME, file_folders

Forum = get_model("forum", "Forum")


class Command(BaseCommand):
    help = "Återställer en säkerhetskopia från backup_site till en tom, nyss migrerad databas."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Säkerhetskopian (tar.gz) som ska återställas.")

    def handle(self, *args, path, **options):
        archive_path = Path(path)
        if not archive_path.is_file():
            raise CommandError(f"Filen {archive_path} finns inte.")
        self.check_database_is_migrated()

        with tempfile.TemporaryDirectory() as workdir:
            workdir = Path(workdir)
            manifest = self.unpack(archive_path, workdir)
            self.check_migrations(manifest)
            self.check_database_is_empty()
            try:
                with transaction.atomic(), notifications_muted():
                    self.empty_tables()
                    call_command("loaddata", str(workdir / DATA_NAME), verbosity=0)
                    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
                    for name, folder in file_folders():
                        if (workdir / name).is_dir():
                            shutil.copytree(workdir / name, folder, dirs_exist_ok=True)
            except (DeserializationError, DatabaseError, OSError) as error:
                raise CommandError(f"Återställningen misslyckades och databasen är oförändrad: {error}") from error
            file_count = sum(1 for name, _ in file_folders() for item in (workdir / name).rglob("*") if item.is_file())

        call_command("rebuild_references_index", stdout=StringIO())
        call_command("update_index", stdout=StringIO())
        total = sum(manifest["objects"].values())
        self.stdout.write(
            f"Återställde {total} objekt och {file_count} {'fil' if file_count == 1 else 'filer'} från {archive_path} "
            f"(säkerhetskopierad {manifest['created_at']}). Sökindexet är återuppbyggt."
        )

    def unpack(self, archive_path, workdir):
        """Unpacks the archive into workdir and returns its manifest, or says what is wrong with it."""
        invalid = f"{archive_path} är ingen giltig säkerhetskopia från backup_site"
        try:
            with tarfile.open(archive_path, mode="r:gz") as archive:
                archive.extractall(workdir, filter="data")
        except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
            raise CommandError(f"{invalid}: filen kunde inte packas upp ({error}).") from error
        if not (workdir / DATA_NAME).is_file() or not (workdir / MANIFEST_NAME).is_file():
            raise CommandError(f"{invalid}: {DATA_NAME} eller {MANIFEST_NAME} saknas.")
        try:
            manifest = json.loads((workdir / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(f"{invalid}: {MANIFEST_NAME} går inte att läsa.") from error
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
            raise CommandError(f"{invalid}: okänt format.")
        return manifest

    def check_database_is_migrated(self):
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("Databasen är inte färdigmigrerad. Kör först: python manage.py migrate")

    def check_migrations(self, manifest):
        """The code must know every migration the backed-up database had, or its data may not fit."""
        applied = MigrationRecorder(connection).applied_migrations()
        missing = sorted(tuple(key) for key in manifest.get("migrations", []) if tuple(key) not in applied)
        if missing:
            names = ", ".join(f"{app}.{name}" for app, name in missing[:5])
            raise CommandError(
                "Säkerhetskopian kommer från en nyare version av webbplatsen än den som är installerad "
                f"(migreringar som saknas här: {names}). Installera samma eller en nyare version, "
                "kör migrate och försök igen."
            )

    def check_database_is_empty(self):
        found = {
            "användare": get_user_model().objects.count(),
            "sidor": Page.objects.exclude(content_type__app_label="wagtailcore", content_type__model="page").count(),
            "bilder": get_image_model().objects.count(),
            "dokument": get_document_model().objects.count(),
            "forum": Forum.objects.count(),
        }
        content = [f"{count} {what}" for what, count in found.items() if count]
        if content:
            raise CommandError(
                f"Databasen innehåller redan innehåll ({', '.join(content)}). Återställning görs bara "
                "till en tom, nyss migrerad databas, så att ingenting skrivs över. Skapa en ny databas, "
                "kör migrate och försök igen."
            )

    def empty_tables(self):
        """What `flush` does, inside our transaction."""
        tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
        statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=False)
        connection.ops.execute_sql_flush(statements)
        ContentType.objects.clear_cache()
