"""The Nu HTML Checker (vnu.jar, the W3C validator) over every kind of public page, and every kind
of forum page a logged-in member or moderator sees: no errors."""

import json
import shutil
import subprocess

from django.test import Client

from tests.forum.helpers import submit_form
from tests.tools import BASE_DIR, missing_tool

VNU_JAR = BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_public_member_and_moderator_pages_are_valid_html(
    client,
    audited_urls,
    member_audited_urls,
    audit_member,
    moderator_audited_urls,
    audit_moderator,
    forms_with_errors,
    member_forms_with_errors,
    tmp_path,
):
    java = nu_checker_java()
    member = logged_in(audit_member)
    audits = (
        (client, audited_urls),
        (member, member_audited_urls),
        (logged_in(audit_moderator), moderator_audited_urls),
    )
    responses = {}
    for visitor, urls in audits:
        for name, path in urls.items():
            response = visitor.get(path)
            # Only the public list holds a page that must not exist; a logged-in page must be there.
            expected = (200, 404) if visitor is client else (200,)
            assert response.status_code in expected, f"{path} svarade {response.status_code}"
            responses[f"{name} ({path})"] = response
    # The forms as they come back: with errors, and previewed (with a poll).
    new_topic, reply = member_audited_urls["nytt ämne"], member_audited_urls["svar i ämnet"]
    answered = {
        "nytt ämne med fel": submit_form(member, new_topic, "form.forum-form", subject=""),
        "förhandsgranskat ämne med omröstning": submit_form(
            member,
            new_topic,
            "form.forum-form",
            subject="Mötestider",
            content="Vilken tid passar?",
            poll_question="Förmiddag eller eftermiddag?",
            **{"poll-0-text": "Förmiddag", "poll-1-text": "Eftermiddag"},
            preview="1",
        ),
        "förhandsgranskat svar": submit_form(member, reply, "form.forum-form", content="**Bra** idé!", preview="1"),
    }
    shows = {
        "nytt ämne med fel": 'aria-invalid="true"',
        "förhandsgranskat ämne med omröstning": "forum-poll--preview",
        "förhandsgranskat svar": "forum-post--preview",
    }
    for visitor, forms in ((client, forms_with_errors), (member, member_forms_with_errors)):
        for name, (path, _, emptied) in forms.items():
            answered[name] = submit_form(visitor, path, 'main form[method="post"]', **dict.fromkeys(emptied, ""))
            shows[name] = 'role="alert"'
    for name, response in answered.items():
        assert response.status_code == 200 and shows[name] in response.content.decode(), name
        responses[name] = response
    errors = vnu_errors(java, responses, tmp_path)

    assert not errors, "\n".join(errors)


def test_the_pattern_page_is_valid_html(client, developer_audited_urls, tmp_path):
    java = nu_checker_java()
    responses = {}
    for name, path in developer_audited_urls.items():
        response = client.get(path)
        assert response.status_code == 200, f"{path} svarade {response.status_code}"
        responses[f"{name} ({path})"] = response

    errors = vnu_errors(java, responses, tmp_path)

    assert not errors, "\n".join(errors)


def nu_checker_java():
    """The java that runs the Nu HTML Checker; the test stops as a missing tool without them."""
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        missing_tool("Java och vnu-jar behövs: apt-get install default-jre-headless; npm ci --ignore-scripts.")
    return java


def vnu_errors(java, responses, tmp_path):
    """The Nu HTML Checker's errors in the responses, each named by its page."""
    files = {}
    for name, response in responses.items():
        file = tmp_path / f"{len(files)}.html"
        file.write_bytes(response.content)
        files[file.name] = name
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *[str(tmp_path / name) for name in files]],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{files[m['url'].rsplit('/', 1)[-1]]}: rad {m.get('lastLine')}: {m['message']}" for m in messages]
