from pathlib import PurePath

from django.http import FileResponse, Http404
from machina.apps.forum_conversation.forum_attachments.views import AttachmentView as BaseAttachmentView

from forum.machina.visibility import post_hidden_from


class AttachmentView(BaseAttachmentView):
    """machina's permission-checked download, streamed rather than read into memory, with the file
    name quoted by Django, and a 404 rather than a server error when the file is gone from disk.
    A file of a post that is not visible (hidden by a moderator) is only handed to moderators."""

    def get_object(self, queryset=None):
        if not hasattr(self, "_attachment"):
            attachment = super().get_object(queryset)
            if post_hidden_from(attachment.post, self.request.user, self.request.forum_permission_handler):
                raise Http404("Filen finns inte.")
            self._attachment = attachment
        return self._attachment

    def render_to_response(self, context, **response_kwargs):
        try:
            file = self.object.file.open("rb")
        except FileNotFoundError:
            raise Http404("Filen finns inte längre.") from None
        return FileResponse(file, as_attachment=True, filename=PurePath(self.object.file.name).name)
