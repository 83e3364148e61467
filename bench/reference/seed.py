"""Seeds the plain-machina reference and prints what the bench needs to load its pages.

Run as ``python -m bench.reference.seed FORUMS`` with DJANGO_SETTINGS_MODULE=bench.reference.settings
and the site's bench DATABASE_URL (bench/server.py does). It creates the reference database
(``…_reference``) when missing, migrates it, seeds it once — FORUMS forums in one category, each
with TOPICS_PER_FORUM topics of POSTS_PER_TOPIC posts, the first forum's first topic with
LONG_TOPIC_POSTS posts — and prints one JSON line: the paths of the forum index, the first forum
and the long topic, and a fresh session cookie of a member.
"""

import json
import sys

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from machina.apps.forum_permission.models import ForumPermission, UserForumPermission  # noqa: E402
from machina.conf import settings as machina_settings  # noqa: E402
from machina.core.db.models import get_model  # noqa: E402

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")
ForumProfile = get_model("forum_member", "ForumProfile")

TOPICS_PER_FORUM = 100
POSTS_PER_TOPIC = 20
LONG_TOPIC_POSTS = 500
MEMBERS = 100
BATCH = 2_000
CONTENT = "Vi behöver mer **samverkan** mellan kommunen och företagen i Huddinge.\n\nJag håller med."


def create_database():
    """The PostgreSQL database, created beside the site's bench database when it is missing."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    import psycopg
    from psycopg import sql

    server = {"host": database["HOST"], "port": database["PORT"] or 5432, "user": database["USER"]}
    if database["PASSWORD"]:
        server["password"] = database["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]).fetchone()
        if not found:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database["NAME"])))


@transaction.atomic
def seed(forum_count):
    rendered = render_content(CONTENT)
    User = get_user_model()
    members = User.objects.bulk_create(
        [User(username=f"medlem{number}", email=f"medlem{number}@example.org") for number in range(MEMBERS)]
    )
    for codename in ("can_see_forum", "can_read_forum"):
        UserForumPermission.objects.create(
            anonymous_user=True, permission=ForumPermission.objects.get(codename=codename), has_perm=True
        )
    category = Forum.objects.create(name="Kategori", type=Forum.FORUM_CAT)
    forums = [
        Forum.objects.create(name=f"Forum {number}", parent=category, type=Forum.FORUM_POST)
        for number in range(forum_count)
    ]
    topics = Topic.objects.bulk_create(
        [
            Topic(
                forum=forum,
                poster=members[index % MEMBERS],
                subject=f"Samtal {index}",
                slug=f"samtal-{index}",
                type=Topic.TOPIC_POST,
                status=Topic.TOPIC_UNLOCKED,
            )
            for forum in forums
            for index in range(TOPICS_PER_FORUM)
        ],
        batch_size=BATCH,
    )
    posts = [
        Post(
            topic=topic,
            poster=members[(number * 7) % MEMBERS],
            subject=topic.subject,
            content=CONTENT,
            _content_rendered=rendered,
        )
        for index, topic in enumerate(topics)
        for number in range(LONG_TOPIC_POSTS if index == 0 else POSTS_PER_TOPIC)
    ]
    Post.objects.bulk_create(posts, batch_size=BATCH)
    ForumProfile.objects.bulk_create([ForumProfile(user=user, posts_count=len(posts) // MEMBERS) for user in members])
    for topic in topics:
        topic_posts = list(topic.posts.order_by("created", "pk").only("pk", "created"))
        topic.posts_count = len(topic_posts)
        topic.first_post, topic.last_post = topic_posts[0], topic_posts[-1]
        topic.last_post_on = topic_posts[-1].created
    Topic.objects.bulk_update(topics, ["posts_count", "first_post", "last_post", "last_post_on"], batch_size=BATCH)
    for forum in Forum.objects.order_by("-level"):
        forum.update_trackers()


def render_content(content):
    """The post as machina's own markup setting renders it on save."""
    renderer, options = machina_settings.MARKUP_LANGUAGE
    module, name = renderer.rsplit(".", 1)
    return getattr(__import__(module, fromlist=[name]), name)(content, **options)


def main():
    forum_count = int(sys.argv[1])
    create_database()
    call_command("migrate", interactive=False, verbosity=0)
    if not Topic.objects.exists():
        seed(forum_count)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    forum = Forum.objects.filter(type=Forum.FORUM_POST).order_by("pk").first()
    topic = forum.topics.order_by("-posts_count").first()
    client = Client()
    client.force_login(get_user_model().objects.order_by("pk").first())
    paths = {
        "index": reverse("forum:index"),
        "forum": reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk}),
        "topic": reverse(
            "forum_conversation:topic",
            kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk, "slug": topic.slug, "pk": topic.pk},
        ),
        "cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
    }
    sys.stdout.write(json.dumps(paths) + "\n")


if __name__ == "__main__":
    main()
