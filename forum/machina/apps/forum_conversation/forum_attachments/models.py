from django.db import models
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.forum_attachments.abstract_models import (
    AbstractAttachment,
    get_attachment_file_upload_to,
)

from forum.machina.storage import private_media_storage


class Attachment(AbstractAttachment):
    """machina's attachment, its file kept outside public media: it is only handed out by machina's
    attachment view, which checks that the visitor may download files in the post's forum."""

    file = models.FileField(
        upload_to=get_attachment_file_upload_to, storage=private_media_storage, verbose_name=_("File")
    )
