"""The bare ceiling: one Django view that does no work, with no middleware and no apps. The
site's minimal view (bench/urls.py) runs the same view behind the site's whole middleware stack;
the difference between the two is what the stack costs per request."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BARE_PATH = "/bench-ok/"


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(BARE_PATH.strip("/") + "/", ok)]

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-bare-only-secret-key-on-loopback",  # noqa: S106 - loopback only
        ALLOWED_HOSTS=["127.0.0.1"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )
    application = get_wsgi_application()
