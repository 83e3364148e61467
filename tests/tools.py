"""External tools some tests need (chromium, Java, npm packages)."""

import os

import pytest


def missing_tool(message):
    """Skip on a developer's machine without the tool; fail in CI, which installs every tool."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
