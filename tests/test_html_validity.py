"""The Nu HTML Checker (vnu.jar, the W3C validator) over every kind of public page, and every kind
of forum page a logged-in member or moderator sees: no errors."""

import json
import shutil
import subprocess
from pathlib import Path

from django.test import Client

from tests.tools import missing_tool

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_public_member_and_moderator_pages_are_valid_html(
    client, audited_urls, member_audited_urls, audit_member, moderator_audited_urls, audit_moderator, tmp_path
):
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        missing_tool("Java och vnu-jar behövs: apt-get install default-jre-headless; npm ci --ignore-scripts.")
    files = {}
    audits = (
        (client, audited_urls),
        (logged_in(audit_member), member_audited_urls),
        (logged_in(audit_moderator), moderator_audited_urls),
    )
    for visitor, urls in audits:
        for name, path in urls.items():
            response = visitor.get(path)
            # Only the public list holds a page that must not exist; a logged-in page must be there.
            expected = (200, 404) if visitor is client else (200,)
            assert response.status_code in expected, f"{path} svarade {response.status_code}"
            file = tmp_path / f"{len(files)}.html"
            file.write_bytes(response.content)
            files[file.name] = f"{name} ({path})"

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *[str(p) for p in tmp_path.iterdir()]],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{files[m['url'].rsplit('/', 1)[-1]]}: rad {m.get('lastLine')}: {m['message']}" for m in messages]
    assert not errors, "\n".join(errors)
