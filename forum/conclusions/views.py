"""Concluding a topic, and removing its conclusion."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods
from machina.core.db.models import get_model

from forum.machina.links import topic_url
from forum.machina.visibility import topic_hidden_from

from .forms import ConclusionForm
from .services import can_change_conclusion, can_conclude, is_concluded, remove_conclusion, save_conclusion

Topic = get_model("forum_conversation", "Topic")


def _topic_for(request, topic_id, allowed):
    """The topic, if the user may read it (else 404) and do this to it (else 403, or a login)."""
    topic = get_object_or_404(Topic.objects.select_related("forum", "conclusion"), pk=topic_id)
    user, handler = request.user, request.forum_permission_handler
    if not user.is_authenticated:
        return None
    if not handler.can_read_forum(topic.forum, user) or topic_hidden_from(topic, user, handler):
        raise Http404
    if not allowed(user, topic, handler):
        raise PermissionDenied
    return topic


@require_http_methods(["GET", "POST"])
def conclude_topic(request, topic_id):
    """Draws the topic's conclusion, or edits it (moderators)."""
    topic = _topic_for(request, topic_id, can_conclude)
    if topic is None:
        return redirect_to_login(request.get_full_path())
    conclusion = topic.conclusion if is_concluded(topic) else None
    form = ConclusionForm(request.POST or None, instance=conclusion, topic=topic)
    if request.method == "POST" and form.is_valid():
        save_conclusion(form.instance, request.user, lock=form.cleaned_data["lock"])
        messages.success(request, "Slutsatsen är sparad." if conclusion else "Samtalet har fått sin slutsats.")
        return redirect(topic_url(topic))
    return render(
        request,
        "conclusions/conclude.html",
        {"topic": topic, "forum": topic.forum, "form": form, "editing": conclusion is not None},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def remove_topic_conclusion(request, topic_id):
    topic = _topic_for(request, topic_id, can_change_conclusion)
    if topic is None:
        return redirect_to_login(request.get_full_path())
    if not is_concluded(topic):
        raise Http404
    if request.method == "POST":
        remove_conclusion(topic.conclusion)
        messages.success(request, "Slutsatsen är borttagen.")
        return redirect(topic_url(topic))
    return render(request, "conclusions/remove.html", {"topic": topic, "forum": topic.forum})
