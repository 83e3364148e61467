"""Visitors who only read get no cookies: no consent banner is needed and pages stay cacheable."""

import pytest


@pytest.mark.parametrize("path", ["/", "/var-verksamhet/", "/forum/", "/sok/?q=dialog"])
def test_reading_public_pages_sets_no_cookie(client, audited_urls, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response.cookies == {}
