"""ASCII slugs in forum URLs: machina's ``save()`` slugifies names and subjects keeping å, ä and
ö ("/forum/forum/företagsklimat-1/"); this gives them their base letters instead
("/forum/forum/foretagsklimat-1/").

machina sets ``slug`` in ``save()`` just before Django saves the row, so the slug is replaced on
``pre_save``, which Django sends after that. The pk in every forum URL finds the forum or topic,
so links with an older slug still lead there.
"""

from django.db.models.signals import pre_save
from machina.core.db.models import get_model

from arena.slugs import ascii_slugify

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")


def forum_slug(name):
    return ascii_slugify(name)


def topic_slug(subject):
    return ascii_slugify(subject) or "topic"


def reslug(forum_model, topic_model):
    """Gives forums and topics saved with other slugs the ones ``save()`` gives now (the data
    migration passes its historical models)."""
    for model, field, make_slug in ((forum_model, "name", forum_slug), (topic_model, "subject", topic_slug)):
        for pk, text, slug in model.objects.values_list("pk", field, "slug").iterator():
            if slug != make_slug(text):
                model.objects.filter(pk=pk).update(slug=make_slug(text))


def _slug_forum(sender, instance, **kwargs):
    instance.slug = forum_slug(instance.name)


def _slug_topic(sender, instance, **kwargs):
    instance.slug = topic_slug(instance.subject)


def connect_signals():
    pre_save.connect(_slug_forum, sender=Forum, dispatch_uid="arena_forum_ascii_slug")
    pre_save.connect(_slug_topic, sender=Topic, dispatch_uid="arena_topic_ascii_slug")
