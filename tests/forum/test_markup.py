"""Forum posts and signatures are Markdown rendered to HTML that can never run code."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup, Comment
from django.core.management import call_command
from machina.core.db.models import get_model

from forum.machina.links import topic_url
from forum.machina.markup import render_markdown
from forum.models import Conclusion
from tests.forum.factories import ConclusionFactory, ForumMemberFactory, PostFactory, TopicFactory
from tests.forum.helpers import form_data, topic_create_url

Post = get_model("forum_conversation", "Post")
ForumProfile = get_model("forum_member", "ForumProfile")

BYPASSES = {
    "script tag": "<script>alert(1)</script>",
    "script split over lines": "<scr\nipt>alert(1)</script>",
    "img onerror": '<img src=x onerror="alert(1)">',
    "svg onload": "<svg onload=alert(1)>",
    "javascript link": "[x](javascript:alert(1))",
    "mixed-case javascript link": "[x](JaVaScRiPt:alert(1))",
    "entity-encoded javascript link": "[x](&#106;avascript:alert(1))",
    "javascript link with tab": "[x](java\tscript:alert(1))",
    "reference-style javascript link": "[x][1]\n\n[1]: javascript:alert(1)",
    "autolink javascript": "<javascript:alert(1)>",
    "data URL link": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "vbscript link": "[x](vbscript:msgbox(1))",
    "raw anchor with javascript": '<a href="javascript:alert(1)">x</a>',
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "style tag": "<style>body{background:url(javascript:alert(1))}</style>",
    "form": '<form action="https://evil.example"><input name="p"><button>OK</button></form>',
    "attribute injection through link title": '[x](http://a "onmouseover=alert(1)")',
    "quote breaking link title": '[x](http://a "\\" onmouseover=\\"alert(1)")',
    "markdown image with javascript src": "![x](javascript:alert(1))",
    "markdown image with data src": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "nested broken tags": "<<script>script>alert(1)<</script>/script>",
    "unclosed tag with handler": '<a href="http://a" onclick="alert(1)"',
    "html comment": "<!--><script>alert(1)</script>-->",
    "conditional comment": "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "math mutation": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "svg mutation": "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
    "noscript mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "object": '<object data="javascript:alert(1)"></object>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "link in code span stays text": "`<script>alert(1)</script>`",
}

DANGEROUS_TAGS = {
    "script",
    "iframe",
    "style",
    "object",
    "embed",
    "form",
    "input",
    "button",
    "svg",
    "math",
    "img",
    "meta",
    "link",
    "base",
    "noscript",
    "template",
}


def executable_vectors(html):
    """Everything in html that a browser could run or that could load something unasked."""
    soup = BeautifulSoup(html, "html.parser")
    found = [f"<{tag.name}>" for tag in soup.find_all(DANGEROUS_TAGS)]
    found += [f"comment {comment!r}" for comment in soup.find_all(string=lambda text: isinstance(text, Comment))]
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            if attribute.lower().startswith("on") or attribute.lower() in {"style", "src", "srcdoc", "formaction"}:
                found.append(f"{tag.name}[{attribute}]")
            if attribute.lower() == "href":
                scheme = "".join(str(value).split()).lower().split(":", 1)
                if len(scheme) == 2 and scheme[0] not in {"http", "https", "mailto"}:
                    found.append(f"{tag.name}[href={value}]")
    return found


@pytest.mark.parametrize("source", BYPASSES.values(), ids=BYPASSES.keys())
def test_known_bypasses_render_inert(source):
    html = render_markdown(source)

    assert executable_vectors(html) == [], html


def test_the_vector_check_itself_finds_dangerous_html():
    assert executable_vectors('<p onclick="x"><a href="JavaScript:x">a</a><script></script></p>') == [
        "<script>",
        "p[onclick]",
        "a[href=JavaScript:x]",
    ]


@pytest.mark.parametrize("source", BYPASSES.values(), ids=BYPASSES.keys())
def test_posts_and_signatures_are_stored_inert(db, source):
    post = PostFactory(content=source)
    profile, _ = ForumProfile.objects.get_or_create(user=post.poster)
    profile.signature = source
    profile.save()

    post.refresh_from_db()
    profile.refresh_from_db()
    assert executable_vectors(post.content.rendered) == []
    assert executable_vectors(profile.signature.rendered) == []


def test_ordinary_markdown_keeps_its_formatting():
    html = render_markdown(
        '### Rubrik\n\n**Fet** och *kursiv* text med [en länk](https://www.huddinge.se "Huddinge kommun").\n\n'
        "> Ett citat\n\n- ett\n- två\n\n| Kolumn | Värde |\n|---|---|\n| a | 1 |"
    )

    soup = BeautifulSoup(html, "html.parser")
    assert soup.h3.text == "Rubrik"
    assert soup.strong.text == "Fet" and soup.em.text == "kursiv"
    link = soup.a
    assert link["href"] == "https://www.huddinge.se"
    assert link["title"] == "Huddinge kommun"
    assert link["rel"] == ["nofollow", "ugc", "noopener"]
    assert soup.blockquote is not None and len(soup.find_all("li")) == 2
    assert soup.table.td.text == "a"


def test_links_keep_only_href_and_title(db):
    html = render_markdown('[x](mailto:info@arenahuddinge.se "Skriv till oss")')

    assert BeautifulSoup(html, "html.parser").a.attrs == {
        "href": "mailto:info@arenahuddinge.se",
        "title": "Skriv till oss",
        "rel": ["nofollow", "ugc", "noopener"],
    }


def test_a_post_created_through_the_site_renders_inert(client, public_forum):
    client.force_login(ForumMemberFactory())
    url = topic_create_url(public_forum)
    attack = '<script>alert("x")</script> [klicka](javascript:alert(1)) <img src=x onerror=alert(1)> **hej**'
    page = client.get(url)

    client.post(url, form_data(page.content.decode(), "form.forum-form", subject="Farligt?", content=attack))

    post = Post.objects.get(subject="Farligt?")
    html = client.get(topic_url(post.topic)).content.decode()
    post_html = str(BeautifulSoup(html, "html.parser").select_one(".forum-post__content"))
    assert executable_vectors(post_html) == []
    assert "<strong>hej</strong>" in post_html
    assert "&lt;script&gt;" in post_html  # shown as text, not run


def test_rerender_command_updates_posts_and_signatures_stored_under_older_rules(db):
    post = PostFactory(content="**hej**")
    profile, _ = ForumProfile.objects.get_or_create(user=post.poster)
    profile.signature = "*Maja*"
    profile.save()
    Post.objects.filter(pk=post.pk).update(_content_rendered='<p onclick="x"><script></script>hej</p>')
    ForumProfile.objects.filter(pk=profile.pk).update(_signature_rendered="<script></script>")
    output = StringIO()

    call_command("rerender_forum_markup", stdout=output)

    post.refresh_from_db()
    profile.refresh_from_db()
    assert post._content_rendered == "<p><strong>hej</strong></p>"
    assert profile._signature_rendered == "<p><em>Maja</em></p>"
    assert "Renderade om 1 inlägg, 1 signaturer, 0 forumbeskrivningar och 0 slutsatser." in output.getvalue()


def test_rerender_command_updates_conclusions_too(db):
    conclusion = ConclusionFactory(text="**Klart**")
    Conclusion.objects.filter(pk=conclusion.pk).update(text_html='<p onclick="x">Klart</p>')

    call_command("rerender_forum_markup", stdout=StringIO())

    conclusion.refresh_from_db()
    assert conclusion.text_html == "<p><strong>Klart</strong></p>"


def test_topic_page_shows_the_sanitised_post(client, public_forum):
    topic = TopicFactory(forum=public_forum, subject="Mötesplatser")
    PostFactory(topic=topic, content="Läs [mer](javascript:alert(1)) på **sajten**")

    html = client.get(topic_url(topic)).content.decode()

    assert "javascript:" not in html.lower().split("<main", 1)[1].split("</main>", 1)[0]
    assert "<strong>sajten</strong>" in html
