from django import template
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from arena.content_cache import cached_until_content_changes
from forum.permissions import MEMBERS_GROUP, MODERATORS_GROUP, group_names
from home.middleware import request_host
from home.models import NewsIndexPage, SiteSettings

register = template.Library()


@register.filter
def may_edit_pages(user):
    """Whether a page carries Wagtail's user bar (``{% if request.user|may_edit_pages %}``): for
    staff and for people in a group besides the forum's, such as Kommunikatörer. Wagtail's tag
    checks the admin permission itself, at two queries; forum members, most of the people logged
    in, are spared them (their groups are already read for the forum's links)."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or bool(group_names(user) - {MEMBERS_GROUP, MODERATORS_GROUP})
    )


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The live, public pages directly below the site root that editors put in the menu, in the
    order editors give them, and the forum (see build_site_layout). The menu is cached for everyone
    alike, so a page behind a login or password is left out of it."""
    request = context["request"]
    # Other apps' views (machina's search, for one) use "page" for a page of results.
    current_page = context.get("page") if isinstance(context.get("page"), Page) else None
    items = []
    for entry in site_layout(request)["menu"]:
        if entry["path"] is None:
            in_section, is_exact = request.path.startswith(entry["url"]), False
        else:
            # A page is current when it, or the section it belongs to, is being shown.
            in_section = current_page is not None and current_page.path.startswith(entry["path"])
            is_exact = in_section and current_page.pk == entry["pk"]
        items.append({**entry, "in_section": in_section, "is_exact": is_exact})
    return {"items": items, "request": request}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer with the association's contact details and the pages about the site."""
    return mark_safe(site_layout(context["request"])["footer"])  # noqa: S308 - rendered from our template


def site_layout(request):
    """The menu entries and the footer's HTML of the request's site, looked up once per request:
    every page shows them, and they change only when content does. They are cached under the
    host the request names."""
    if not hasattr(request, "_site_layout"):
        request._site_layout = cached_until_content_changes(
            f"site-layout.{request_host(request)}", lambda: build_site_layout(request, Site.find_for_request(request))
        )
    return request._site_layout


def build_site_layout(request, site):
    if not site:
        footer = render_to_string("components/footer.html", {"request": request})
        return {"menu": [], "footer": footer, "language_links": []}
    site_settings = SiteSettings.for_request(request)
    # The menu's pages and the pages the settings link to, in one query (and one look-up of the
    # private sections, which each .public() costs).
    root, linked_ids = site.root_page, site_settings.linked_page_ids
    in_menu = Page.objects.child_of_q(root) & Page.objects.in_menu_q()
    found = list(Page.objects.live().public().filter(in_menu | Q(pk__in=linked_ids)).order_by("path"))
    site_settings.linked_pages = {page.pk: page for page in found if page.pk in linked_ids}
    pages = [page for page in found if page.show_in_menus and page.is_child_of(root)]
    menu = [{"pk": page.pk, "path": page.path, "title": page.title, "url": page.get_url(request)} for page in pages]
    # The forum is no page: it follows the news (reading what happens, then taking part), or
    # comes last in a menu without them.
    news_at = next((at for at, page in enumerate(pages) if page.specific_class is NewsIndexPage), len(pages) - 1)
    menu.insert(news_at + 1, {"pk": None, "path": None, "title": "Forum", "url": reverse("forum:index")})
    footer = render_to_string("components/footer.html", {"site_settings": site_settings, "request": request})
    language_links = [
        {"word": word, "lang": lang, "url": page.get_url(request)} for word, lang, page in site_settings.language_links
    ]
    return {"menu": menu, "footer": footer, "language_links": language_links}


@register.inclusion_tag("components/language_links.html", takes_context=True)
def language_links(context):
    """Links to the pages in English and in easy-to-read Swedish, named by words, never by flags."""
    return {"links": site_layout(context["request"])["language_links"]}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """``{% breadcrumbs %}``: the start page and the pages above the page shown, for every page below
    the start page (base.html); nothing on the start page itself or outside Wagtail's pages. The
    trail is kept in the content cache: every page shows one."""
    page, request = context.get("page"), context["request"]
    if not isinstance(page, Page):
        return {"items": []}
    site = Site.find_for_request(request)
    if not site or page.depth <= site.root_page.depth:
        return {"items": []}
    return {
        "items": cached_until_content_changes(
            f"breadcrumbs.{site.pk}.{page.pk}", lambda: build_breadcrumbs(request, site, page)
        )
    }


def build_breadcrumbs(request, site, page):
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth).only("title", "url_path")
    items = [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]
    items[0]["title"] = "Startsida"
    return [*items, {"title": page.title, "url": page.get_url(request), "current": True}]
