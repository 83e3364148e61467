"""Files attached to forum posts: allowed types only, a size limit, and kept out of public media.

Uploads go through machina's own reply form, as a member's browser sends them.
"""

import importlib
import io
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse
from machina.core.db.models import get_model
from wagtail.images.tests.utils import get_test_image_file

from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, PostFactory
from tests.forum.helpers import form_data, post_create_url, post_update_url
from tests.home.factories import CommunicatorFactory

Attachment = get_model("forum_attachments", "Attachment")
Post = get_model("forum_conversation", "Post")

REPLY_TEXT = "Här är protokollet från mötet."


def zipped(first_member, *members):
    """A zip file whose first member is stored, as OOXML and OpenDocument files are."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(first_member[0], first_member[1], compress_type=zipfile.ZIP_STORED)
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped(
    ("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("word/document.xml", "<w:document/>")
)
ODT = zipped(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"))
PNG = get_test_image_file().file.getvalue()


@pytest.fixture
def topic(public_forum, media_root):
    return PostFactory(topic__forum=public_forum, topic__subject="Protokoll").topic


@pytest.fixture
def member(client):
    member = ForumMemberFactory()
    client.force_login(member)
    return member


def reply_with(client, topic, upload):
    url = post_create_url(topic)
    data = form_data(client.get(url).content.decode(), "form.forum-form", content=REPLY_TEXT)
    return client.post(url, {**data, "attachment-0-file": upload, "attachment-0-comment": "Protokollet"})


def private_files(settings):
    return [path for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("protokoll.pdf", b"%PDF-1.4\n1 0 obj\n"),
        ("kallelse.docx", DOCX),
        ("budget.odt", ODT),
        ("karta.png", PNG),
        ("deltagare.csv", "namn;organisation\nÅsa;Huddingehem\n".encode("cp1252")),
        ("anteckningar.txt", "Tack för i dag!\n".encode()),
    ],
)
def test_a_member_attaches_an_allowed_file_and_members_download_it(client, settings, topic, member, name, content):
    form_page = client.get(post_create_url(topic)).content.decode()
    assert "Högst 10,0\xa0MB per fil. Tillåtna filtyper: pdf, docx" in form_page

    response = reply_with(client, topic, SimpleUploadedFile(name, content))

    assert response.status_code == 302
    attachment = Attachment.objects.get(post__content=REPLY_TEXT)
    assert attachment.filename == name
    download = client.get(reverse("forum_conversation:attachment", args=[attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content


def test_attachments_are_stored_outside_public_media_and_have_no_public_address(client, settings, topic, member):
    reply_with(client, topic, SimpleUploadedFile("protokoll.pdf", b"%PDF-1.4 protokoll"))

    attachment = Attachment.objects.get()
    stored = Path(attachment.file.path)
    assert stored.is_relative_to(settings.PRIVATE_MEDIA_ROOT) and stored.read_bytes() == b"%PDF-1.4 protokoll"
    assert not Path(settings.PRIVATE_MEDIA_ROOT).is_relative_to(settings.MEDIA_ROOT)
    assert not any(path.is_file() for path in Path(settings.MEDIA_ROOT).rglob("*"))
    with pytest.raises(ValueError, match="ingen webbadress"):
        attachment.file.url  # noqa: B018


def test_editing_a_post_keeps_its_attachment(client, topic, member):
    post = PostFactory(topic=topic, poster=member, subject="Re: Protokoll", content="Första versionen.")
    attachment = Attachment.objects.create(post=post, file=ContentFile(b"%PDF-1.4 protokoll", name="protokoll.pdf"))
    url = post_update_url(post)

    page = client.get(url).content.decode()
    download_url = reverse("forum_conversation:attachment", args=[attachment.pk])
    assert f'Nuvarande fil: <a href="{download_url}">protokoll.pdf</a>' in page
    response = client.post(url, form_data(page, "form.forum-form", content="Andra versionen."))

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.content.raw == "Andra versionen."
    assert list(post.attachments.all()) == [attachment]
    assert attachment.file.read() == b"%PDF-1.4 protokoll"


def test_the_site_refuses_to_start_with_private_files_inside_public_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media" / "privat"

    with pytest.raises(SystemCheckError, match="PRIVATE_MEDIA_ROOT och MEDIA_ROOT överlappar"):
        call_command("check")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("stor.pdf", b"%PDF-1.4" + b"0" * 2000, "”stor.pdf” är för stor (2,0\xa0kB). En bifogad fil får vara högst"),
        ("program.exe", b"MZ\x90\x00", "”program.exe” kan inte bifogas. Tillåtna filtyper är pdf, docx"),
        ("sida.html", b"<html><script>alert(1)</script>", "”sida.html” kan inte bifogas."),
        ("utan-andelse", b"text", "”utan-andelse” kan inte bifogas."),
        ("rapport.pdf", b"<html><body>Inte en pdf</body></html>", "Innehållet i ”rapport.pdf” är inte en pdf-fil."),
        ("bild.docx", PNG[:500], "Innehållet i ”bild.docx” är inte en docx-fil."),
        ("kallelse.pdf", DOCX, "Innehållet i ”kallelse.pdf” är inte en pdf-fil."),
        ("lista.txt", b"namn\x00\x01\x02binar", "Innehållet i ”lista.txt” är inte en txt-fil."),
    ],
)
def test_a_refused_file_is_explained_in_swedish_keeps_the_text_and_saves_nothing(
    client, settings, topic, member, name, content, message
):
    settings.FORUM_ATTACHMENT_MAX_SIZE = 1000
    posts_before = Post.objects.count()

    response = reply_with(client, topic, SimpleUploadedFile(name, content))

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Det finns fel i bilagorna som du skickade." in html
    assert f"{REPLY_TEXT}</textarea>" in html
    assert Post.objects.count() == posts_before
    assert not Attachment.objects.exists()
    assert private_files(settings) == []

    # The refused file is not kept for the next submit either: without a file (or its comment),
    # the reply goes through with no attachment.
    resubmit = form_data(html, "form.forum-form", **{"attachment-0-comment": ""})
    assert client.post(post_create_url(topic), resubmit).status_code == 302
    assert Post.objects.filter(content=REPLY_TEXT).exists()
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    ("person", "status"),
    [
        (None, 302),
        (lambda: MemberProfileFactory(is_approved=False).user, 403),
        (CommunicatorFactory, 403),
        (ForumMemberFactory, 200),
    ],
    ids=["anonymous", "registered", "communicator", "member"],
)
def test_attachments_in_a_members_only_forum_are_only_for_members(client, members_forum, media_root, person, status):
    post = PostFactory(topic__forum=members_forum)
    attachment = Attachment.objects.create(post=post, file=ContentFile(b"%PDF-1.4 internt", name="internt.pdf"))
    if person:
        client.force_login(person())

    response = client.get(reverse("forum_conversation:attachment", args=[attachment.pk]))

    assert response.status_code == status
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert (body == b"%PDF-1.4 internt") is (status == 200)


def test_the_migration_moves_files_uploaded_before_it_out_of_public_media(settings, topic, media_root):
    attachment = Attachment.objects.create(
        post=topic.first_post, file=ContentFile(b"%PDF-1.4 gammal", name="gammal.pdf")
    )
    name = attachment.file.name
    public = Path(settings.MEDIA_ROOT) / name
    public.parent.mkdir(parents=True)
    Path(attachment.file.path).rename(public)
    migration = importlib.import_module(
        "forum.machina.apps.forum_conversation.forum_attachments.migrations.0003_attachment_file_private_storage"
    )

    migration.to_private_storage(apps, None)

    assert not public.exists()
    assert Path(attachment.file.path).read_bytes() == b"%PDF-1.4 gammal"


def test_an_attachment_whose_file_is_gone_answers_not_found(client, settings, topic, member):
    reply_with(client, topic, SimpleUploadedFile("protokoll.pdf", b"%PDF-1.4 protokoll"))
    attachment = Attachment.objects.get()
    Path(attachment.file.path).unlink()

    response = client.get(reverse("forum_conversation:attachment", args=[attachment.pk]))

    assert response.status_code == 404
    assert "Sidan hittades inte" in response.content.decode()


def test_a_download_keeps_the_file_name_and_asks_the_browser_to_save_it(client, settings, topic, member):
    reply_with(client, topic, SimpleUploadedFile("mötesprotokoll maj.pdf", b"%PDF-1.4 protokoll"))
    attachment = Attachment.objects.get()

    response = client.get(reverse("forum_conversation:attachment", args=[attachment.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''m%C3%B6tesprotokoll" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4 protokoll"
