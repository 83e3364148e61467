"""What a site backup holds, shared by `manage.py backup_site` and `manage.py restore_site`.

An archive is a tar.gz with these members:

- ``manifest.json``: format version, when and from what it was made, the applied migrations and
  the number of objects per model;
- ``data.json``: ``dumpdata`` of every app with primary keys as they are, except the tables below;
- ``media/``: the whole MEDIA_ROOT (images, renditions, documents);
- ``private-media/``: the whole PRIVATE_MEDIA_ROOT (forum attachments).
"""

from django.conf import settings

FORMAT_VERSION = 1

DATA_NAME = "data.json"
MANIFEST_NAME = "manifest.json"
MEDIA_NAME = "media"
PRIVATE_MEDIA_NAME = "private-media"


def file_folders():
    """(name in the archive, folder on disk) of every folder of uploaded files."""
    return [(MEDIA_NAME, settings.MEDIA_ROOT), (PRIVATE_MEDIA_NAME, settings.PRIVATE_MEDIA_ROOT)]


# Not dumped: derived or transient; rebuilt by restore_site or simply starting empty.
EXCLUDED_MODELS = [
    "sessions",  # logged-in sessions; everyone logs in again
    "wagtailsearch",  # the search index (modelsearch's tables), rebuilt with update_index
    "wagtailcore.referenceindex",  # rebuilt with rebuild_references_index
    "wagtailadmin.editingsession",  # who has a page open in the editor right now
    "axes",  # login attempts and lockouts, transient security data
]
