"""What search engines are told: robots.txt and the sitemap."""

from tests.home.factories import StandardPageFactory


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_lists_live_pages_only(client, home_page):
    StandardPageFactory(parent=home_page, title="Vision", slug="vision")
    StandardPageFactory(parent=home_page, title="Utkast", slug="utkast", live=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    assert "<loc>http://testserver/</loc>" in xml
    assert "<loc>http://testserver/vision/</loc>" in xml
    assert "/utkast/" not in xml
