""" "Diskutera" on pages: linking a published page to its conversations in the forum, and the
panel that shows them to the reader.

A page type that can be discussed has ``discussion_requests()`` (``DiscussionMixin`` for news
items and events, ``ActivityPlanPage`` for its goals). The forum keeps the links
(``forum.models.PageDiscussion``); ``home`` writes them here when a page is published.
"""

from forum.discussions.services import discuss_page, stop_discussing
from forum.discussions.summaries import page_discussions, summarise


def link_discussions_on_publish(sender, instance, **kwargs):
    """Wagtail's page_published signal: link the page's parts to the topics the editor asked for,
    opening the new ones, in the publication's own transaction."""
    requests = getattr(instance, "discussion_requests", None)
    if requests is None:
        return
    anchors = []
    for request in requests():
        discussion = discuss_page(
            instance,
            request.anchor,
            request.title,
            topic=request.topic,
            forum_id=request.forum_id,
            ingress=request.ingress,
            url=instance.url + (f"#{request.anchor}" if request.anchor else ""),
        )
        if discussion is not None:
            anchors.append(request.anchor)
    stop_discussing(instance, anchors)


def discussion_summaries(page, request):
    """{anchor: DiscussionSummary} of the page's conversations, as the request's reader may see them."""
    discussions = page_discussions(page)
    if not discussions:
        return {}
    return summarise(discussions, request.user, request.forum_permission_handler)
