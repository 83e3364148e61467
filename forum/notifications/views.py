"""The member's notices ("Notiser", /konto/notiser/) and one-click unsubscribe from a topic, from
the link in a notification e-mail (RFC 8058)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from machina.core.db.models import get_model

from forum.membership.display_names import normalise_display_name
from forum.models import ForumSubscription, Notice, NotificationSettings
from forum.permissions import is_forum_member

from .digest import DIGEST_UNSUBSCRIBE_SALT
from .forms import NotificationSettingsForm
from .links import UNSUBSCRIBE_SALT
from .services import describe, link, mark_read, readers, set_forum_followed, settings_of

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")

NOTICES_PER_PAGE = 20


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def notice_list(request):
    notices = Notice.objects.filter(recipient=request.user).select_related(
        "actor__member_profile", "post__topic__forum", "topic__forum"
    )
    page = Paginator(notices, NOTICES_PER_PAGE).get_page(request.GET.get("sida"))
    for notice in page:
        notice.summary = describe(notice)
    return render(request, "notifications/notice_list.html", {"page": page})


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def notification_settings(request):
    """The member's e-mail choices, and the forums and topics they follow."""
    form = NotificationSettingsForm(request.POST or None, instance=settings_of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Dina inställningar för notiser är sparade.")
        return redirect("notices:settings")
    context = {
        "form": form,
        "forums": ForumSubscription.objects.filter(user=request.user).select_related("forum").order_by("forum__name"),
        "topics": request.user.topic_subscriptions.select_related("forum").order_by("subject"),
    }
    return render(request, "notifications/settings.html", context)


def _back(request, default):
    """Where a follow/unfollow button sends the member back to: its ``next``, if it is ours."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(default)


@login_required
@require_http_methods(["POST"])
def follow_forum(request, forum_id):
    """Follows (``follow=1``) or stops following a whole forum the member may read."""
    forum = get_object_or_404(Forum, pk=forum_id)
    if not request.forum_permission_handler.can_read_forum(forum, request.user):
        raise PermissionDenied
    follow = request.POST.get("follow") == "1"
    set_forum_followed(request.user, forum, follow)
    if follow:
        messages.success(request, f"Du bevakar nu forumet ”{forum.name}” och får veta när nya ämnen startas.")
    else:
        messages.success(request, f"Du bevakar inte längre forumet ”{forum.name}”.")
    return _back(request, "notices:settings")


@login_required
@require_http_methods(["POST"])
def unfollow_topic(request, topic_id):
    topic = get_object_or_404(request.user.topic_subscriptions, pk=topic_id)
    topic.subscribers.remove(request.user)
    messages.success(request, f"Du bevakar inte längre ämnet ”{topic.subject}”.")
    return redirect("notices:settings")


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def open_notice(request, notice_id):
    """Opening a notice reads it and leads to the post (or topic) it is about."""
    notice = get_object_or_404(
        Notice.objects.select_related("post__topic__forum", "topic__forum"), pk=notice_id, recipient=request.user
    )
    mark_read(request.user, [notice.pk])
    return redirect(link(notice))


@login_required
@require_http_methods(["POST"])
def mark_notices_read(request):
    """Marks one notice (``notice=<id>``) or all of the member's notices read."""
    notice_id = request.POST.get("notice", "")
    if notice_id.isdigit():
        mark_read(request.user, [int(notice_id)])
    else:
        mark_read(request.user)
    page = request.POST.get("sida", "")
    return redirect(reverse("notices:list") + (f"?sida={page}" if page.isdigit() else ""))


def _reject_csrf(request):
    """The CSRF failure response for an ordinary form POST, or None when the check passes."""
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})


# CSRF exemption, and why: RFC 8058 one-click unsubscribe is a POST that the recipient's mail
# program sends with only the body "List-Unsubscribe=One-Click"; it cannot carry a CSRF token. The
# signed token in the URL is the credential, and all the request can do is end one subscription.
# Every other POST (the confirmation button on the page) still goes through the normal CSRF check.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = get_user_model().objects.get(pk=data["u"])
        topic = Topic.objects.get(pk=data["t"])
    except (signing.BadSignature, KeyError, TypeError):
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    except (get_user_model().DoesNotExist, Topic.DoesNotExist):
        return render(request, "notifications/unsubscribe_invalid.html", status=404)

    subscribed = topic.subscribers.filter(pk=user.pk).exists()
    if request.method == "POST" and subscribed:
        if request.POST.get("List-Unsubscribe") != "One-Click":
            rejection = _reject_csrf(request)
            if rejection is not None:
                return rejection
        topic.subscribers.remove(user)
        subscribed = False
    return render(request, "notifications/unsubscribe.html", {"topic": topic, "subscribed": subscribed})


@csrf_exempt  # as unsubscribe above: RFC 8058 one-click; the signed token is the credential
@never_cache
@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request, token):
    """Stops the digest from the link in it, without logging in."""
    try:
        user = get_user_model().objects.get(pk=signing.loads(token, salt=DIGEST_UNSUBSCRIBE_SALT)["u"])
    except (signing.BadSignature, KeyError, TypeError):
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    except get_user_model().DoesNotExist:
        return render(request, "notifications/unsubscribe_invalid.html", status=404)

    subscribed = settings_of(user).digest_frequency != NotificationSettings.Frequency.NEVER
    if request.method == "POST" and subscribed:
        if request.POST.get("List-Unsubscribe") != "One-Click":
            rejection = _reject_csrf(request)
            if rejection is not None:
                return rejection
        NotificationSettings.objects.update_or_create(
            user=user, defaults={"digest_frequency": NotificationSettings.Frequency.NEVER}
        )
        subscribed = False
    return render(request, "notifications/digest_unsubscribe.html", {"subscribed": subscribed})


MENTION_SUGGESTIONS = 8


@login_required
@never_cache
@require_http_methods(["GET"])
def mention_suggestions(request):
    """``?forum=<id>&q=<start of a display name>``: up to MENTION_SUGGESTIONS members who may read
    the forum, for the composer's @-list (arena/static/js/mentions.js). Only for those who write
    in the forum, and only about a forum they may read."""
    if not is_forum_member(request.user):
        raise PermissionDenied
    forum_id = request.GET.get("forum", "")
    if not forum_id.isdigit():
        raise Http404
    forum = get_object_or_404(Forum, pk=int(forum_id))
    if not request.forum_permission_handler.can_read_forum(forum, request.user):
        raise PermissionDenied
    query = normalise_display_name(request.GET.get("q", ""))[:100]
    if not query:
        return JsonResponse({"members": []})
    users = (
        get_user_model()
        .objects.filter(
            is_active=True, member_profile__is_approved=True, member_profile__display_name__istartswith=query
        )
        .exclude(pk=request.user.pk)
        .select_related("member_profile")
        .prefetch_related("groups")
        .order_by("member_profile__display_name")[: MENTION_SUGGESTIONS * 3]
    )
    names = [user.member_profile.display_name for user in readers(forum, users)][:MENTION_SUGGESTIONS]
    return JsonResponse({"members": [{"name": name} for name in names]})
