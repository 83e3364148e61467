"""The settings modules: each imports, production refuses to start half-configured and passes
Django's deployment checklist, and whitenoise serves hashed, compressed static files."""

import pytest

from tests.tools import PRODUCTION_ENV, run_manage, run_python


@pytest.mark.parametrize("module", ["base", "dev", "test", "production"])
def test_each_settings_module_imports(module):
    result = run_python(
        "import django; django.setup(); from django.conf import settings; print(settings.LANGUAGE_CODE)",
        {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": f"arena.settings.{module}"},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "sv"


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL"])
def test_production_refuses_to_start_without_a_required_variable(variable):
    env = {**PRODUCTION_ENV, variable: ""}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert f"Miljövariabeln {variable} saknas" in result.stderr.strip().splitlines()[-1]


def test_a_bad_database_url_stops_start_up_with_a_clear_message():
    result = run_manage("check", env={**PRODUCTION_ENV, "DATABASE_URL": "nosuchdb://x"})

    assert result.returncode != 0
    assert "DATABASE_URL går inte att tolka" in result.stderr.strip().splitlines()[-1]


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(("redis_url", "seconds"), [("", ["0", "0"]), ("redis://127.0.0.1:6379/0", ["120", "3600"])])
def test_production_caches_pages_only_in_a_cache_all_workers_share(redis_url, seconds):
    result = run_python(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.ANONYMOUS_PAGE_CACHE_SECONDS, settings.CONTENT_CACHE_SECONDS)",
        {**PRODUCTION_ENV, "REDIS_URL": redis_url},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == seconds


def test_whitenoise_serves_hashed_compressed_css_with_a_long_cache_header(tmp_path):
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    collect = run_manage("collectstatic", "--noinput", env=env)
    assert collect.returncode == 0, collect.stderr

    result = run_python(
        "import django; django.setup()\n"
        "from django.templatetags.static import static\n"
        "from django.test import Client\n"
        "url = static('css/site.css')\n"
        "response = Client().get(url, secure=True, HTTP_HOST='arenahuddinge.se', HTTP_ACCEPT_ENCODING='gzip')\n"
        "print(url, response.status_code, response['Content-Encoding'], response['Cache-Control'], sep='|')\n",
        env,
    )

    assert result.returncode == 0, result.stderr
    url, status, encoding, cache_control = result.stdout.strip().split("|")
    assert url.startswith("/static/css/site.") and url != "/static/css/site.css"
    assert status == "200"
    assert encoding == "gzip"
    assert "max-age=315360000" in cache_control and "immutable" in cache_control


@pytest.mark.parametrize(
    ("env", "site_url"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8123"}, "http://127.0.0.1:8123"),
        ({"PORT": "8123", "SITE_URL": "http://localhost:9000/"}, "http://localhost:9000"),
    ],
)
def test_make_run_links_to_the_address_it_serves_on(env, site_url):
    # `make run` passes its PORT to runserver and to the settings; absolute links follow it.
    result = run_python(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL)",
        {"DJANGO_SETTINGS_MODULE": "arena.settings.dev", "PORT": "", "SITE_URL": "", **env},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [site_url, site_url]


def test_what_start_up_loaded_is_left_out_of_the_collectors_walks():
    result = run_python(
        "import gc, arena.wsgi\n"
        "from wagtail.models import Page\n"
        "walked = gc.get_objects()\n"
        "print(gc.get_freeze_count() > len(walked), any(thing is Page for thing in walked))\n",
        PRODUCTION_ENV,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]
