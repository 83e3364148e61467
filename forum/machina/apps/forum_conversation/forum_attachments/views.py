from pathlib import PurePath

from django.http import FileResponse, Http404
from machina.apps.forum_conversation.forum_attachments.views import AttachmentView as BaseAttachmentView


class AttachmentView(BaseAttachmentView):
    """machina's permission-checked download, streamed rather than read into memory, with the file
    name quoted by Django, and a 404 rather than a server error when the file is gone from disk."""

    def render_to_response(self, context, **response_kwargs):
        try:
            file = self.object.file.open("rb")
        except FileNotFoundError:
            raise Http404("Filen finns inte längre.") from None
        return FileResponse(file, as_attachment=True, filename=PurePath(self.object.file.name).name)
