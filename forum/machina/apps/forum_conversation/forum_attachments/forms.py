from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import modelformset_factory
from machina.apps.forum_conversation.forum_attachments import forms as machina_forms
from machina.conf import settings as machina_settings

from forum.machina.attachments import attachment_limits, validate_attachment

from .models import Attachment


class AttachmentForm(machina_forms.AttachmentForm):
    """machina's attachment form; a newly uploaded file must pass the size and type limits.

    A plain file input: Django's default one links the current file to its storage URL, which
    private files do not have. The formset template links it to the download view instead.
    """

    class Meta(machina_forms.AttachmentForm.Meta):
        widgets = {"file": forms.FileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = attachment_limits()

    def clean_file(self):
        file = self.cleaned_data["file"]
        if isinstance(file, UploadedFile):
            validate_attachment(file)
        return file


# As machina builds its formset, with our form.
AttachmentFormset = modelformset_factory(
    Attachment,
    AttachmentForm,
    formset=machina_forms.BaseAttachmentFormset,
    can_delete=True,
    extra=1,
    max_num=machina_settings.ATTACHMENT_MAX_FILES_PER_POST,
    validate_max=True,
)
