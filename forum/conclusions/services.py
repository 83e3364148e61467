"""Who may conclude a topic, and concluding, editing and removing a conclusion.

A moderator of the topic's forum (machina's ``can_lock_topics`` there) concludes any topic, and
edits or removes its conclusion. The topic's starter concludes it too where the forum grants
``can_conclude_own_topics`` (``forum.permissions.allow_starters_to_conclude``); only moderators
change a conclusion once it is drawn. Concluding is one transaction with locking or unlocking the
topic; the people in the conversation (its authors and subscribers) get a notice after the commit
(forum/notifications: in "Notiser", and by e-mail as each of them chose).
"""

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Q
from machina.core.db.models import get_model

from forum.machina.markup import render_markdown
from forum.machina.permissions import PermissionHandler
from forum.machina.sectors import sector_balance, voices_per_sector
from forum.machina.visibility import readable_forums
from forum.models import Conclusion, Notice
from forum.notifications.services import notify

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")


def can_change_conclusion(user, topic, handler):
    """Moderators of the topic's forum: they conclude, edit and remove."""
    return user.is_authenticated and topic.approved and handler.can_lock_topics(topic.forum, user)


def can_conclude(user, topic, handler):
    """Whether the user may draw the topic's conclusion (a topic has one at most)."""
    if can_change_conclusion(user, topic, handler):
        return True
    return (
        user.is_authenticated
        and topic.approved
        and topic.poster_id == user.pk
        and not is_concluded(topic)
        and handler.can_conclude_own_topics(topic.forum, user)
    )


def is_concluded(topic):
    """Whether the topic has been concluded (reads the conclusion once, or uses select_related's)."""
    try:
        return topic.conclusion is not None
    except Conclusion.DoesNotExist:
        return False


def visible_conclusions(user, handler):
    """The conclusions of the approved topics in the forums the user may read, newest first."""
    return Conclusion.objects.filter(topic__approved=True, topic__forum__in=readable_forums(user, handler))


MAX_SEARCH_HITS = 20


def search_conclusions(words, user, handler):
    """The newest MAX_SEARCH_HITS conclusions the user may read whose text or topic subject holds
    every one of words (as a part of a word: Swedish compounds). Conclusions are few, so a plain
    substring match is enough on every database."""
    if not words:
        return []
    conclusions = visible_conclusions(user, handler).select_related("topic__forum")
    for word in words:
        conclusions = conclusions.filter(Q(text__icontains=word) | Q(topic__subject__icontains=word))
    return list(conclusions[:MAX_SEARCH_HITS])


def public_conclusions():
    """The conclusions everyone may read, visitors who are not logged in too: what public pages
    (the conclusions page, its feed, activity plans) show, whoever looks at them."""
    return visible_conclusions(AnonymousUser(), PermissionHandler())


@transaction.atomic
def save_conclusion(conclusion, user, *, lock):
    """Saves a new or edited conclusion (its form's instance) and locks or opens the topic."""
    created = conclusion.pk is None
    topic = Topic.objects.select_for_update().get(pk=conclusion.topic_id)
    if created:
        conclusion.concluded_by = user
    conclusion.text_html = render_markdown(conclusion.text)
    conclusion.sector_balance = sector_balance(voices_per_sector(topic))
    conclusion.save()
    status = Topic.TOPIC_LOCKED if lock else Topic.TOPIC_UNLOCKED
    if topic.status != status:
        topic.status = status
        topic.save(update_fields=["status"])
    if created:
        notify(participants(topic), Notice.Kind.CONCLUSION, actor=user, topic=topic)
    return conclusion


def participants(topic):
    """The ids of the topic's authors (of approved posts) and of its subscribers."""
    authors = Post.objects.filter(topic=topic, approved=True, poster__isnull=False).values_list("poster_id", flat=True)
    return {*authors, *topic.subscribers.values_list("pk", flat=True)}


@transaction.atomic
def remove_conclusion(conclusion):
    """Deletes the conclusion; the topic stays locked or open as it is."""
    conclusion.delete()
