"""Every part of the site shares one Swedish layout, also the forum, the admin and error pages."""

from django.test import RequestFactory
from django.views.defaults import server_error


def test_forum_renders_inside_the_site_layout(client, home_page):
    response = client.get("/forum/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert '<a class="skip-link" href="#innehall">Hoppa till innehållet</a>' in html
    assert 'aria-label="Huvudmeny"' in html
    assert "info@arenahuddinge.se" in html  # the footer from the site settings
    assert 'href="/forum/" aria-current="true">Forum</a>' in html
    assert "Sök i forumet" in html


def test_forum_speaks_swedish(client, home_page):
    html = client.get("/forum/").content.decode()

    assert "Forumöversikt" in html
    assert "Forum index" not in html


def test_admin_login_answers_in_swedish(client, db):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="sv"' in html
    assert "Logga in" in html


def test_unknown_url_gets_the_swedish_404_page(client, home_page):
    response = client.get("/finns-inte/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan hittades inte" in html
    assert 'aria-label="Huvudmeny"' in html


def test_500_page_is_swedish_and_needs_no_database():
    # Without the db fixture pytest-django refuses every query, as a database that is down would.
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Ett tekniskt fel har uppstått" in html
