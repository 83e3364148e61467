"""One markup and one rule-set per component: every form on the site renders its fields through
templates/components/form_field.html, every paginated list through components/pagination.html,
every badge, notice, card, breadcrumb trail and reflowing table through its own component, and
site.css defines each component's rule-set once. The pattern page shows them all, for developers."""

import datetime
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

from home.templatetags.component_tags import machine_date
from tests.forum.factories import ForumMemberFactory, PostFactory
from tests.forum.helpers import post_create_url, topic_create_url
from tests.home.factories import ContactPageFactory

TEMPLATES = Path(settings.BASE_DIR) / "templates"
FORM_FIELD = "components/form_field.html"
INCLUDES_FORM_FIELD = '{% include "components/form_field.html"'

# The templates that render form fields, all through the component.
FORM_TEMPLATES = {
    "accounts/delete_account.html",
    "accounts/login.html",
    "accounts/password_change_form.html",
    "accounts/password_reset_confirm.html",
    "accounts/password_reset_form.html",
    "accounts/profile_form.html",
    "accounts/register.html",
    "conclusions/conclude.html",
    "forum_conversation/forum_attachments/attachment_formset.html",
    "forum_conversation/forum_polls/poll_option_formset.html",
    "forum_conversation/forum_polls/poll_vote_form.html",
    "forum_conversation/partials/post_form.html",
    "forum_member/forum_profile_update.html",
    "forum_moderation/topic_move.html",
    "home/conclusion_index_page.html",
    "home/contact_page.html",
    "home/includes/event_registration_form.html",
    "home/member_directory_page.html",
    "home/patterns.html",
    "membership/application_form.html",
    "moderation/report_post.html",
    "moderation/report_queue.html",
    "notifications/settings.html",
}

# Ways of rendering a field other than the component: Django's own layouts and widgets, a field's
# parts one by one, widget_tweaks, and hand-written inputs. Hidden inputs and the search boxes
# (plain GET forms with no Django form behind them) are not fields of a form.
OTHER_FIELD_RENDERING = re.compile(
    r"\{\{\s*(\w+\.)*(field|form)\s*\}\}"
    r"|\{\{\s*[\w.]+\.(as_field_group|as_p|as_div|as_table|as_ul|label_tag|legend_tag|errors)\s*\}\}"
    r"|\{%\s*render_field\b"
    r'|<(input|select|textarea)\b(?![^>]*type="(hidden|search)")'
)
# The Wagtail admin renders its fields with its own component ({% formattedfield %}).
WAGTAIL_ADMIN_TEMPLATES = {"membership/admin/decision.html"}


def our_templates():
    return {str(path.relative_to(TEMPLATES)): path.read_text() for path in TEMPLATES.rglob("*.html")}


def test_only_the_component_renders_form_fields():
    others = {
        name: match.group(0)
        for name, text in our_templates().items()
        if name != FORM_FIELD and (match := OTHER_FIELD_RENDERING.search(text))
    }
    assert others == {}


def test_the_templates_that_render_form_fields_are_the_listed_ones():
    with_component = {name for name, text in our_templates().items() if INCLUDES_FORM_FIELD in text}
    assert with_component == FORM_TEMPLATES
    assert all("formattedfield" in our_templates()[name] for name in WAGTAIL_ADMIN_TEMPLATES)


# Each component's own class, written by its template alone: a page that wrote the markup itself
# would fail here.
COMPONENT_CLASSES = {
    "pagination": "components/pagination.html",
    "form-errors": "components/error_summary.html",
    "form-field": "components/form_field.html",
    "badge": "components/badge.html",
    "notice": "components/notice.html",
    "card": "components/card.html",
    "breadcrumbs": "components/breadcrumbs.html",
    "table": "components/table.html",
}
# machina's tables of forums, topics and queued posts are overrides whose rows machina's own tags
# build: they take the table's rule-set (and its reflow) without going through its template.
MACHINA_TABLES = {
    "forum/forum_list.html",
    "forum_conversation/topic_list.html",
    "forum_moderation/moderation_queue/list.html",
}
CSS = Path(settings.BASE_DIR) / "arena/static/css/site.css"


@pytest.mark.parametrize("css_class", COMPONENT_CLASSES)
def test_only_the_component_writes_its_markup(css_class):
    writers = {name for name, text in our_templates().items() if re.search(rf'class="{css_class}[ "{{]', text)}
    assert writers - MACHINA_TABLES == {COMPONENT_CLASSES[css_class]}


def test_every_component_says_what_it_takes():
    for path in (TEMPLATES / "components").glob("*.html"):
        opening = path.read_text()[:400]
        assert "{% comment %}" in opening or "{#" in opening, path.name


def test_one_rule_set_per_component():
    css = CSS.read_text()
    for selector in (".form-field", ".form-field__label", ".form-errors", ".pagination", ".pagination__list"):
        assert len(re.findall(rf"^{re.escape(selector)} \{{", css, re.M)) == 1, selector
    for selector in (".button", ".card", ".badge", ".notice", ".breadcrumbs", ".table"):
        assert len(re.findall(rf"^{re.escape(selector)} \{{", css, re.M)) == 1, selector
    # No rule-set at the top level is written twice (media queries restate some, indented).
    top_level = re.findall(r"^([.#a-z*:\[][^{@/]*?) \{", css, re.M)
    assert sorted({s for s in top_level if top_level.count(s) > 1}) == []


def test_the_pattern_page_is_for_developers_only(client, settings, db):
    settings.DEBUG = False
    assert client.get(reverse("patterns")).status_code == 404


@pytest.mark.django_db
def test_the_pattern_page_shows_every_component_in_every_state(client, settings, home_page):
    settings.DEBUG = True
    response = client.get(reverse("patterns"))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    for css_class in [*COMPONENT_CLASSES, "button", "table--reflow"]:
        assert soup.select(f".{css_class}"), css_class
    for kind in ("info", "success", "warning", "error", "neutral"):
        assert soup.select(f".notice--{kind}"), kind
    controls = {
        control.get("type", control.name) for control in soup.select("main form input, main select, main textarea")
    }
    assert {"text", "email", "textarea", "select", "radio", "checkbox", "file"} <= controls
    # Pagination on the first, a middle and the last page, and none for a single page.
    assert len(soup.select("nav.pagination")) == 3
    assert [a.get_text() for a in soup.select("nav.pagination a[aria-current]")] == ["1", "10", "20"]
    # The form sent with errors: the summary, and errors beside their fields.
    assert soup.select_one(".form-errors h2").get_text(strip=True) == "Formuläret innehåller fel"
    assert len(soup.select(".form-field--error")) >= 4
    assert_fields_through_component(response.content.decode(), "main form")


def assert_fields_through_component(html, form_selector="main form[method=post]"):
    """Every control of the form sits in the component, with a label (or, for a group of radio buttons
    or checkboxes, a legend and a label each), and everything it is described by exists. An invalid
    control is described by the error next to it."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one(form_selector)
    controls = [c for c in form.select("input, select, textarea") if c.get("type") not in ("hidden", "submit")]
    assert controls
    for control in controls:
        field = control.find_parent(class_="form-field")
        assert field is not None, control
        fieldset = field.find("fieldset")
        if fieldset:
            assert fieldset.legend.get_text(strip=True)
            described_by = fieldset.get("aria-describedby", "").split()
        else:
            described_by = control.get("aria-describedby", "").split()
        label = soup.find("label", attrs={"for": control["id"]})
        assert label is not None and label.get_text(strip=True), control
        assert all(soup.find(id=name) for name in described_by), control
        if control.get("aria-invalid") == "true":
            error = field.select_one(".form-field__error")
            assert error["id"] in described_by and error.get_text(strip=True)
    return soup


def assert_errors_through_component(html, form_selector="main form[method=post]"):
    soup = assert_fields_through_component(html, form_selector)
    assert soup.select_one(f"{form_selector} .form-errors h2").get_text(strip=True) == "Formuläret innehåller fel"
    invalid = soup.select(f"{form_selector} .form-field--error")
    assert invalid
    for field in invalid:
        assert field.select_one('[aria-invalid="true"]') is not None
    return soup


@pytest.fixture
def member_client(client):
    client.force_login(ForumMemberFactory())
    return client


@pytest.mark.django_db
def test_the_contact_form(client, home_page):
    ContactPageFactory(parent=home_page)
    assert_fields_through_component(client.get("/kontakt/").content.decode())
    soup = assert_errors_through_component(client.post("/kontakt/", {}).content.decode())
    assert soup.select_one('label[for="id_namn"] .form-field__required').get_text() == "(obligatoriskt)"


@pytest.mark.django_db
def test_the_membership_form_its_choices_and_optional_fields(client, home_page):
    soup = assert_fields_through_component(client.get("/bli-medlem/").content.decode())
    choices = soup.select(".form-field__choices input, .form-field__choice input")
    assert choices, "Bli medlem asks with radio buttons or checkboxes"
    for choice in choices:
        # The label right next to its radio button or checkbox, not a block away.
        label = choice.find_parent("label") or choice.find_next_sibling("label")
        assert label["for"] == choice["id"]
    # This form marks optional fields instead of required ones.
    assert "(frivilligt)" in soup.text and "(obligatoriskt)" not in soup.text
    assert_errors_through_component(client.post("/bli-medlem/", {}).content.decode())


@pytest.mark.django_db
def test_registration_and_login(client, home_page):
    for url in (reverse("accounts:register"), reverse("accounts:login")):
        assert_fields_through_component(client.get(url).content.decode())
        assert_errors_through_component(client.post(url, {}).content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        lambda post: topic_create_url(post.topic.forum),
        lambda post: post_create_url(post.topic),
        lambda post: reverse("forum_report_post", args=[post.pk]),
    ],
    ids=["new topic", "reply", "report"],
)
def test_new_topic_reply_and_report(member_client, public_forum, url):
    post = PostFactory(topic__forum=public_forum)
    assert_fields_through_component(member_client.get(url(post)).content.decode())
    # What a browser sends for the form left empty.
    sent_empty = {"subject": "", "content": "", "reason": ""}
    assert_errors_through_component(member_client.post(url(post), sent_empty).content.decode())


def test_a_card_dates_to_the_second_as_html_allows():
    from_the_clock = datetime.datetime(2026, 11, 30, 6, 49, 50, 790095, tzinfo=datetime.UTC)

    assert machine_date(from_the_clock) == "2026-11-30T07:49:50+01:00"
    assert machine_date(datetime.date(2026, 3, 12)) == "2026-03-12"
