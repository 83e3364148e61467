"""The forum rules (BBS-lagen §3, DSA art. 16): who runs the forum, who reads what, what is not
allowed, how moderation and reporting work; linked from every forum page and the registration form."""

from django.urls import reverse

from forum.machina.links import topic_url
from tests.forum.factories import PostFactory
from tests.forum.helpers import forum_url

RULES_URL = "/forum-regler/"


def test_the_rules_say_who_runs_the_forum_who_reads_and_how_to_report(client, home_page):
    html = client.get(RULES_URL).content.decode()

    for text in (
        "drivs av den ideella föreningen Arena Huddinge",
        "kan läsas av alla",
        "kan bara läsas av inloggade medlemmar",
        "Det här är inte tillåtet",
        "Så fungerar modereringen",
        "Alla kan anmäla ett inlägg, även den som inte har ett konto",
    ):
        assert text in html


def test_every_forum_page_and_the_registration_form_link_to_the_rules(client, public_forum):
    topic = PostFactory(topic__forum=public_forum).topic

    for url in ("/forum/", forum_url(public_forum), topic_url(topic), reverse("accounts:register")):
        assert f'href="{RULES_URL}"' in client.get(url).content.decode(), url
