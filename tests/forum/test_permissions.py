"""Who may do what in the forum, asserted through HTTP for each kind of visitor.

The grants come from forum's data migration and ``make_members_only``; these tests exercise them
through machina's own views, the way a visitor meets them. Communicators edit the public site in
Wagtail; in the forum they are just logged-in readers, like someone whose registration waits.
"""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from machina.apps.forum import models as machina_forum_models
from machina.core.db.models import get_model
from machina.core.loading import ClassNotFoundError, get_class

from forum.models import PostReport
from forum.permissions import members_group
from tests.forum.factories import (
    ForumMemberFactory,
    ForumModeratorFactory,
    MemberProfileFactory,
    PostFactory,
    TopicFactory,
    UserFactory,
)
from tests.forum.helpers import form_data, forum_url, post_create_url, post_update_url, topic_create_url
from tests.home.factories import CommunicatorFactory

Attachment = get_model("forum_attachments", "Attachment")
ForumPermission = get_model("forum_permission", "ForumPermission")
UserForumPermission = get_model("forum_permission", "UserForumPermission")
Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")

ROLES = ["anonymous", "registered", "member", "moderator", "communicator"]
ATTACHMENT_BYTES = b"Protokoll fran dialogmotet."


@pytest.fixture
def scene(public_forum, members_forum, media_root):
    """A public topic with a reply and a post waiting for approval, and an attachment."""
    author = ForumMemberFactory(first_name="Anders", last_name="Författare")
    topic = TopicFactory(forum=public_forum, poster=author, subject="Nya bostäder vid Flemingsberg")
    head = PostFactory(topic=topic)
    reply = PostFactory(topic=topic, poster=ForumMemberFactory(), subject="Svar", content="Ett första svar.")
    pending = PostFactory(topic=topic, poster=ForumMemberFactory(), subject="Väntar", approved=False)
    attachment = Attachment.objects.create(
        post=head, file=SimpleUploadedFile("protokoll.txt", ATTACHMENT_BYTES), comment="Protokoll"
    )
    return SimpleNamespace(
        public=public_forum,
        members=members_forum,
        topic=topic,
        author=author,
        reply=reply,
        pending=pending,
        attachment=attachment,
    )


def registered_but_not_approved():
    return MemberProfileFactory(is_approved=False).user


def log_in_as(client, role):
    factories = {
        "registered": registered_but_not_approved,
        "member": ForumMemberFactory,
        "moderator": ForumModeratorFactory,
        "communicator": CommunicatorFactory,
    }
    if role != "anonymous":
        client.force_login(factories[role]())


def post_form(client, url, fallback, **values):
    """Fills in the form when the user may see it, otherwise posts the bare values anyway."""
    page = client.get(url)
    data = form_data(page.content.decode(), "form.forum-form", **values) if page.status_code == 200 else fallback
    return client.post(url, data)


def read_public_forum(client, scene):
    response = client.get(forum_url(scene.public))
    return response.status_code == 200 and "Nya bostäder vid Flemingsberg" in response.content.decode()


def see_members_only_forum(client, scene):
    opened = client.get(forum_url(scene.members)).status_code == 200
    listed = "Medlemsrummet" in client.get(reverse("forum:index")).content.decode()
    assert opened == listed
    return opened


def start_topic(client, scene):
    values = {"subject": "Ett nytt ämne", "content": "Hej allihop!", "topic_type": "0"}
    post_form(client, topic_create_url(scene.public), values, **values)
    return Topic.objects.filter(subject="Ett nytt ämne", approved=True).exists()


def reply(client, scene):
    values = {"subject": "Re: bostäder", "content": "Ett svar från testet."}
    post_form(client, post_create_url(scene.topic), values, **values)
    return Post.objects.filter(content="Ett svar från testet.", approved=True).exists()


def edit_another_members_post(client, scene):
    values = {"subject": "Svar", "content": "Ändrat av någon annan.", "update_reason": "Moderering"}
    post_form(client, post_update_url(scene.reply), values, **values)
    scene.reply.refresh_from_db()
    return scene.reply.content.raw == "Ändrat av någon annan."


def approve_post(client, scene):
    client.post(reverse("forum_moderation:approve_queued_post", args=[scene.pending.pk]))
    scene.pending.refresh_from_db()
    return scene.pending.approved


def report_post(client, scene):
    client.post(reverse("forum_report_post", args=[scene.reply.pk]), {"reason": "Personangrepp."})
    return PostReport.objects.filter(post=scene.reply).exists()


def see_profile(client, scene):
    response = client.get(reverse("forum_member:profile", args=[scene.author.pk]))
    return response.status_code == 200 and "Anders Författare" in response.content.decode()


def download_attachment(client, scene):
    response = client.get(reverse("forum_conversation:attachment", args=[scene.attachment.pk]))
    return (
        response.status_code == 200
        and b"".join(response.streaming_content if response.streaming else [response.content]) == ATTACHMENT_BYTES
    )


#                            anonymous, registered, member, moderator, communicator
MATRIX = {
    read_public_forum: (True, True, True, True, True),
    see_members_only_forum: (False, False, True, True, False),
    start_topic: (False, False, True, True, False),
    reply: (False, False, True, True, False),
    edit_another_members_post: (False, False, False, True, False),
    approve_post: (False, False, False, True, False),
    # Anyone who reads a post may report it (DSA art. 16), not only members.
    report_post: (True, True, True, True, True),
    see_profile: (False, False, True, True, False),
    download_attachment: (False, False, True, True, False),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(MATRIX), ids=lambda action: action.__name__)
def test_permission_matrix(client, scene, role, action):
    log_in_as(client, role)

    assert action(client, scene) is MATRIX[action][ROLES.index(role)]


def test_machina_loads_its_own_forum_classes_not_ours():
    # machina builds its model classes in machina.core.db.models (model_factory), so a model's
    # __module__ says nothing about where it was loaded from; identity and views do.
    assert get_class("forum.models", "Forum") is machina_forum_models.Forum
    assert get_class("forum.views", "IndexView").__module__ == "machina.apps.forum.views"
    with pytest.raises(ClassNotFoundError):
        get_class("forum.models", "PostReport")  # our forum/models/ is never searched


def test_a_communicator_who_is_also_a_member_takes_part_like_a_member(client, scene):
    communicator = CommunicatorFactory()
    communicator.groups.add(members_group())
    client.force_login(communicator)

    assert start_topic(client, scene)
    assert see_profile(client, scene)


def test_machina_loads_our_versions_of_the_apps_we_replace_and_its_own_classes_for_the_rest():
    from forum.machina.apps.forum_conversation.forum_attachments import cache, forms, views
    from forum.machina.apps.forum_moderation.forms import TopicMoveForm

    assert issubclass(get_class("forum_attachments.forms", "AttachmentFormset").form, forms.AttachmentForm)
    assert get_class("forum_attachments.cache", "cache") is cache.cache
    assert get_class("forum_moderation.forms", "TopicMoveForm") is TopicMoveForm
    assert get_class("forum_conversation.forum_attachments.views", "AttachmentView") is views.AttachmentView
    view = get_class("forum_moderation.views", "TopicLockView")
    assert view.__module__ == "machina.apps.forum_moderation.views"


def test_anonymous_visitor_is_sent_to_log_in_for_a_members_only_forum(client, scene):
    response = client.get(forum_url(scene.members))

    assert response.status_code == 302


def test_joining_medlemmar_opens_the_members_forum_at_once(client, scene):
    """The permissions of a set of groups are kept in the shared cache, and a new group is a new set."""
    user = UserFactory()
    client.force_login(user)
    refused = client.get(forum_url(scene.members))

    user.groups.add(members_group())

    assert refused.status_code == 403
    assert client.get(forum_url(scene.members)).status_code == 200


def test_a_grant_of_ones_own_counts_though_others_in_the_same_groups_share_their_permissions(client, scene):
    insider, outsider = UserFactory(), UserFactory()
    for codename in ("can_see_forum", "can_read_forum"):
        UserForumPermission.objects.create(
            permission=ForumPermission.objects.get(codename=codename), forum=scene.members, user=insider, has_perm=True
        )
    client.force_login(outsider)
    refused = client.get(forum_url(scene.members))

    client.force_login(insider)

    assert refused.status_code == 403
    assert client.get(forum_url(scene.members)).status_code == 200


def test_registered_user_outside_medlemmar_is_refused_in_swedish(client, scene):
    client.force_login(UserFactory())

    response = client.get(forum_url(scene.members))

    assert response.status_code == 403
    assert "Du har inte behörighet" in response.content.decode()
