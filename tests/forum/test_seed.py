"""The forum demo content: public and members-only forums with Swedish conversations."""

from io import StringIO

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from machina.core.db.models import get_model

from forum.machina.links import topic_url
from forum.models import MemberProfile
from tests.forum.factories import ForumMemberFactory, UserFactory
from tests.forum.helpers import forum_url

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")


def seed():
    output = StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


def test_seed_creates_forums_and_conversations_that_visitors_can_read(client, db, mailoutbox):
    output = seed()

    assert "forumet Medlemsrummet" in output
    assert "forumämnet ”Lokaler i bottenvåningarna i de nya kvarteren” med 4 inlägg" in output
    index = client.get("/forum/").content.decode()
    for name in ["Dialog mellan kommun och näringsliv", "Kompetensförsörjning", "Mellanrummet – fria idéer"]:
        assert name in index
    assert "Medlemsrummet" not in index
    topic = Topic.objects.get(subject="Lokaler i bottenvåningarna i de nya kvarteren")
    assert topic.posts_count == 4
    assert mailoutbox == []  # demo posts notify nobody


def test_members_see_the_members_only_forum_of_the_seed(client, db):
    seed()
    client.force_login(ForumMemberFactory())

    assert "Medlemsrummet" in client.get("/forum/").content.decode()

    client.force_login(UserFactory())
    assert "Medlemsrummet" not in client.get("/forum/").content.decode()


def test_demo_members_cannot_log_in_and_are_in_medlemmar(db):
    seed()

    person = get_user_model().objects.get(username="karin.lindqvist@example.org")
    assert not person.has_usable_password()
    assert person.groups.filter(name="Medlemmar").exists()
    assert person.get_full_name() == "Karin Lindqvist"


def test_forum_seed_runs_twice_without_duplicates(db):
    seed()
    counts = (Forum.objects.count(), Topic.objects.count())

    assert "Demoinnehållet finns redan; inget ändrades." in seed()
    assert (Forum.objects.count(), Topic.objects.count()) == counts


def test_demo_authors_post_for_organisations_of_both_sectors(client, db):
    seed()
    topic = Topic.objects.get(subject="Lokaler i bottenvåningarna i de nya kvarteren")

    soup = BeautifulSoup(client.get(topic_url(topic)).content, "html.parser")

    organisations = [p.get_text(" ", strip=True) for p in soup.select("main .forum-post__organisation")]
    assert organisations[:2] == [
        "Huddinge kommun Sektor: Kommun",
        "Trångsunds Trädgård & Café AB Sektor: Näringsliv",
    ]
    assert soup.select_one("main .forum-voices").get_text(" ", strip=True) == (
        "Röster: 1 från kommunen, 2 från näringslivet"
    )


def test_demo_topic_lists_mark_conversations_of_both_sectors_but_not_the_others(client, db):
    seed()

    def marked(forum_name):
        soup = BeautifulSoup(client.get(forum_url(Forum.objects.get(name=forum_name))).content, "html.parser")
        rows = soup.select("main tbody tr")
        return {
            row.select_one(".forum-table__link").get_text(strip=True): bool(row.select(".badge--both-sectors"))
            for row in rows
        }

    assert marked("Kompetensförsörjning") == {
        "Sommarjobb för unga – hur samarbetar vi bättre?": True,
        "Frukostmöte: Var hittar vi morgondagens medarbetare?": True,  # the event's conversation
    }
    assert marked("Mellanrummet – fria idéer") == {
        "Ett öppet frukostmöte i en ny stadsdel varje månad?": False  # two businesses talking
    }


def test_seed_gives_demo_authors_of_an_earlier_seed_their_member_profiles(db):
    seed()
    MemberProfile.objects.filter(user__username__endswith="@example.org").delete()

    output = seed()

    assert "medlemsprofilen för Karin Lindqvist (Huddinge kommun)" in output
    profile = MemberProfile.objects.get(user__username="karin.lindqvist@example.org")
    assert (profile.display_name, profile.is_approved) == ("Karin Lindqvist", True)
    assert "Demoinnehållet finns redan; inget ändrades." in seed()
