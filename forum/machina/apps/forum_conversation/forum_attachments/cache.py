from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from machina.apps.forum_conversation.forum_attachments.cache import AttachmentCache

from forum.machina.attachments import validate_attachment


class AcceptedAttachmentCache(AttachmentCache):
    """machina stores every uploaded file in a cache (Redis in production) before the forms are
    validated, to keep it between a preview and the final post. Only files that may be attached are
    stored: a refused file is neither kept in the cache nor offered again on the next submit."""

    def set(self, key, files):
        accepted = MultiValueDict()
        for name, upload in files.items():
            try:
                validate_attachment(upload)
            except ValidationError:
                continue
            accepted[name] = upload
        super().set(key, accepted)


cache = AcceptedAttachmentCache()
