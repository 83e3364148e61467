from django import template

from forum.reports import can_report

register = template.Library()


@register.simple_tag(takes_context=True)
def can_report_post(context, post):
    """True when the current user may report the post (``{% can_report_post post as x %}``)."""
    request = context["request"]
    return can_report(request.user, post, request.forum_permission_handler)
