"""Storage for files that must never be public: PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT.

No web server serves this folder and its files have no URL; a view that checks permissions reads
them and sends them (forum attachments: machina's attachment view).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateMediaStorage(FileSystemStorage):
    # Read from the settings at each use, so that tests (and restore_site) can point it elsewhere.
    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError(
            "Filer i den privata lagringen har ingen webbadress; de hämtas genom en vy som kontrollerar behörigheten."
        )


private_media_storage = PrivateMediaStorage()
