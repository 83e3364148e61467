from django import template

from forum.permissions import is_forum_member as _is_forum_member

register = template.Library()


@register.filter
def is_forum_member(user):
    """True for members and moderators, who alone may open member pages such as profiles
    (``{% if request.user|is_forum_member %}``): nobody else is shown links to them."""
    return _is_forum_member(user)
