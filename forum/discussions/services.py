"""Conversations about the site's pages: linking a published page (or a goal on it) to a topic,
and opening a new topic for it in the name of the association.

``home`` calls ``discuss_page`` when a page is published; nothing here knows the page types.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from machina.core.db.models import get_model
from wagtail.models import Page

from forum.models import PageDiscussion

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

ASSOCIATION_USERNAME = "arena-huddinge"
ASSOCIATION_FIRST_NAME = "Arena"
ASSOCIATION_LAST_NAME = "Huddinge"


def association_account():
    """The association's own account, which opens the conversations about its pages.

    Nobody logs in with it: it has no password, no e-mail address and is not active.
    Its name in the forum is its full name, "Arena Huddinge".
    """
    User = get_user_model()
    account = User.objects.filter(username=ASSOCIATION_USERNAME).first()
    if account is None:
        account = User(
            username=ASSOCIATION_USERNAME,
            first_name=ASSOCIATION_FIRST_NAME,
            last_name=ASSOCIATION_LAST_NAME,
            is_active=False,
        )
        account.set_unusable_password()
        account.save()
    return account


def opening_post_text(title, ingress, url):
    """The first post of a topic opened for a page: its ingress and a link back to it (Markdown,
    rendered and sanitised like every post)."""
    parts = [ingress.strip()] if ingress.strip() else []
    parts.append(f"Läs mer på sidan [{title}]({url}).")
    return "\n\n".join(parts)


def open_topic(forum, subject, text):
    """A new topic in ``forum``, started by the association's account with ``text``."""
    account = association_account()
    subject = subject[: Topic._meta.get_field("subject").max_length]
    topic = Topic.objects.create(
        forum=forum, poster=account, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED
    )
    Post.objects.create(topic=topic, poster=account, subject=subject, content=text)
    topic.refresh_from_db()
    topic.update_trackers()
    return topic


@transaction.atomic
def discuss_page(page, anchor, title, *, topic=None, forum_id=None, ingress="", url=""):
    """Links the page (the part of it named by ``anchor``, or all of it) to a topic: ``topic``, or
    else a topic opened in the forum ``forum_id`` the first time only, and returns the link (None
    when that forum no longer exists).

    Idempotent: the page's row is locked while its links are read, so that two publications at
    once cannot open two topics, and a part that already has a topic keeps it when it asks for a
    new one again.
    """
    Page.objects.select_for_update().filter(pk=page.pk).first()
    discussion = PageDiscussion.objects.select_related("topic").filter(page=page, anchor=anchor).first()
    if topic is None and discussion is not None:
        topic = discussion.topic
    if topic is None:
        forum = Forum.objects.filter(pk=forum_id, type=Forum.FORUM_POST).first()
        if forum is None:
            return None
        topic = open_topic(forum, title, opening_post_text(title, ingress, url))
    if discussion is None:
        return PageDiscussion.objects.create(page=page, anchor=anchor, title=title, topic=topic)
    if (discussion.topic_id, discussion.title) != (topic.pk, title):
        discussion.topic = topic
        discussion.title = title
        discussion.save(update_fields=["topic", "title"])
    return discussion


def stop_discussing(page, keep_anchors):
    """Removes the page's links to topics for the parts not in ``keep_anchors`` (the topics stay)."""
    PageDiscussion.objects.filter(page=page).exclude(anchor__in=keep_anchors).delete()


def forum_choices():
    """The forums a new conversation can be opened in, for an editor's select: (id, name)."""
    forums = Forum.objects.filter(type=Forum.FORUM_POST).order_by("tree_id", "lft")
    return [(str(forum.pk), forum.name) for forum in forums]
