from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from arena import health
from forum.conclusions import views as conclusion_views
from forum.machina import urls as board_urls
from forum.membership import urls as account_urls
from forum.membership.views import MembershipApplicationReceivedView, MembershipApplicationView
from forum.moderation import views as moderation_views
from forum.notifications import urls as notice_urls
from forum.notifications import views as notification_views
from forum.reactions import views as reaction_views
from home import patterns
from home import views as home_views

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    # Our forum pages live beside machina's /forum/ tree, not inside it, so that machina's URL
    # patterns never shadow them. The unsubscribe link is not under /konto/ because it must work
    # without logging in, straight from an e-mail.
    path("forum-avprenumerera/<str:token>/", notification_views.unsubscribe, name="forum_unsubscribe"),
    path("forum-medlemmar/", notification_views.mention_suggestions, name="mention_suggestions"),
    path("sammanfattning-avsluta/<str:token>/", notification_views.digest_unsubscribe, name="digest_unsubscribe"),
    path("forum-anmal/<int:post_id>/", moderation_views.report_post, name="forum_report_post"),
    path("forum-slutsats/<int:topic_id>/", conclusion_views.conclude_topic, name="forum_conclude_topic"),
    path(
        "forum-slutsats/<int:topic_id>/ta-bort/",
        conclusion_views.remove_topic_conclusion,
        name="forum_remove_conclusion",
    ),
    path("forum-reaktion/<int:post_id>/", reaction_views.react, name="forum_react"),
    path("forum-regler/", TemplateView.as_view(template_name="forum/rules.html"), name="forum_rules"),
    path("forum-moderering/anmalningar/", moderation_views.report_queue, name="forum_report_queue"),
    path("forum-moderering/anmalningar/<int:report_id>/", moderation_views.handle_report, name="forum_handle_report"),
    # One search box for pages and forum posts (home/views.py): machina's own search is replaced.
    path("forum/search/", RedirectView.as_view(pattern_name="search", query_string=True)),
    path("forum/", include(board_urls)),
    path("bli-medlem/", MembershipApplicationView.as_view(), name="membership_application"),
    path("bli-medlem/tack/", MembershipApplicationReceivedView.as_view(), name="membership_application_received"),
    path("konto/notiser/", include(notice_urls)),
    path("konto/", include(account_urls)),
    path("sitemap.xml", sitemap),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("sok/", home_views.search, name="search"),
    # Every component in every state, for developers: a 404 unless DEBUG is on.
    path("komponenter/", patterns.patterns, name="patterns"),
]

# Uploaded files while developing; static() adds nothing unless DEBUG is on.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it answers every path nothing above has claimed. Its own
# pattern only takes paths ending in a slash, so calendar feeds ending in ".ics" (such as
# /aktiviteter/kalender.ics) are passed to the page's routes here.
urlpatterns += [
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.ics)$", wagtail_views.serve, name="wagtail_serve_calendar"),
    path("", include(wagtail_urls)),
]
