"""Backs up the whole site, database and uploaded files, into one tar.gz archive.

`manage.py backup_site /var/backups/arena/arena-2026-11-27.tar.gz` writes the archive described in
home/backup.py. The database is read in one transaction (on PostgreSQL with REPEATABLE READ, so
every table is seen at the same moment). The archive is written next to its final name and moved
into place at the end, so an interrupted run never leaves a half-written file under that name.
"""

import json
import os
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from home.backup import DATA_NAME, EXCLUDED_MODELS, FORMAT_VERSION, MANIFEST_NAME, file_folders


def dump_order():
    """Every app, content types first: restore_site loads them before anything that refers to them."""
    labels = [config.label for config in apps.get_app_configs() if config.label not in EXCLUDED_MODELS]
    labels.remove("contenttypes")
    return ["contenttypes", *labels]


class Command(BaseCommand):
    help = "Säkerhetskopierar hela webbplatsen – databasen och uppladdade filer – till en tar.gz-fil."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Filen som säkerhetskopian skrivs till, till exempel arena.tar.gz.")

    def handle(self, *args, path, **options):
        target = Path(path).resolve()
        if not target.parent.is_dir():
            raise CommandError(f"Mappen {target.parent} finns inte.")

        with tempfile.TemporaryDirectory() as workdir:
            data_path = Path(workdir) / DATA_NAME
            # One snapshot for every table; only possible as the first statement of a transaction.
            snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
            with transaction.atomic():
                if snapshot:
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                call_command(
                    "dumpdata",
                    *dump_order(),
                    use_base_manager=True,
                    exclude=EXCLUDED_MODELS,
                    output=str(data_path),
                    verbosity=0,
                )
                applied = sorted(MigrationRecorder(connection).applied_migrations())
            with data_path.open(encoding="utf-8") as data_file:
                counts = Counter(item["model"] for item in json.load(data_file))
            manifest = {
                "format": FORMAT_VERSION,
                "created_at": timezone.now().isoformat(),
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
                "database": connection.vendor,
                "migrations": [list(key) for key in applied],
                "objects": dict(sorted(counts.items())),
            }
            manifest_path = Path(workdir) / MANIFEST_NAME
            manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")

            file_count = 0
            # Readable by the owner only: the archive holds personal data and password hashes.
            partial = target.with_name(f".{target.name}.partial")
            partial.unlink(missing_ok=True)
            partial.touch(mode=0o600)
            try:
                with tarfile.open(partial, mode="w:gz") as archive:
                    archive.add(manifest_path, arcname=MANIFEST_NAME)
                    archive.add(data_path, arcname=DATA_NAME)
                    for name, folder in file_folders():
                        if Path(folder).is_dir():
                            archive.add(folder, arcname=name)
                            file_count += sum(1 for item in Path(folder).rglob("*") if item.is_file())
                os.replace(partial, target)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise

        total = sum(counts.values())
        self.stdout.write(
            f"Säkerhetskopian sparades i {target} ({filesizeformat(target.stat().st_size)}): "
            f"{total} objekt från databasen och {file_count} {'fil' if file_count == 1 else 'filer'} från "
            f"{' och '.join(str(folder) for _, folder in file_folders())}."
        )
