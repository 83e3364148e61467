from django import template

from forum.moderation.services import can_report, handles_reports

register = template.Library()


@register.simple_tag(takes_context=True)
def can_report_post(context, post):
    """True when the current user may report the post (``{% can_report_post post as x %}``)."""
    request = context["request"]
    return can_report(request.user, post, request.forum_permission_handler)


@register.simple_tag(takes_context=True)
def can_handle_reports(context):
    """True when the current user works the report queue (``{% can_handle_reports as x %}``)."""
    request = context["request"]
    return handles_reports(request.user, request.forum_permission_handler)
