"""The member's own lists of topics (unread topics, subscriptions), a page at a time and with
what a row of the shared topic list (templates/forum_conversation/topic_list.html) shows, in a
fixed number of queries however many topics and forums there are.

The database sorts and counts the topics by id alone, and gives each page's ids with their view
counts. The page's table is rendered once for those (``{% content_fragment %}``, kept until
content changes; view counts are flushed to the topics without a change of content, so they are
part of the key): most requests read no topic rows and render no table, which was two thirds of
these pages' CPU. When the table is rendered, its rows are read by id, with their last post
(without its text, which a row never shows) and their authors with their member profiles, and
each row's forum comes from the forums the permission handler already holds: machina's unread list
read each row's forum in a query of its own, and its subscription list sorted every subscribed
topic joined with its last post's text, most of that page's database time (on PostgreSQL, 18 of
26 ms for 200 topics). Reading the rows after the page is picked keeps the joins out of the sort
and the plans small: one query of eight tables took longer to plan than these two take to run.
``{% with_member_profiles %}`` then finds the profiles already there.
"""

from django.contrib.auth import get_user_model
from django.utils.functional import SimpleLazyObject
from machina.core.db.models import get_model

Topic = get_model("forum_conversation", "Topic")

# Only the post's text; a row shows the last post's author, date and link.
LAST_POST_TEXT = ("last_post__content", "last_post___content_rendered")


def topic_rows(topic_ids, permission_handler):
    """The topics with these ids, in this order, each with its last post, its authors (with their
    member profiles) and its forum from the forums the permission handler holds: two queries."""
    forums = {forum.pk: forum for forum in permission_handler.forum_setup()["forums"]}
    topics = Topic.objects.select_related("last_post").defer(*LAST_POST_TEXT).in_bulk(topic_ids)
    rows = [topics[pk] for pk in topic_ids if pk in topics]
    authors = (
        get_user_model()
        .objects.select_related("member_profile__organisation")
        .in_bulk({topic.poster_id for topic in rows} | {topic.last_post.poster_id for topic in rows if topic.last_post})
    )
    for topic in rows:
        if topic.forum_id in forums:
            topic.forum = forums[topic.forum_id]
        if topic.poster_id in authors:
            topic.poster = authors[topic.poster_id]
        if topic.last_post and topic.last_post.poster_id in authors:
            topic.last_post.poster = authors[topic.last_post.poster_id]
    return rows


def lazy_topic_rows(topic_ids, permission_handler):
    """``topic_rows``, read only when a template first looks at them: a page whose table comes
    from the shared cache (``{% content_fragment %}``) reads none of them."""
    return SimpleLazyObject(lambda: topic_rows(topic_ids, permission_handler))
