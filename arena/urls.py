from django.conf import settings
from django.urls import include, path
from machina import urls as machina_urls
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from forum import account_urls
from forum.membership_views import MembershipApplicationReceivedView, MembershipApplicationView

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("forum/", include(machina_urls)),
    path("bli-medlem/", MembershipApplicationView.as_view(), name="membership_application"),
    path("bli-medlem/tack/", MembershipApplicationReceivedView.as_view(), name="membership_application_received"),
    path("konto/", include(account_urls)),
    path("sitemap.xml", sitemap),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it answers every path nothing above has claimed.
urlpatterns += [path("", include(wagtail_urls))]
