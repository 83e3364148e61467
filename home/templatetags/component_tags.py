"""What the shared components in templates/components/ need beyond Django's own tags."""

import datetime

from django import template
from django.template.base import token_kwargs
from django.utils import timezone

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, param, number):
    """``{% page_query "sida" 2 %}``: this page's query string with param set to number, the other
    parameters (filters, search words, another list's page) kept. Django's ``{% querystring %}``
    takes the parameter's name only as a literal, and machina's lists call theirs ``page``."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"


@register.filter
def elided_page_range(items):
    """The page numbers to link, with ``…`` for long runs: ``{% for n in items|elided_page_range %}``."""
    return items.paginator.get_elided_page_range(items.number)


@register.filter
def marked_required(field):
    """Whether components/form_field.html says "(obligatoriskt)": not for a form that marks its
    optional fields instead, nor in a formset's extra form, which may stay empty."""
    form = field.form
    return field.field.required and not form.empty_permitted and not getattr(form, "marks_optional_fields", False)


class ComponentNode(template.Node):
    def __init__(self, name, arguments, nodelist):
        self.name, self.arguments, self.nodelist = name, arguments, nodelist

    def render(self, context):
        values = {key: value.resolve(context) for key, value in self.arguments.items()}
        values["content"] = self.nodelist.render(context)
        component = context.template.engine.get_template(f"components/{self.name}.html")
        with context.push(**values):
            return component.render(context)


@register.tag
def component(parser, token):
    """``{% component "notice" kind="success" %}…{% endcomponent %}``: renders
    templates/components/<name>.html with the arguments, and what stands between the tags as
    ``content``. For the components that wrap markup of their own (notice, card); the others are
    included with ``{% include %}``."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("{% component %} tar komponentens namn inom citattecken först.")
    arguments = token_kwargs(bits[2:], parser)
    if len(arguments) != len(bits) - 2:
        raise template.TemplateSyntaxError("{% component %} tar bara argument på formen namn=värde.")
    nodelist = parser.parse(("endcomponent",))
    parser.delete_first_token()
    return ComponentNode(bits[1][1:-1], arguments, nodelist)


@register.filter
def labelled(row, head):
    """A table row's cells with their columns' names: ``{% for name, cell in row|labelled:head %}``."""
    names = list(head or [])
    return [(names[at] if at < len(names) else "", cell) for at, cell in enumerate(row)]


@register.filter
def machine_date(value):
    """A date or a datetime as a <time> element's datetime attribute (a datetime in local time, to
    the second: HTML allows no more than three digits of a fraction)."""
    if isinstance(value, datetime.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).replace(microsecond=0).isoformat()
    return value.isoformat()
