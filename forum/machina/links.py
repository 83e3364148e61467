"""Links to topics and posts, built one way everywhere (views, e-mail, templates)."""

from django.urls import reverse


def forum_url(forum):
    return reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})


def topic_url(topic):
    return reverse(
        "forum_conversation:topic",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "slug": topic.slug, "pk": topic.pk},
    )


def post_url(post):
    """The topic page that holds the post, scrolled to it (machina finds the page from ?post=)."""
    return f"{topic_url(post.topic)}?post={post.pk}#{post.pk}"
