from django import template

from forum.permissions import is_forum_member as _is_forum_member

register = template.Library()


@register.filter
def is_forum_member(user):
    """True for members and moderators, who alone may open member pages such as profiles
    (``{% if request.user|is_forum_member %}``): nobody else is shown links to them."""
    return _is_forum_member(user)


@register.simple_tag(takes_context=True)
def forum_ancestors(context, forum):
    """``{% forum_ancestors forum as ancestors %}``: the forums above it, root first, without a query
    when the request's permission handler has the forums (forum/machina/permissions.py)."""
    return context["request"].forum_permission_handler.forum_ancestors(forum)
