"""Small helpers for driving machina's forms through the test client."""

from bs4 import BeautifulSoup
from django.urls import reverse

from forum.machina.links import forum_url  # noqa: F401 - the tests import it from here


def topic_create_url(forum):
    return reverse("forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk})


def post_create_url(topic):
    return reverse(
        "forum_conversation:post_create",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
        },
    )


def post_update_url(post):
    topic = post.topic
    return reverse(
        "forum_conversation:post_update",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
            "pk": post.pk,
        },
    )


def form_data(html, form_selector="form", **values):
    """The fields of a form on the page as the browser would send them, with values filled in."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "file"}:
            continue
        if field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            selected = field.find("option", selected=True) or field.find("option")
            data[name] = selected.get("value", "") if selected else ""
        else:
            data[name] = field.get("value", "")
    data.update(values)
    return data


def submit_form(client, url, form_selector="form", **values):
    """Loads the page at url and posts its form back with values filled in."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    return client.post(url, form_data(page.content.decode(), form_selector, **values))
