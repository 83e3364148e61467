from django.conf import settings
from django.urls import include, path, re_path
from machina import urls as machina_urls
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("forum/", include(machina_urls)),
    path("sitemap.xml", sitemap),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it answers every path nothing above has claimed. Its own
# pattern only takes paths ending in a slash, so calendar feeds ending in ".ics" (such as
# /aktiviteter/kalender.ics) are passed to the page's routes here.
urlpatterns += [
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.ics)$", wagtail_views.serve),
    path("", include(wagtail_urls)),
]
