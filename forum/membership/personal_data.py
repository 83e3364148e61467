"""A member's personal data: where it lives, the copy a member downloads ("Ladda ner mina
uppgifter") and erasing it when a member deletes the account ("Radera mitt konto").

One function per source. Sources outside this app (event registrations live in ``home``, which
``forum`` never imports) register themselves with ``register_source`` from their AppConfig.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from machina.core.db.models import get_model

from forum.models import MemberProfile, MembershipApplication, PostReport

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")
TopicPollVote = get_model("forum_polls", "TopicPollVote")
ForumProfile = get_model("forum_member", "ForumProfile")
Attachment = get_model("forum_attachments", "Attachment")

FORMER_MEMBER = "Tidigare medlem"
ERASED = "Uppgiften raderad"


@dataclass(frozen=True)
class PersonalDataSource:
    """Personal data kept by another app: ``export(user)`` returns what goes into the file under
    ``key``; ``erase(user)`` removes it. Both run before the user itself is deleted."""

    key: str
    export: Callable
    erase: Callable


_other_sources = []


def register_source(key, export, erase):
    _other_sources.append(PersonalDataSource(key, export, erase))


def verified_email(user):
    """The account's address if its owner has proved to read it (by following a link mailed to
    it), else None. Contact messages, event registrations and applications are matched to an
    account by the address they were sent in with; anyone can type an address, so only a proved
    one lets them be downloaded or erased with the account."""
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is None or not profile.email_verified:
        return None
    return profile.verified_email


def _when(value):
    return timezone.localtime(value).isoformat() if value else None


# --- What goes into the file ---------------------------------------------------------------------


def account_data(user):
    return {
        "förnamn": user.first_name,
        "efternamn": user.last_name,
        "e-postadress": user.email,
        "konto_skapat": _when(user.date_joined),
        "senast_inloggad": _when(user.last_login),
    }


def member_profile_data(user):
    try:
        profile = user.member_profile
    except ObjectDoesNotExist:
        return None
    organisation = profile.organisation
    return {
        "visningsnamn": profile.display_name,
        "titel": profile.title,
        "godkänd_medlem": profile.is_approved,
        "skapad": _when(profile.created_at),
        "organisation": {
            "namn": organisation.name,
            "organisationsnummer": organisation.organisation_number,
            "sektor": organisation.get_sector_display(),
        },
    }


def forum_profile_data(user):
    profile = ForumProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    signature = profile.signature.raw if profile.signature else ""
    return {"signatur": signature or "", "antal_inlägg": profile.posts_count}


def forum_posts_data(user):
    posts = Post.objects.filter(poster=user).select_related("topic__forum").order_by("created")
    return [
        {
            "ämne": post.topic.subject,
            "forum": post.topic.forum.name,
            "rubrik": post.subject,
            "skrivet": _when(post.created),
            "innehåll": post.content.raw,
            "godkänt": post.approved,
        }
        for post in posts
    ]


def subscriptions_data(user):
    topics = user.topic_subscriptions.select_related("forum").order_by("subject")
    return [{"ämne": topic.subject, "forum": topic.forum.name} for topic in topics]


def poll_votes_data(user):
    votes = TopicPollVote.objects.filter(voter=user).select_related("poll_option__poll__topic").order_by("timestamp")
    return [
        {
            "ämne": vote.poll_option.poll.topic.subject,
            "fråga": vote.poll_option.poll.question,
            "svar": vote.poll_option.text,
            "röstat": _when(vote.timestamp),
        }
        for vote in votes
    ]


def _applications(user):
    email = verified_email(user)
    if email is None:
        return MembershipApplication.objects.none()
    return MembershipApplication.objects.filter(contact_email__iexact=email)


def membership_applications_data(user):
    applications = _applications(user).order_by("created_at")
    return [
        {
            "organisation": application.organisation_name,
            "organisationsnummer": application.organisation_number,
            "kontaktperson": application.contact_name,
            "e-postadress": application.contact_email,
            "telefonnummer": application.contact_phone,
            "titel": application.contact_title,
            "status": application.get_status_display(),
            "inkommen": _when(application.created_at),
        }
        for application in applications
    ]


def reports_data(user):
    reports = PostReport.objects.filter(reporter=user).select_related("post__topic").order_by("created_at")
    return [
        {
            "ämne": report.post.topic.subject,
            "anledning": report.reason,
            "anmäld": _when(report.created_at),
            "status": report.get_status_display(),
        }
        for report in reports
    ]


def collect_personal_data(user):
    """Everything the site keeps about the user, as a dictionary ready for JSON."""
    data = {
        "beskrivning": "Personuppgifter som Arena Huddinge har sparat om dig.",
        "hämtad": _when(timezone.now()),
        "konto": account_data(user),
        "medlemsprofil": member_profile_data(user),
        "forumprofil": forum_profile_data(user),
        "foruminlägg": forum_posts_data(user),
        "bevakade_ämnen": subscriptions_data(user),
        "röster_i_omröstningar": poll_votes_data(user),
        "medlemsansökningar_som_kontaktperson": membership_applications_data(user),
        "anmälningar_av_inlägg": reports_data(user),
    }
    for source in _other_sources:
        data[source.key] = source.export(user)
    return data


# --- Erasing -------------------------------------------------------------------------------------


def delete_files_after_commit(files):
    """Uploaded files cannot be rolled back, so they are deleted only once the erasure is saved."""
    names = [(file.storage, file.name) for file in files if file]

    def delete():
        for storage, name in names:
            storage.delete(name)

    transaction.on_commit(delete)


def keep_posts_as_former_member(user):
    """The posts stay, shown by machina as written by "Tidigare medlem": a post without a poster
    is an anonymous post, shown with its ``username``. The random key satisfies machina's rule
    that an anonymous post has one; nobody holds it, so nobody can edit the post as its author."""
    Post.objects.filter(poster=user).update(poster=None, username=FORMER_MEMBER, anonymous_key=secrets.token_hex(16))


def delete_posts(user):
    """Deletes the posts the machina way: a topic goes with its only post; a topic with replies
    from others stays (with the next post first) so that their replies are not lost. The attached
    files leave the storage once the deletion is saved."""
    delete_files_after_commit(attachment.file for attachment in Attachment.objects.filter(post__poster=user))
    for post in Post.objects.filter(poster=user).select_related("topic").order_by("-created"):
        post.delete()


def unlink_topics(user):
    """machina deletes a topic with its poster (CASCADE); the topics others replied to stay."""
    Topic.objects.filter(poster=user).update(poster=None)


def erase_forum_profile(user):
    """The profile row goes with the user; its avatar file leaves the storage."""
    profile = ForumProfile.objects.filter(user=user).first()
    if profile is not None:
        delete_files_after_commit([profile.avatar])


def unlink_reports(user):
    """The report stays for the moderators, without who made it."""
    PostReport.objects.filter(reporter=user).update(reporter=None)


def erase_membership_applications(user):
    _applications(user).update(contact_name=ERASED, contact_email="", contact_phone="", contact_title="")


def erase_login_records(user):
    """django-axes keeps login attempts and logins by what was typed as the username: on this
    site the e-mail address, which is also the account's username."""
    typed = Q(username__iexact=user.get_username()) | Q(username__iexact=user.email)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(typed).delete()


def erase_member(user, *, keep_posts):
    """Erases the member's personal data from every table and deletes the account. Deleting the
    user takes the member profile, forum profile, subscriptions, read tracks, poll votes and group
    memberships with it."""
    with transaction.atomic():
        unlink_topics(user)
        if keep_posts:
            keep_posts_as_former_member(user)
        else:
            delete_posts(user)
        erase_forum_profile(user)
        unlink_reports(user)
        erase_membership_applications(user)
        erase_login_records(user)
        for source in _other_sources:
            source.erase(user)
        user.delete()
