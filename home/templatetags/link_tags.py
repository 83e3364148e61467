"""``{% absolute_url path %}``: a link with the site's public address in front (arena/links.py),
for the places a link must be absolute (Open Graph, robots.txt). Links inside the site stay relative."""

from django import template

from arena import links

register = template.Library()


@register.simple_tag
def absolute_url(path):
    return links.absolute_url(path)
