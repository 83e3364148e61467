from django import template

from home.documents import format_and_size

register = template.Library()

register.filter("format_and_size", format_and_size)
