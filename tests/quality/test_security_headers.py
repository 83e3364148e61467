"""Production settings put the security headers on every kind of response, a page served from
the anonymous page cache included, and a visitor who only reads gets no cookie. Runs a fresh
interpreter with production settings (the page cache on) on a migrated, seeded SQLite file."""

import json

import pytest
from csp.constants import NONCE, NONE, SELF
from csp.decorators import csp_update
from django.http import HttpResponse

from arena.middleware import ContentSecurityPolicyMiddleware
from tests.tools import PRODUCTION_ENV, run_manage, run_python

PATHS = {"public page": "/var-verksamhet/", "forum page": "/forum/", "admin page": "/admin/login/"}
# Asked for again: the second visitor gets the page the first one's left in the cache.
CACHED_PATHS = {"public page from the cache": "/var-verksamhet/", "forum page from the cache": "/forum/"}


@pytest.fixture(scope="module")
def production_responses(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}", "STATIC_ROOT": str(folder)}
    for command in (("migrate", "--noinput"), ("seed_demo",), ("collectstatic", "--noinput")):
        result = run_manage(*command, env=env)
        assert result.returncode == 0, result.stderr
    result = run_python(
        "import json, django; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client, override_settings\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "responses = {}\n"
        # Production turns the page cache off without REDIS_URL; here it is on, in local memory.
        "with override_settings(ANONYMOUS_PAGE_CACHE_SECONDS=120):\n"
        f"    for name, path in { {**PATHS, **CACHED_PATHS}!r}.items():\n"
        "        with CaptureQueriesContext(connection) as queries:\n"
        "            response = Client().get(path, secure=True, HTTP_HOST='arenahuddinge.se')\n"
        "        responses[name] = {'status': response.status_code, 'headers': dict(response.headers),\n"
        "                           'queries': len(queries),\n"
        "                           'cookies': {name: [bool(m['secure']), m['samesite'], bool(m['httponly'])]\n"
        "                                       for name, m in response.cookies.items()}}\n"
        # The same page over plain http, after the https page went into the cache.
        "    response = Client().get('/var-verksamhet/', HTTP_HOST='arenahuddinge.se')\n"
        "    responses['plain http'] = {'status': response.status_code, 'location': response.get('Location')}\n"
        "print(json.dumps(responses))\n",
        env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", [*PATHS, *CACHED_PATHS])
def test_every_kind_of_page_carries_the_security_headers(production_responses, name):
    response = production_responses[name]
    headers = response["headers"]

    assert response["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    policy = dict(directive.strip().split(" ", 1) for directive in headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["frame-ancestors"] == "'self'"
    assert policy["object-src"] == "'none'"
    if name != "admin page":
        assert policy["script-src"] == "'self'", "public pages allow no inline script"


def test_reading_a_public_page_sets_no_cookie(production_responses):
    assert production_responses["public page"]["cookies"] == {}
    assert production_responses["forum page"]["cookies"] == {}


@pytest.mark.parametrize("name", CACHED_PATHS)
def test_the_second_visitor_gets_the_page_from_the_cache_as_a_shared_page(production_responses, name):
    response = production_responses[name]

    assert response["queries"] == 0
    assert response["headers"]["Cache-Control"] == "public, max-age=120"
    assert response["cookies"] == {}


def test_a_form_sets_only_a_secure_same_site_csrf_cookie(production_responses):
    # Secure, SameSite=Lax; not HttpOnly, which would add nothing for a CSRF token (Django docs).
    assert production_responses["admin page"]["cookies"] == {"csrftoken": [True, "Lax", False]}


def policy_of(response):
    return dict(directive.strip().split(" ", 1) for directive in response["Content-Security-Policy"].split(";"))


@pytest.fixture
def strict_policy(settings):
    # NONCE: a view that asks for a nonce gets it in its own header; the others go without.
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": [SELF], "script-src": [SELF, NONCE]}}


def test_the_policy_built_once_stays_strict_on_public_pages_and_loosens_only_under_admin(rf, strict_policy):
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("ok"))

    public, admin, public_again = (middleware(rf.get(path)) for path in ("/", "/admin/pages/", "/forum/"))

    assert policy_of(public)["script-src"] == "'self'"
    assert policy_of(admin)["script-src"] == "'self' 'unsafe-inline'"
    assert policy_of(public_again) == policy_of(public)


def test_a_views_own_policy_and_a_nonce_are_built_for_that_response_alone(rf, strict_policy):
    @csp_update({"img-src": ["https://bilder.example.org"]})
    def with_pictures(request):
        return HttpResponse("ok")

    def with_nonce(request):
        return HttpResponse(str(request.csp_nonce))

    plain = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("ok"))
    pictures = ContentSecurityPolicyMiddleware(with_pictures)(rf.get("/"))
    nonce = ContentSecurityPolicyMiddleware(with_nonce)(rf.get("/"))

    assert policy_of(pictures)["img-src"] == "https://bilder.example.org"
    assert policy_of(nonce)["script-src"] == f"'self' 'nonce-{nonce.content.decode()}'"
    assert "img-src" not in policy_of(plain(rf.get("/")))
    assert "nonce" not in plain(rf.get("/"))["Content-Security-Policy"]


def test_a_changed_policy_is_built_anew(rf, settings, strict_policy):
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("ok"))
    middleware(rf.get("/"))

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": [NONE]}}

    assert policy_of(middleware(rf.get("/"))) == {"default-src": "'none'"}


def test_a_plain_http_request_is_redirected_to_https_even_for_a_page_in_the_cache(production_responses):
    assert production_responses["plain http"] == {"status": 301, "location": "https://arenahuddinge.se/var-verksamhet/"}
