"""What the shared components in templates/components/ need beyond Django's own tags."""

from django import template

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
