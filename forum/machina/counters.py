"""Topic and forum counters (machina's trackers) that stay equal to a recount.

After every save or deletion of a post or topic machina recounts the topic's posts and the forum's
topics and posts (``update_trackers``): it counts, then writes the counts. Two members posting in
one forum at once, each in their request's transaction (forum/machina/urls.py), would each count without
the other's uncommitted post, and the last to write would win, one post short. So every write to a
forum's topics or posts first locks the forum's row: the second writer waits until the first has
committed, and then counts both posts. Posting in one forum is serialised, which a forum of this
size never notices. (SQLite locks the whole database for a write anyway and has no row locks.)

``repair_counters`` recounts what earlier failures left wrong (manage.py repair_forum_counters).
"""

from django.db import connection, transaction
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.db.models.signals import pre_delete, pre_save
from machina.core.db.models import get_model

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")


def lock_forums(*forum_ids):
    """Locks the forums' rows until the transaction ends, in one order so that two writers never
    wait for each other. Outside a transaction (a script, the demo seed) there is nothing to hold."""
    if connection.in_atomic_block:
        list(Forum.objects.select_for_update().filter(pk__in=set(forum_ids)).order_by("pk").values_list("pk"))


def post_written(sender, instance, **kwargs):
    lock_forums(instance.topic.forum_id)


def topic_written(sender, instance, **kwargs):
    # A moved topic changes the counters of the forum it leaves as well.
    stored = Topic.objects.filter(pk=instance.pk).values_list("forum_id", flat=True) if instance.pk else []
    lock_forums(instance.forum_id, *stored)


def connect_signals():
    pre_save.connect(post_written, sender=Post, dispatch_uid="arena_forum_counters_post_saved")
    pre_delete.connect(post_written, sender=Post, dispatch_uid="arena_forum_counters_post_deleted")
    pre_save.connect(topic_written, sender=Topic, dispatch_uid="arena_forum_counters_topic_saved")
    pre_delete.connect(topic_written, sender=Topic, dispatch_uid="arena_forum_counters_topic_deleted")


def _first_post(approved_only, newest):
    posts = Post.objects.filter(topic=OuterRef("pk"))
    if approved_only:
        posts = posts.filter(approved=True)
    return Subquery(posts.order_by("-created" if newest else "created").values("pk")[:1])


def wrong_topics():
    """Topics without any post, and topics whose counters differ from what machina's
    ``Topic.update_trackers`` would write."""
    topics = Topic.objects.annotate(
        recounted_posts=Count("posts", filter=Q(posts__approved=True)),
        recounted_first_post=_first_post(approved_only=False, newest=False),
        recounted_last_post=_first_post(approved_only=True, newest=True),
    ).select_related("forum")
    return [
        topic
        for topic in topics.order_by("pk")
        if topic.recounted_first_post is None
        or (topic.posts_count, topic.first_post_id, topic.last_post_id)
        != (topic.recounted_posts, topic.recounted_first_post, topic.recounted_last_post)
    ]


def wrong_forums():
    """Forums whose counters differ from what machina's ``Forum.update_trackers`` would write."""
    approved_topics = Topic.objects.filter(forum=OuterRef("pk"), approved=True)
    forums = Forum.objects.annotate(
        recounted_topics=Count("topics", filter=Q(topics__approved=True)),
        recounted_posts=Coalesce(
            Subquery(approved_topics.order_by().values("forum").annotate(total=Sum("posts_count")).values("total")),
            0,
        ),
        # Ordered as machina orders them (a topic without a date comes first on PostgreSQL).
        recounted_last_post=Subquery(approved_topics.order_by("-last_post_on").values("last_post")[:1]),
    )
    return [
        forum
        for forum in forums.order_by("pk")
        if (forum.direct_topics_count, forum.direct_posts_count, forum.last_post_id)
        != (forum.recounted_topics, forum.recounted_posts, forum.recounted_last_post)
    ]


def _forum_counters():
    counters = Forum.objects.values_list("pk", "direct_topics_count", "direct_posts_count", "last_post")
    return {pk: (topics, posts, last_post) for pk, topics, posts, last_post in counters}


@transaction.atomic
def repair_counters():
    """Recounts every topic and forum whose counters are wrong, with machina's own update_trackers,
    and deletes topics left without any post. Returns what was done, as lines in Swedish."""
    done = []
    # Recounting a topic recounts its forum too: the forums are compared with how they were.
    forums_before = _forum_counters()
    for topic in wrong_topics():
        if not topic.posts.exists():
            topic.delete()
            done.append(f"Ämnet ”{topic.subject}” i forumet {topic.forum.name} saknade inlägg och togs bort.")
            continue
        before = topic.posts_count
        topic.update_trackers()
        done.append(
            f"Ämnet ”{topic.subject}” i forumet {topic.forum.name}: räknat om, "
            f"{before} → {topic.posts_count} inlägg, första och senaste inlägget satta."
        )
    for forum in wrong_forums():
        forum.update_trackers()
    forums_after = _forum_counters()
    for forum in Forum.objects.filter(pk__in=[pk for pk in forums_after if forums_after[pk] != forums_before[pk]]):
        topics, posts, _ = forums_before[forum.pk]
        done.append(
            f"Forumet {forum.name}: räknat om, {topics} → {forum.direct_topics_count} ämnen, "
            f"{posts} → {forum.direct_posts_count} inlägg, senaste inlägget satt."
        )
    return done
