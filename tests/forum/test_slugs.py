"""Forum and topic addresses in ASCII: "Företagsklimat" → /forum/forum/foretagsklimat-<id>/."""

from machina.core.db.models import get_model

from forum.machina.links import topic_url
from forum.machina.slugs import reslug
from tests.forum.factories import PostFactory, TopicFactory
from tests.forum.helpers import forum_url

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")


def test_a_forum_with_swedish_letters_has_an_ascii_address(client, public_forum):
    assert public_forum.name == "Företagsklimat"
    assert forum_url(public_forum) == f"/forum/forum/foretagsklimat-{public_forum.pk}/"
    assert client.get(forum_url(public_forum)).status_code == 200


def test_a_topic_with_swedish_letters_has_an_ascii_address_that_follows_its_subject(client, public_forum):
    topic = TopicFactory(forum=public_forum, subject="Ökad trafik på Åvägen – vad gör vi?")
    PostFactory(topic=topic)

    assert topic_url(topic).endswith(f"/topic/okad-trafik-pa-avagen-vad-gor-vi-{topic.pk}/")
    assert client.get(topic_url(topic)).status_code == 200

    topic.subject = "Färre bilar vid Älvsjö"
    topic.save()

    assert Topic.objects.get(pk=topic.pk).slug == "farre-bilar-vid-alvsjo"


def test_forums_and_topics_saved_before_get_ascii_slugs_from_the_data_migration(public_forum):
    topic = TopicFactory(forum=public_forum, subject="Lokaler i bottenvåningarna")
    Forum.objects.filter(pk=public_forum.pk).update(slug="företagsklimat")
    Topic.objects.filter(pk=topic.pk).update(slug="lokaler-i-bottenvåningarna")

    reslug(Forum, Topic)

    assert Forum.objects.get(pk=public_forum.pk).slug == "foretagsklimat"
    assert Topic.objects.get(pk=topic.pk).slug == "lokaler-i-bottenvaningarna"
