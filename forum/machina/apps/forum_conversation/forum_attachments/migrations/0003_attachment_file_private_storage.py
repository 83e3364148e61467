"""Attachment files move from public media to private storage (forum/machina/storage.py).

Files uploaded before this migration are moved from MEDIA_ROOT to PRIVATE_MEDIA_ROOT under the
same name, so that /media/ no longer serves them; going back moves them back.
"""

from django.core.files.storage import FileSystemStorage
from django.db import migrations, models

import forum.machina.storage
import machina.apps.forum_conversation.forum_attachments.abstract_models


def move_files(apps, source, target):
    Attachment = apps.get_model("forum_attachments", "Attachment")
    for name in Attachment.objects.values_list("file", flat=True):
        if name and source.exists(name) and not target.exists(name):
            with source.open(name) as content:
                target.save(name, content)
            source.delete(name)


def to_private_storage(apps, schema_editor):
    move_files(apps, FileSystemStorage(), forum.machina.storage.private_media_storage)


def to_public_media(apps, schema_editor):
    move_files(apps, forum.machina.storage.private_media_storage, FileSystemStorage())


class Migration(migrations.Migration):
    dependencies = [
        ("forum_attachments", "0002_auto_20181103_1404"),
    ]

    operations = [
        migrations.AlterField(
            model_name="attachment",
            name="file",
            field=models.FileField(
                storage=forum.machina.storage.PrivateMediaStorage(),
                upload_to=machina.apps.forum_conversation.forum_attachments.abstract_models.get_attachment_file_upload_to,
                verbose_name="File",
            ),
        ),
        migrations.RunPython(to_private_storage, to_public_media),
    ]
