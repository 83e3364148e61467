"""Which topics and posts a person may see: the one rule behind every list, page, download, feed
and search of the forum.

A post is visible when it is approved (a moderator has not hidden it), its topic is approved (its
first post is not hidden), the topic is in a forum of type forum (not in a category or a link,
where no forum page lists it) and the person may read that forum. Moderators of the forum also
see what is hidden there, on the topic page and in the attachments, to judge it.
"""

from machina.core.db.models import get_model

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")


def readable_forums(user, handler):
    return handler.get_readable_forums(Forum.objects.filter(type=Forum.FORUM_POST), user)


def visible_topics(user, handler, topics=None):
    topics = Topic.objects.all() if topics is None else topics
    return topics.filter(approved=True, forum__in=readable_forums(user, handler))


def visible_posts(user, handler, posts=None):
    posts = Post.objects.all() if posts is None else posts
    return posts.filter(approved=True, topic__approved=True, topic__forum__in=readable_forums(user, handler))


def topic_hidden_from(topic, user, handler):
    """Whether the topic is kept from the user, for whom visible_topics leaves it out and who does
    not moderate its forum. (Whether the user may read the forum at all is machina's permission
    check, which answers with a login page.)"""
    public = topic.approved and topic.forum.is_forum
    return not public and not handler.can_approve_posts(topic.forum, user)


def post_hidden_from(post, user, handler):
    """The same for one post, which visible_posts leaves out when it or its topic is hidden."""
    return topic_hidden_from(post.topic, user, handler) or (
        not post.approved and not handler.can_approve_posts(post.topic.forum, user)
    )
