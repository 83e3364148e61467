"""What a reader may see of the conversations about a page: the panel under a news item, an event
or a goal of an activity plan.

One call covers all of a page's conversations in a fixed number of queries, however many posts
the topics have. A conversation in a forum the reader may not read is shown only as existing: no
counts, no excerpts, no names.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from machina.core.db.models import get_model

from forum.machina import links, sectors
from forum.machina.search import excerpt
from forum.machina.visibility import visible_topics
from forum.models import PageDiscussion, Sector

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")

LATEST_POSTS = 2


@dataclass
class DiscussionSummary:
    topic: object
    readable: bool
    url: str
    join_url: str
    posts_count: int = 0
    voices: dict = field(default_factory=dict)
    latest_posts: list = field(default_factory=list)


def page_discussions(page):
    """The page's links to topics, by anchor ("" for the page itself)."""
    return {
        discussion.anchor: discussion
        for discussion in PageDiscussion.objects.filter(page_id=page.pk).select_related("topic__forum")
    }


def summarise(discussions, user, handler):
    """{anchor: DiscussionSummary} for the given links, as ``user`` may see them; topics hidden by
    a moderator are left out."""
    approved = Topic.objects.filter(pk__in={link.topic_id for link in discussions.values() if link.topic.approved})
    readable = set(visible_topics(user, handler, topics=approved).values_list("pk", flat=True))
    voices = _voices(readable)
    latest = _latest_posts(readable)
    summaries = {}
    for anchor, discussion in discussions.items():
        topic = discussion.topic
        if not topic.approved:
            continue
        url = links.topic_url(topic)
        if topic.pk not in readable:
            join_url = url if user.is_authenticated else _login_url(url)
            summaries[anchor] = DiscussionSummary(topic, False, url, join_url)
            continue
        join_url = url
        if user.is_authenticated and handler.can_add_post(topic, user):
            join_url = reverse(
                "forum_conversation:post_create",
                kwargs={
                    "forum_slug": topic.forum.slug,
                    "forum_pk": topic.forum_id,
                    "topic_slug": topic.slug,
                    "topic_pk": topic.pk,
                },
            )
        summaries[anchor] = DiscussionSummary(
            topic,
            True,
            url,
            join_url,
            posts_count=topic.posts_count,
            voices=voices.get(topic.pk, dict.fromkeys(Sector.values, 0)),
            latest_posts=latest.get(topic.pk, []),
        )
    return summaries


def _login_url(next_url):
    return f"{settings.LOGIN_URL}?{urlencode({'next': next_url})}"


def _voices(topic_ids):
    """{topic id: {sector: voices}} in one query."""
    if not topic_ids:
        return {}
    voices = {topic_id: dict.fromkeys(Sector.values, 0) for topic_id in topic_ids}
    for topic_id, sector, count in sectors.voices_per_sector_of_topics(topic_ids):
        voices[topic_id][sector] = count
    return voices


def _latest_posts(topic_ids):
    """{topic id: [its newest approved posts, newest first]} in one query, with excerpts and the
    authors' member profiles."""
    if not topic_ids:
        return {}
    newest_first = Post.objects.filter(topic_id__in=topic_ids, approved=True).annotate(
        recency=Window(RowNumber(), partition_by=F("topic_id"), order_by=[F("created").desc(), F("pk").desc()])
    )
    latest_posts = newest_first.filter(recency__lte=LATEST_POSTS).select_related("poster", "topic__forum")
    posts = sectors.with_member_profiles(latest_posts.order_by("topic_id", "recency"), "poster")
    latest = {}
    for post in posts:
        post.excerpt = excerpt(post, "")
        post.url = links.post_url(post)
        latest.setdefault(post.topic_id, []).append(post)
    return latest
