"""The member's notices and notification settings, under /konto/notiser/."""

from django.urls import path

from . import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("<int:notice_id>/", views.open_notice, name="open"),
    path("las/", views.mark_notices_read, name="mark_read"),
    path("installningar/", views.notification_settings, name="settings"),
    path("bevaka-forum/<int:forum_id>/", views.follow_forum, name="follow_forum"),
    path("sluta-bevaka-amne/<int:topic_id>/", views.unfollow_topic, name="unfollow_topic"),
]
