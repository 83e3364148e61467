"""The Nu HTML Checker (vnu.jar, the W3C validator) over every kind of public page: no errors."""

import json
import shutil
import subprocess
from pathlib import Path

from tests.tools import missing_tool

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_public_pages_are_valid_html(client, audited_urls, tmp_path):
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        missing_tool("Java och vnu-jar behövs: apt-get install default-jre-headless; npm ci --ignore-scripts.")
    files = {}
    for name, path in audited_urls.items():
        response = client.get(path)
        assert response.status_code in (200, 404), f"{path} svarade {response.status_code}"
        file = tmp_path / f"{len(files)}.html"
        file.write_bytes(response.content)
        files[file.name] = f"{name} ({path})"

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *[str(tmp_path / name) for name in files]],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{files[m['url'].rsplit('/', 1)[-1]]}: rad {m.get('lastLine')}: {m['message']}" for m in messages]
    assert not errors, "\n".join(errors)
