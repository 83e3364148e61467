"""Toggling a reaction: a plain form POST that returns to the post. arena/static/js/reactions.js
sends the same form with fetch and swaps in the reactions of the post this answers with, so the
page does not reload."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from machina.core.db.models import get_model

from forum.machina.links import post_url
from forum.models import Reaction

from .services import can_react, reactions_for, toggle_reaction

Post = get_model("forum_conversation", "Post")

FETCH_HEADER = "X-Arena-Fetch"


@require_POST
def react(request, post_id):
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=post_id)
    user, handler = request.user, request.forum_permission_handler
    if not user.is_authenticated:
        return redirect_to_login(post_url(post))
    kind = request.POST.get("kind")
    if kind not in Reaction.Kind.values:
        raise Http404("Det finns ingen sådan reaktion.")
    if not can_react(user, post, handler):
        raise PermissionDenied
    toggle_reaction(user, post, kind)
    if request.headers.get(FETCH_HEADER):
        post.reaction_counts = reactions_for([post], user)[post.pk]
        return render(request, "reactions/reactions.html", {"post": post, "user_can_react": True})
    return redirect(post_url(post))
