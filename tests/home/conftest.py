"""Fixtures shared by the editorial site's tests."""

import pytest

from tests.home.factories import EventIndexPageFactory


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)
