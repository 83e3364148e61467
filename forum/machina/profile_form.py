"""machina's forum profile form, with the pixel limits on the avatar checked before machina decodes
the image to shrink it (images.py)."""

from machina.core.loading import get_class

from .images import validate_image_dimensions

ForumProfileForm = get_class("forum_member.forms", "ForumProfileForm")
ForumProfileUpdateView = get_class("forum_member.views", "ForumProfileUpdateView")


class ArenaForumProfileForm(ForumProfileForm):
    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if avatar and hasattr(avatar, "content_type"):  # a new upload, not the stored avatar
            validate_image_dimensions(avatar)
        return avatar


class ArenaForumProfileUpdateView(ForumProfileUpdateView):
    form_class = ArenaForumProfileForm
