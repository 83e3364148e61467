"""Page weight: a first visit to the demo home page stays light.

Chromium counts what it receives for every request the page makes (HTML, CSS, JavaScript, fonts,
the images it actually loads, the favicon), headers included. The live server sends static files
uncompressed, so production, where whitenoise compresses them, transfers less than measured here.
"""

BUDGET_BYTES = 200 * 1024


def test_a_first_visit_to_the_home_page_transfers_at_most_200_kb(page, demo_site_url):
    transferred = {}

    def count(request):
        sizes = request.sizes()
        transferred[request.url] = sizes["responseHeadersSize"] + sizes["responseBodySize"]

    page.on("requestfinished", count)
    page.goto(demo_site_url + "/", wait_until="networkidle")

    assert demo_site_url + "/" in transferred
    assert any("/static/css/" in url for url in transferred), transferred
    total = sum(transferred.values())
    assert total <= BUDGET_BYTES, f"{total} byte: {transferred}"
