"""Writing in the forum: quoting a post, bare addresses as links, a reply's subject, the composer
(folded sections, signature, Markdown help, preview, a draft kept when sending fails) and the edit
notice."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from machina.core.db.models import get_model

from forum.machina.links import topic_url
from forum.machina.markup import render_markdown
from tests.forum.factories import (
    ForumMemberFactory,
    ForumProfileFactory,
    MemberProfileFactory,
    PostFactory,
    TopicFactory,
)
from tests.forum.helpers import form_data, post_create_url, post_update_url, topic_create_url

Post = get_model("forum_conversation", "Post")


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def member(display_name="Nils N"):
    user = ForumMemberFactory()
    MemberProfileFactory(user=user, display_name=display_name)
    return user


@pytest.fixture
def topic(public_forum):
    author = member("Nils N")
    return PostFactory(topic__forum=public_forum, topic__poster=author, content="Vi borde ses *oftare*.").topic


def reply_form(client, topic, **params):
    response = client.get(post_create_url(topic), params)
    assert response.status_code == 200
    return soup(response)


# --- Quoting ---------------------------------------------------------------------------------------


def test_the_quote_link_on_a_post_opens_the_reply_with_the_text_attributed_to_its_author(client, topic):
    client.force_login(member("Åsa Å"))
    page = soup(client.get(topic_url(topic)))
    quote = next(link for link in page.select(".forum-post__actions a") if link.text.startswith("Citera"))

    form = soup(client.get(quote["href"]))

    text = form.find("textarea", attrs={"name": "content"}).text.lstrip("\n")
    post_id = topic.first_post_id
    assert text.startswith(f"> **[Nils N skrev:]({topic_url(topic)}?post={post_id}#{post_id})**")
    assert "> Vi borde ses *oftare*." in text


def test_a_sent_quote_shows_as_a_quote_naming_the_author_and_linking_to_the_post(client, topic):
    client.force_login(member("Åsa Å"))
    page = reply_form(client, topic, quote=topic.first_post_id)
    data = form_data(str(page), "form.forum-form")
    data["content"] += "Håller med!"

    response = client.post(post_create_url(topic), data)

    assert response.status_code == 302
    reply = Post.objects.exclude(pk=topic.first_post_id).get()
    quote = BeautifulSoup(reply.content.rendered, "html.parser").blockquote
    assert quote.a.text == "Nils N skrev:"
    assert quote.a["href"] == f"{topic_url(topic)}?post={topic.first_post_id}#{topic.first_post_id}"
    assert "oftare" in quote.em.text


def test_a_display_name_with_markdown_in_it_is_quoted_as_plain_text(client, public_forum):
    topic = PostFactory(topic__forum=public_forum, topic__poster=member("*Fet* [länk](x)")).topic
    client.force_login(member("Åsa Å"))
    text = reply_form(client, topic, quote=topic.first_post_id).find("textarea").text

    html = BeautifulSoup(render_markdown(text), "html.parser")

    assert html.blockquote.a.text == "*Fet* [länk](x) skrev:"


@pytest.mark.parametrize("case", ["hidden post", "other members-only topic", "not a number", "missing"])
def test_a_post_the_member_may_not_see_is_not_quoted(client, topic, members_forum, case):
    hidden = PostFactory(topic=topic, poster=member("Dold D"), content="Hemligt", approved=False)
    secret = PostFactory(topic__forum=members_forum, content="Hemligt")
    reader = ForumMemberFactory()
    client.force_login(reader)
    quote = {"hidden post": hidden.pk, "other members-only topic": secret.pk, "not a number": "x", "missing": 99999}

    form = reply_form(client, topic, quote=quote[case])

    assert "Hemligt" not in form.find("textarea").text


def test_a_post_of_another_topic_is_not_quoted_into_this_one(client, topic, public_forum):
    other = PostFactory(topic__forum=public_forum, content="Annat ämne")
    client.force_login(member("Åsa Å"))

    assert reply_form(client, topic, quote=other.pk).find("textarea").text.strip() == ""


def test_visitors_who_may_not_reply_get_no_quote_link(client, topic):
    page = soup(client.get(topic_url(topic)))

    assert page.select_one(".forum-post")
    assert not [link for link in page.find_all("a") if link.text.startswith("Citera")]


# --- Links -----------------------------------------------------------------------------------------


def test_a_bare_address_becomes_a_link_marked_as_user_content():
    html = BeautifulSoup(render_markdown("Läs mer på https://huddinge.se/naringsliv."), "html.parser")

    assert html.a["href"] == "https://huddinge.se/naringsliv"
    assert html.a["rel"] == ["nofollow", "ugc", "noopener"]
    assert html.p.text.endswith("naringsliv.")


@pytest.mark.parametrize(
    "text",
    ["`https://kod.se`", "[text](https://a.se)", "javascript:alert(1)", 'https://a.se/"onmouseover="alert(1)'],
)
def test_addresses_in_code_and_links_stay_as_they_are_and_nothing_else_gets_a_link(text):
    html = BeautifulSoup(render_markdown(text), "html.parser")

    assert all(link["href"].startswith("https://") for link in html.find_all("a"))
    assert not any(link.has_attr("onmouseover") for link in html.find_all("a"))
    assert len(html.find_all("a")) == (1 if "a.se" in text else 0)


# --- Subject, composer and edits -------------------------------------------------------------------


def test_a_reply_asks_for_no_subject_and_takes_the_topics(client, topic):
    client.force_login(member("Åsa Å"))
    page = reply_form(client, topic)
    assert page.find(attrs={"name": "subject"}) is None

    client.post(post_create_url(topic), form_data(str(page), "form.forum-form", content="Ett svar."))

    reply = Post.objects.exclude(pk=topic.first_post_id).get()
    assert reply.subject == f"Re: {topic.subject}"


def test_editing_a_reply_asks_for_no_subject_and_keeps_it(client, topic):
    author = member("Åsa Å")
    reply = PostFactory(topic=topic, poster=author, subject="Re: Gammalt", content="Först.")
    client.force_login(author)
    page = soup(client.get(post_update_url(reply)))
    assert page.find(attrs={"name": "subject"}) is None

    client.post(post_update_url(reply), form_data(str(page), "form.forum-form", content="Sedan."))

    reply.refresh_from_db()
    assert (reply.subject, reply.content.raw) == ("Re: Gammalt", "Sedan.")


@pytest.mark.parametrize(("times", "words"), [(1, "Redigerat 1 gång,"), (3, "Redigerat 3 gånger,")])
def test_an_edited_post_says_how_many_times_in_swedish(client, topic, times, words):
    Post.objects.filter(pk=topic.first_post_id).update(updates_count=times)

    text = soup(client.get(topic_url(topic))).find(class_="forum-post__edited").get_text(" ", strip=True)

    assert text.startswith(words)


def test_the_composer_folds_poll_attachments_and_signature_and_explains_markdown(client, public_forum):
    client.force_login(member("Åsa Å"))
    page = soup(client.get(topic_create_url(public_forum)))

    folded = [details.summary.text for details in page.select("form details") if not details.has_attr("open")]
    assert folded == [
        "Så formaterar du texten",
        "Signatur och inställningar",
        "Lägg till en omröstning",
        "Bifoga filer",
    ]
    assert "**fetstil**" in page.select_one(".forum-form__help").text


@pytest.mark.parametrize(("signature", "ticked"), [("", False), ("Näringslivsutvecklare", True)])
def test_the_signature_box_is_ticked_only_for_members_with_a_signature(client, topic, signature, ticked):
    user = member("Åsa Å")
    ForumProfileFactory(user=user, signature=signature)
    client.force_login(user)

    box = reply_form(client, topic).find("input", attrs={"name": "enable_signature"})

    assert box.has_attr("checked") == ticked


def test_the_preview_shows_the_rendered_text_and_keeps_it_in_the_form(client, topic):
    client.force_login(member("Åsa Å"))
    data = form_data(str(reply_form(client, topic)), "form.forum-form", content="Se **detta**", preview="1")

    page = soup(client.post(post_create_url(topic), data))

    assert page.select_one(".forum-post--preview strong").text == "detta"
    assert page.find("textarea").text.strip() == "Se **detta**"
    assert Post.objects.count() == 1


def test_a_reply_that_fails_keeps_what_was_typed(client, topic):
    client.force_login(member("Åsa Å"))
    text = "Ett långt svar. " * 1300
    data = form_data(str(reply_form(client, topic)), "form.forum-form", content=text)

    page = soup(client.post(post_create_url(topic), data))

    assert "Inlägget är för långt" in page.select_one(".form-errors").text
    assert page.find("textarea").text.lstrip("\n") == text
    assert Post.objects.count() == 1


def test_a_topic_with_a_refused_attachment_keeps_the_text_and_opens_the_attachments(client, public_forum, media_root):
    client.force_login(member("Åsa Å"))
    page = client.get(topic_create_url(public_forum)).content.decode()
    data = form_data(page, "form.forum-form", subject="Nytt ämne", content="Min text om cyklar.")
    data["attachment-0-file"] = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", content_type="application/x-msdownload")

    response = soup(client.post(topic_create_url(public_forum), data))

    assert response.find("input", attrs={"name": "subject"})["value"] == "Nytt ämne"
    assert response.find("textarea", attrs={"name": "content"}).text.strip() == "Min text om cyklar."
    attachments = response.find("summary", string="Bifoga filer").parent
    assert attachments.has_attr("open")
    assert attachments.select_one(".form-field__error")
    assert TopicFactory._meta.model.objects.count() == 0


def test_quoting_a_reply_that_quotes_keeps_only_its_own_words(client, topic):
    quoting_reply = PostFactory(topic=topic, poster=member("Åsa Å"), content="> Gammalt citat\n\nMitt svar.")
    client.force_login(member("Kim K"))

    text = reply_form(client, topic, quote=quoting_reply.pk).find("textarea").text

    assert "Gammalt citat" not in text
    assert "> Mitt svar." in text
