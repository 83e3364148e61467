"""Forms for applying for membership, registering an account and editing one's profile.

Named ``membership_forms`` rather than ``forms``: machina's class loader looks for modules called
``forum.forms`` and the like, and this app must never be mistaken for machina's forum app.
"""

from urllib.parse import urlsplit

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordMixin
from django.db import transaction

from arena.forms import SingleLineCharField
from arena.links import site_url
from arena.tasks import mail_task
from forum.models import DISPLAY_NAME_TAKEN_MESSAGE, MemberProfile, MembershipApplication, Organisation

from .display_names import normalise_display_name

# The e-mail address is the username, so it can be no longer than the username's column.
EMAIL_MAX_LENGTH = get_user_model()._meta.get_field("username").max_length


class DisplayNameField(SingleLineCharField):
    """A display name as it will be stored and shown (forum/membership/display_names.py): checked as
    typed, then without its invisible characters, which may leave nothing."""

    def clean(self, value):
        name = normalise_display_name(super().clean(value))
        if self.required and not name:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return name


class MarkOptionalFieldsMixin:
    """Marks the optional fields in their labels, so that nobody has to guess what is required.
    components/form_field.html then leaves out its "(obligatoriskt)" marker: one convention a form."""

    marks_optional_fields = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not field.required and not isinstance(field.widget, forms.CheckboxInput):
                field.label = f"{field.label} (frivilligt)"


class MembershipApplicationForm(MarkOptionalFieldsMixin, forms.ModelForm):
    website = forms.URLField(
        label="Webbplats", required=False, assume_scheme="https", widget=forms.URLInput(attrs={"autocomplete": "url"})
    )
    privacy_consent = forms.BooleanField(
        label="Jag har läst integritetspolicyn och samtycker till att Arena Huddinge behandlar uppgifterna i ansökan.",
        error_messages={"required": "Du behöver samtycka till behandlingen av personuppgifter för att kunna ansöka."},
    )

    class Meta:
        model = MembershipApplication
        fields = [
            "organisation_name",
            "organisation_number",
            "sector",
            "website",
            "description",
            "listed_in_directory",
            "contact_name",
            "contact_title",
            "contact_email",
            "contact_phone",
            "privacy_consent",
        ]
        field_classes = dict.fromkeys(
            ["organisation_name", "contact_name", "contact_title", "contact_phone"], SingleLineCharField
        )
        widgets = {
            "sector": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No empty "---------" choice among the radio buttons.
        self.fields["sector"].choices = self.fields["sector"].choices[1:]

    def clean_organisation_number(self):
        number = self.cleaned_data["organisation_number"]
        if Organisation.objects.filter(organisation_number=number).exists():
            raise forms.ValidationError(
                "Organisationen med detta organisationsnummer är redan medlem i Arena Huddinge.", code="member"
            )
        if MembershipApplication.objects.filter(
            organisation_number=number, status=MembershipApplication.Status.PENDING
        ).exists():
            raise forms.ValidationError(
                "Det finns redan en ansökan för detta organisationsnummer som väntar på beslut.", code="pending"
            )
        return number

    def clean_contact_email(self):
        # An address that already has an account is not refused: that would tell anyone which
        # addresses have one. The approval sorts it out (services.contact_person_account).
        return self.cleaned_data["contact_email"].lower()


class RegistrationForm(MarkOptionalFieldsMixin, SetPasswordMixin, forms.Form):
    first_name = SingleLineCharField(
        label="Förnamn", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = SingleLineCharField(
        label="Efternamn", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    email = forms.EmailField(
        label="E-postadress",
        max_length=EMAIL_MAX_LENGTH,
        help_text="Används för att logga in. Den visas aldrig för andra.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields(label1="Lösenord", label2="Upprepa lösenordet")
    # Only the organisations that agreed to be listed publicly: this menu is public too.
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.filter(listed_in_directory=True),
        empty_label="Välj organisation",
        help_text=(
            "Finns inte din organisation i listan? Då behöver den först bli medlem via ”Bli medlem”, "
            "eller så syns den inte publikt – kontakta oss i så fall."
        ),
    )
    title = SingleLineCharField(
        label="Titel",
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    display_name = DisplayNameField(
        label="Visningsnamn",
        max_length=100,
        help_text="Det namn som andra ser i forumet, till exempel ditt förnamn och efternamn.",
    )
    # Opt-in, never ticked in advance: a new member gets no e-mail from the forum unless asked for.
    email_notices = forms.BooleanField(
        label="Skicka e-post till mig när någon svarar i ett ämne jag bevakar eller nämner mig",
        required=False,
        help_text="Du ser det alltid under Notiser när du är inloggad. Du kan ändra det under Mitt konto.",
    )
    weekly_digest = forms.BooleanField(
        label="Skicka en sammanfattning med e-post en gång i veckan",
        required=False,
        help_text="Nya ämnen och livliga samtal i forumet, kommande aktiviteter och nyheter.",
    )

    def clean_email(self):
        # Whether the address already has an account is not said here (services.register_member).
        return self.cleaned_data["email"].lower()

    def clean_display_name(self):
        display_name = self.cleaned_data["display_name"]
        if MemberProfile.display_name_taken(display_name):
            raise forms.ValidationError(DISPLAY_NAME_TAKEN_MESSAGE, code="display_name_taken")
        return display_name

    def clean(self):
        self.validate_passwords()
        user = get_user_model()(
            username=self.cleaned_data.get("email", ""),
            email=self.cleaned_data.get("email", ""),
            first_name=self.cleaned_data.get("first_name", ""),
            last_name=self.cleaned_data.get("last_name", ""),
        )
        self.validate_password_for_user(user)
        return self.cleaned_data


class ErrorSummaryTakesFocusMixin:
    """A form sent back with errors opens with its error summary focused
    (components/error_summary.html); a field's own autofocus would compete with it."""

    def full_clean(self):
        super().full_clean()
        if self.errors:
            for field in self.fields.values():
                field.widget.attrs.pop("autofocus", None)


class EmailAuthenticationForm(ErrorSummaryTakesFocusMixin, AuthenticationForm):
    """Logging in with the e-mail address, which is the username on this site."""

    # A longer address belongs to no account; turned away here, it is never looked up or logged.
    username = forms.EmailField(
        label="E-postadress",
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "E-postadressen eller lösenordet är fel. Observera att lösenordet skiljer på stora och små bokstäver."
        ),
    }

    def clean_username(self):
        return self.cleaned_data["username"].lower()


class MemberPasswordChangeForm(ErrorSummaryTakesFocusMixin, PasswordChangeForm):
    pass


class MemberPasswordResetForm(PasswordResetForm):
    """Also sends the link to members who have not chosen a password yet: an approved applicant
    who lost the first e-mail gets a new link the ordinary way.

    The request only hands the address to a background task, which looks it up and sends the
    mail: an address with an account must not be answered more slowly than one without."""

    def get_users(self, email):
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True)

    def save(self, *, request, use_https=False, **kwargs):
        email = self.cleaned_data["email"]
        transaction.on_commit(lambda: send_password_reset.enqueue(email), robust=True)

    def send_now(self):
        address = urlsplit(site_url())
        super().save(
            domain_override=address.netloc,
            use_https=address.scheme == "https",
            subject_template_name="accounts/email/password_reset_subject.txt",
            email_template_name="accounts/email/password_reset_email.txt",
        )


@mail_task
def send_password_reset(email):
    form = MemberPasswordResetForm({"email": email})
    if form.is_valid():
        form.send_now()


class MemberProfileForm(MarkOptionalFieldsMixin, forms.ModelForm):
    """The model checks that the display name does not look like another member's."""

    class Meta:
        model = MemberProfile
        fields = ["display_name", "title"]
        field_classes = {"display_name": DisplayNameField, "title": SingleLineCharField}


class RejectApplicationForm(forms.Form):
    reason = forms.CharField(
        label="Skäl till avslag",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Skälet skickas med e-post till kontaktpersonen.",
        error_messages={"required": "Skriv skälet till avslaget; det skickas till den som ansökt."},
    )


class AccountDeletionForm(forms.Form):
    """Confirms deleting one's own account with the password, and says what becomes of the posts."""

    KEEP = "keep"
    DELETE = "delete"

    posts = forms.ChoiceField(
        label="Vad ska hända med dina inlägg i forumet?",
        choices=[
            (KEEP, "Låt inläggen stå kvar, som skrivna av ”Tidigare medlem”"),
            (DELETE, "Radera mina inlägg (ämnen där bara jag har skrivit raderas helt)"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Välj vad som ska hända med dina inlägg."},
    )
    password = forms.CharField(
        label="Ditt lösenord",
        help_text="Skriv ditt lösenord för att bekräfta att du vill radera kontot.",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Skriv ditt lösenord för att bekräfta."},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                "Lösenordet stämmer inte. Observera att det skiljer på stora och små bokstäver.", code="wrong_password"
            )
        return password

    @property
    def keep_posts(self):
        return self.cleaned_data["posts"] == self.KEEP
