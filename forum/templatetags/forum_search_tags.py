from django import template

from forum.machina.search import excerpt

register = template.Library()


@register.filter
def search_excerpt(post, query):
    """Plain text from the post around what was searched for (``{{ post|search_excerpt:query }}``)."""
    return excerpt(post, query)
