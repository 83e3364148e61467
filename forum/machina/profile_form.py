"""machina's forum profile form, with limits on the avatar checked before machina decodes the image
to shrink it: at most AVATAR_MAX_BYTES, and the pixel limits of images.py. The field's hint says
both, in Swedish."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from machina.core.loading import get_class

from .images import MAX_SIDE, validate_image_dimensions

ForumProfileForm = get_class("forum_member.forms", "ForumProfileForm")
ForumProfileUpdateView = get_class("forum_member.views", "ForumProfileUpdateView")

AVATAR_MAX_BYTES = 2 * 1024 * 1024


class ArenaForumProfileForm(ForumProfileForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "avatar" in self.fields:
            self.fields["avatar"].help_text = (
                f"En bild i JPEG, PNG eller GIF, högst {filesizeformat(AVATAR_MAX_BYTES)} och "
                f"{MAX_SIDE} × {MAX_SIDE} pixlar. Den visas förminskad bredvid dina inlägg."
            )

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if avatar and hasattr(avatar, "content_type"):  # a new upload, not the stored avatar
            if avatar.size > AVATAR_MAX_BYTES:
                raise ValidationError(
                    "Bilden ”%(name)s” är för stor: %(size)s. En profilbild får vara högst %(limit)s. "
                    "Förminska bilden eller välj en annan.",
                    code="too_large",
                    params={
                        "name": avatar.name,
                        "size": filesizeformat(avatar.size),
                        "limit": filesizeformat(AVATAR_MAX_BYTES),
                    },
                )
            validate_image_dimensions(avatar)
        return avatar


class ArenaForumProfileUpdateView(ForumProfileUpdateView):
    form_class = ArenaForumProfileForm
