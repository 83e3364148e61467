"""Links to forums, topics, posts and profiles, built one way everywhere (views, e-mail, templates).

A forum list renders some 60 of these per page. Django's ``reverse`` matches the URL patterns for
each one (~15 µs, 8 % of a forum page's CPU in the profile); here each kind of link is reversed
once per process with placeholders, and later links fill the same shape in, quoted as ``reverse``
quotes them (slugs may hold å, ä and ö)."""

from functools import lru_cache
from urllib.parse import quote

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.encoding import iri_to_uri

# Placeholders no real value contains, none a part of another.
PLACEHOLDERS = {"forum_slug": "zqforumslugzq", "slug": "zqtopicslugzq", "forum_pk": 987650001, "pk": 987650002}
# What ``reverse`` leaves unquoted in a path (django.urls.resolvers).
SAFE = "!$&'()*+,;=/~:@"


@lru_cache(maxsize=64)
def _shape(name, keys, prefix, urlconf):
    url = reverse(name, kwargs={key: PLACEHOLDERS[key] for key in keys}, urlconf=urlconf)
    for key in keys:
        url = url.replace(str(PLACEHOLDERS[key]), "{" + key + "}")
    return url


def fast_reverse(name, **kwargs):
    """``reverse(name, kwargs=kwargs)`` for the patterns above, without matching them again."""
    shape = _shape(name, tuple(sorted(kwargs)), get_script_prefix(), get_urlconf())
    return iri_to_uri(shape.format(**{key: quote(str(value), safe=SAFE) for key, value in kwargs.items()}))


def forum_url(forum):
    return fast_reverse("forum:forum", slug=forum.slug, pk=forum.pk)


def topic_url(topic):
    return fast_reverse(
        "forum_conversation:topic", forum_slug=topic.forum.slug, forum_pk=topic.forum_id, slug=topic.slug, pk=topic.pk
    )


def post_url(post):
    """The topic page that holds the post, scrolled to it (machina finds the page from ?post=)."""
    return f"{topic_url(post.topic)}?post={post.pk}#{post.pk}"


def profile_url(user_id):
    return fast_reverse("forum_member:profile", pk=user_id)
