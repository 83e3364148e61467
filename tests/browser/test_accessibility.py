"""axe-core, the independent accessibility engine, over every kind of public page and every kind of
forum page a logged-in member or moderator sees: no WCAG 2.1 A or AA violation is allowed."""

from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.quality.test_html_validity import nu_checker_java, vnu_errors
from tests.tools import missing_tool

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def axe_script():
    if not AXE_SCRIPT.exists():
        missing_tool("axe-core saknas: kör `npm ci --ignore-scripts` (make test gör det när npm finns).")
    return AXE_SCRIPT.read_text()


def describe(violations):
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + ", ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in violations
    )


def violations(page, axe_script):
    page.add_script_tag(content=axe_script)
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)["violations"]


def audit(page, site_url, urls, axe_script):
    failures = {}
    for name, path in urls.items():
        page.goto(site_url + path)
        found = violations(page, axe_script)
        if found:
            failures[f"{name} ({path})"] = describe(found)
    return failures


def test_public_pages_have_no_wcag_violations(page, site_url, audited_urls, axe_script):
    failures = audit(page, site_url, audited_urls, axe_script)

    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())


def test_member_forum_pages_have_no_wcag_violations(
    page, site_url, log_in, member_audited_urls, audit_member, axe_script
):
    log_in(audit_member)

    failures = audit(page, site_url, member_audited_urls, axe_script)

    page.goto(site_url + member_audited_urls["nytt ämne"])
    assert page.locator("form textarea[name='content']").count() == 1, "medlemmen är inte inloggad"
    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())


def test_moderator_forum_pages_have_no_wcag_violations(
    page, site_url, log_in, moderator_audited_urls, audit_moderator, axe_script
):
    log_in(audit_moderator)

    failures = audit(page, site_url, moderator_audited_urls, axe_script)

    page.goto(site_url + moderator_audited_urls["modereringskö"])
    assert page.locator("h1").inner_text() == "Modereringskö", "moderatorn är inte inloggad"
    failures.update(
        audit_forms_with_errors(
            page,
            site_url,
            {"slutsats med fel": (moderator_audited_urls["avsluta med slutsats"], "Avsluta med slutsatsen", ())},
            axe_script,
        )
    )
    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())


def test_forum_forms_sent_back_with_errors_or_as_previews_have_no_wcag_violations(
    page, site_url, log_in, member_audited_urls, audit_member, axe_script, tmp_path
):
    log_in(audit_member)
    failures = {}

    page.goto(site_url + member_audited_urls["nytt ämne"])
    page.get_by_role("button", name="Skicka").click()
    page.get_by_text("Det här fältet är obligatoriskt").first.wait_for()
    failures["nytt ämne med fel"] = violations(page, axe_script)

    page.get_by_label("Rubrik").fill("Mötestider")
    page.get_by_label("Meddelande").fill("Vilken tid passar?")
    closed = page.locator("form details:not([open]) > summary")
    while closed.count():
        closed.first.click()
    failures["nytt ämne, alla delar öppna"] = violations(page, axe_script)
    page.get_by_label("Omröstningsfråga").fill("Förmiddag eller eftermiddag?")
    page.get_by_label("Svarsalternativ", exact=True).nth(0).fill("Förmiddag")
    page.get_by_label("Svarsalternativ", exact=True).nth(1).fill("Eftermiddag")
    page.get_by_role("button", name="Förhandsgranska").click()
    page.get_by_role("heading", name="Förhandsgranskning: Förmiddag eller eftermiddag?").wait_for()
    failures["förhandsgranskat ämne med omröstning"] = violations(page, axe_script)

    page.goto(site_url + member_audited_urls["svar i ämnet"])
    page.get_by_label("Meddelande").fill("**Bra** idé!")
    page.get_by_role("button", name="Förhandsgranska").click()
    page.locator(".forum-post--preview strong").wait_for()
    failures["förhandsgranskat svar"] = violations(page, axe_script)

    page.goto(site_url + member_audited_urls["svar i ämnet"])
    page.get_by_label("Meddelande").press_sequentially("Tack @Bo")
    page.get_by_role("option", name="Bo B").wait_for()
    # The Nu HTML Checker too, over the page as mentions.js left it (before axe adds its script).
    mention_list_open = SimpleNamespace(content=page.content().encode())
    failures["svar med listan över medlemmar att nämna öppen"] = violations(page, axe_script)

    failures = {name: describe(found) for name, found in failures.items() if found}
    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())
    errors = vnu_errors(nu_checker_java(), {"svar med listan att nämna öppen": mention_list_open}, tmp_path)
    assert not errors, "\n".join(errors)


def audit_forms_with_errors(page, site_url, forms, axe_script):
    failures = {}
    for name, (path, button, emptied) in forms.items():
        page.goto(site_url + path)
        for field in emptied:
            page.locator(f"main [name='{field}']").fill("")
        page.get_by_role("main").get_by_role("button", name=button).click()
        page.get_by_role("alert").wait_for()
        found = violations(page, axe_script)
        if found:
            failures[f"{name} ({path})"] = describe(found)
    return failures


def test_public_and_account_forms_sent_back_with_errors_have_no_wcag_violations(
    page, site_url, log_in, forms_with_errors, member_forms_with_errors, audit_member, axe_script
):
    failures = audit_forms_with_errors(page, site_url, forms_with_errors, axe_script)
    log_in(audit_member)
    failures |= audit_forms_with_errors(page, site_url, member_forms_with_errors, axe_script)

    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())


def test_the_pattern_page_has_no_wcag_violations(page, site_url, developer_audited_urls, axe_script):
    failures = audit(page, site_url, developer_audited_urls, axe_script)

    page.goto(site_url + developer_audited_urls["komponenter"])
    assert page.locator("h1").inner_text() == "Komponenter"
    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())
