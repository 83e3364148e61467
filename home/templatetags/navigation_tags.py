from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The live pages directly below the site root that editors put in the menu."""
    request = context["request"]
    site = Site.find_for_request(request)
    # Other apps' views (machina's search, for one) use "page" for a page of results.
    current_page = context.get("page") if isinstance(context.get("page"), Page) else None
    items = []
    if site is not None:
        for menu_page in site.root_page.get_children().live().in_menu():
            # A page is current when it, or the section it belongs to, is being shown.
            in_section = current_page is not None and current_page.path.startswith(menu_page.path)
            is_exact = in_section and current_page.pk == menu_page.pk
            items.append({"page": menu_page, "in_section": in_section, "is_exact": is_exact})
    return {"items": items, "request": request}
