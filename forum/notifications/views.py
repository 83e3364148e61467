"""One-click unsubscribe from a topic, from the link in a notification e-mail (RFC 8058)."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from machina.core.db.models import get_model

from .links import UNSUBSCRIBE_SALT

Topic = get_model("forum_conversation", "Topic")


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
