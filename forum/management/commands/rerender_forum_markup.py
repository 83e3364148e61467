"""Renders every stored post, signature, forum description and conclusion again with the current
markup rules.

machina keeps the rendered HTML next to the raw Markdown (``_content_rendered``,
``_signature_rendered``, ``_description_rendered``) and shows the stored HTML; so do conclusions
(``text_html``). Run this after
changing forum/machina/markup.py.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from machina.core.db.models import get_model

from forum.machina.markup import render_markdown
from forum.models import Conclusion

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")
ForumProfile = get_model("forum_member", "ForumProfile")


class Command(BaseCommand):
    help = (
        "Renderar om foruminlägg, signaturer, forumbeskrivningar och slutsatser med de nuvarande reglerna "
        "för säker markup."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            posts = rerender(Post, "content")
            signatures = rerender(ForumProfile, "signature")
            descriptions = rerender(Forum, "description")
            conclusions = rerender(Conclusion, "text", "text_html")
        self.stdout.write(
            self.style.SUCCESS(
                f"Renderade om {posts} inlägg, {signatures} signaturer, {descriptions} forumbeskrivningar "
                f"och {conclusions} slutsatser."
            )
        )


def rerender(model, field_name, rendered_name=None):
    """Updates the stored HTML of field_name (in rendered_name, machina's ``_<field>_rendered`` unless
    given) where it differs from a fresh rendering; returns how many."""
    rendered_name = rendered_name or f"_{field_name}_rendered"
    changed = []
    for obj in model.objects.only("pk", field_name, rendered_name).iterator():
        raw = obj.__dict__[field_name]
        html = render_markdown(raw) if raw is not None else None
        if html != getattr(obj, rendered_name):
            setattr(obj, rendered_name, html)
            changed.append(obj)
    # bulk_update writes the column directly, without save() and its signals (no e-mail, no trackers).
    model.objects.bulk_update(changed, [rendered_name], batch_size=500)
    return len(changed)
