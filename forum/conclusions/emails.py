"""E-mail to the people in a conversation when it is concluded.

Who hears of it: the topic's subscribers, which are its authors (posting subscribes them,
forum/notifications/emails.py) and whoever subscribed; an author who unsubscribed from the topic
has asked for no more mail about it. Like a new post's notification, one task per recipient after
the commit, only to people who may still read the forum, and never to the one who concluded.
"""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task
from machina.core.loading import get_class

from arena.tasks import mail_task
from forum.machina.links import topic_url
from forum.membership.display_names import member_display_name
from forum.models import Conclusion
from forum.notifications.emails import absolute_url, one_line, unsubscribe_url

PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")


@task
def send_conclusion_notifications(conclusion_id):
    conclusion = Conclusion.objects.select_related("topic__forum").filter(pk=conclusion_id).first()
    if conclusion is None:  # removed again before the worker got to it
        return 0
    topic = conclusion.topic
    subscribers = topic.subscribers.filter(is_active=True).exclude(email="")
    if conclusion.concluded_by_id:
        subscribers = subscribers.exclude(pk=conclusion.concluded_by_id)
    handler = PermissionHandler()
    readers = [subscriber for subscriber in subscribers if handler.can_read_forum(topic.forum, subscriber)]
    for reader in readers:
        send_conclusion_notification.enqueue(conclusion.pk, reader.pk)
    return len(readers)


@mail_task
def send_conclusion_notification(conclusion_id, recipient_id):
    conclusion = Conclusion.objects.select_related("topic__forum").get(pk=conclusion_id)
    recipient = get_user_model().objects.get(pk=recipient_id)
    topic = conclusion.topic
    unsubscribe = unsubscribe_url(recipient, topic)
    context = {
        "conclusion": conclusion,
        "topic": topic,
        "recipient_name": member_display_name(recipient),
        "topic_url": absolute_url(topic_url(topic)),
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMultiAlternatives(
        subject=f"Slutsats i ”{one_line(topic.subject)}”",
        body=render_to_string("conclusions/email/conclusion_notification.txt", context),
        to=[recipient.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(render_to_string("conclusions/email/conclusion_notification.html", context), "text/html")
    message.send()
