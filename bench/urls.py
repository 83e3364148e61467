"""The site's URLs plus the ceiling: a view that does no work, behind the same middleware."""

from django.http import HttpResponse
from django.urls import path

from arena.urls import urlpatterns as site_urlpatterns

CEILING_PATH = "/bench-ok/"


def ceiling(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(CEILING_PATH.strip("/") + "/", ceiling), *site_urlpatterns]
