"""The benchmark's large data set, written in bulk.

Full size: 1,000 pages, 5,000 news items, 500 organisations, 10,000 topics and 200,000 posts, on
top of seed_demo's content. BENCH_SCALE (a fraction) shrinks every count for a quick try.

Rows go in with bulk_create where Django allows it. Wagtail pages are multi-table models, which
bulk_create refuses: their wagtailcore_page rows are bulk-created with tree paths from treebeard's
own helper, and each specific row is then saved the way loaddata saves a fixture
(``save_base(raw=True)``). Nothing that runs on a normal save runs here, so the seeder does it
afterwards in bulk: the search index, machina's denormalised counters (posts per topic, first and
last post, the forums' trackers, posts per member) and the rendered Markdown of the posts.
"""

import datetime
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from machina.core.db.models import get_model
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from forum.machina.markup import render_markdown
from forum.membership.display_names import display_name_skeleton
from forum.membership.validators import luhn_check_digit
from forum.models import MemberProfile, Organisation, Sector
from forum.permissions import members_group
from home.demo import forum as demo_forum
from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")
ForumProfile = get_model("forum_member", "ForumProfile")

FULL_SIZE = {"pages": 1_000, "news": 5_000, "organisations": 500, "topics": 10_000, "posts": 200_000}
POSTS_PER_MEMBER = 200
# One conversation is far longer than the rest, so that machina pages through it.
LONG_TOPIC_SHARE = 0.01
LONG_TOPIC_SUBJECT = "Den långa tråden om samverkan i Huddinge"
SECTION_SLUG = "arkiv"
SLUG_PREFIX = "bench-"
BATCH = 2_000

# A word that occurs in many posts and pages: the search the benchmark runs.
SEARCH_WORD = "samverkan"
SENTENCES = [
    "Vi behöver mer samverkan mellan kommunen och företagen i Huddinge.",
    "Bostadsbyggandet i Flemingsberg går snabbare än många trodde.",
    "Kan vi ordna ett frukostmöte om kompetensförsörjning i vår?",
    "Tack för ett bra dialogmöte, det gav **många nya idéer**.",
    "Lokalerna i bottenvåningarna behöver ventilation och lastzon.",
    "Företagsklimatet blir bättre när ärenden hanteras snabbt.",
    "Sommarjobb för unga är en fråga där samverkan gör skillnad.",
    "Laddinfrastruktur i företagsområdena kräver att flera går ihop.",
    "Jag håller med, och vill lägga till en tanke om kollektivtrafiken.",
    "Upphandlingen borde delas upp så att små företag kan lämna anbud.",
    "I mellanrummen mellan kvarteren kan nya mötesplatser växa.",
    "Vi kan gärna vara värd för nästa träff i Segeltorp.",
    "Hur följer vi upp det vi kom överens om förra gången?",
    "Praktikplatser är ett sätt att hitta framtidens medarbetare.",
    "Kommunens företagslots hjälper till med tillstånd och bygglov.",
    "En gemensam kalender över träffarna skulle underlätta.",
]


def scaled_counts(scale=None):
    """The data set's sizes, each at least one, shrunk by BENCH_SCALE or the given fraction."""
    if scale is None:
        scale = float(os.environ.get("BENCH_SCALE", "1"))
    return {name: max(1, round(count * scale)) for name, count in FULL_SIZE.items()}


def has_data_set(counts):
    """Whether an earlier run already seeded a data set of at least these sizes."""
    return (
        StandardPage.objects.filter(slug__startswith=SLUG_PREFIX).count() >= counts["pages"]
        and NewsPage.objects.filter(slug__startswith=SLUG_PREFIX).count() >= counts["news"]
        and Organisation.objects.filter(name__startswith="Bench").count() >= counts["organisations"]
        and Topic.objects.count() >= counts["topics"]
        and Post.objects.count() >= counts["posts"]
    )


def has_part_of_data_set():
    return Organisation.objects.filter(name__startswith="Bench").exists()


@transaction.atomic
def seed_data_set(counts):
    """Writes the data set below seed_demo's home page and forums (seed_demo must have run)."""
    home = HomePage.objects.get()
    section = home.get_children().filter(slug=SECTION_SLUG).first()
    if section is None:
        section = home.add_child(
            instance=StandardPage(title="Arkiv", slug=SECTION_SLUG, summary="Sidor för prestandamätningen.", live=True)
        )
    pages = [
        StandardPage(
            title=f"Arkivsida {number}",
            slug=f"{SLUG_PREFIX}sida-{number}",
            introduction=sentence(number),
            summary=sentence(number + 1),
            body=paragraphs(number),
        )
        for number in range(1, counts["pages"] + 1)
    ]
    add_children(section, pages)

    news_index = NewsIndexPage.objects.get()
    today = datetime.date.today()
    news = [
        NewsPage(
            title=f"Nyhet nummer {number} från Arena Huddinge",
            slug=f"{SLUG_PREFIX}nyhet-{number}",
            date=today - datetime.timedelta(days=number),
            author="Arena Huddinge",
            summary=sentence(number),
            body=paragraphs(number),
        )
        for number in range(1, counts["news"] + 1)
    ]
    add_children(news_index, news)
    tag_news(news)

    organisations = seed_organisations(counts["organisations"])
    members = seed_members(organisations, max(1, counts["posts"] // POSTS_PER_MEMBER))
    seed_forum(members, counts["topics"], counts["posts"])


def sentence(number):
    return SENTENCES[number % len(SENTENCES)].replace("**", "")


def paragraphs(number):
    return [("paragraph", f"<p>{sentence(number)} {sentence(number * 7 + 3)} {sentence(number * 11 + 5)}</p>")]


def add_children(parent, pages):
    """Appends unsaved pages of one type as live children of parent, in bulk."""
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    last_child = parent.get_last_child()
    first_step = last_child._get_lastpos_in_path() + 1 if last_child else 1
    now = timezone.now()
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.live = True
        page.first_published_at = page.last_published_at = now
    page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in page_fields}) for page in pages], batch_size=BATCH
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.id
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    get_search_backend().add_bulk(model, model.objects.filter(pk__in=[page.pk for page in pages]))


def tag_news(news):
    """Gives each news item one of seed_demo's tags, so that the tag filter has work to do."""
    tags = list(Tag.objects.order_by("pk"))
    if not tags:
        return
    through = NewsPage.tags.through
    through.objects.bulk_create(
        [through(content_object_id=page.pk, tag=tags[index % len(tags)]) for index, page in enumerate(news)],
        batch_size=BATCH,
    )


def seed_organisations(count):
    taken = set(Organisation.objects.values_list("organisation_number", flat=True))
    organisations = []
    serial = 0
    while len(organisations) < count:
        serial += 1
        digits = f"559{serial:06d}"
        number = f"{digits[:6]}-{digits[6:]}{luhn_check_digit(digits)}"
        if number in taken:
            continue
        organisations.append(
            Organisation(
                name=f"Benchföretag {serial:04d} AB",
                organisation_number=number,
                sector=Sector.KOMMUN if serial % 10 == 0 else Sector.NARINGSLIV,
                description=sentence(serial),
                listed_in_directory=True,
            )
        )
    return Organisation.objects.bulk_create(organisations, batch_size=BATCH)


def seed_members(organisations, count):
    """Approved members in the members' group, each with a member profile (machina's forum profile
    comes with the posts)."""
    User = get_user_model()
    unusable = make_password(None)
    users = User.objects.bulk_create(
        [
            User(username=f"bench{number}@example.org", email=f"bench{number}@example.org", password=unusable)
            for number in range(1, count + 1)
        ],
        batch_size=BATCH,
    )
    MemberProfile.objects.bulk_create(
        [
            MemberProfile(
                user=user,
                organisation=organisations[index % len(organisations)],
                display_name=f"Benchmedlem {index + 1}",
                # bulk_create skips save(), which keeps the skeleton otherwise.
                display_name_skeleton=display_name_skeleton(f"Benchmedlem {index + 1}"),
                is_approved=True,
            )
            for index, user in enumerate(users)
        ],
        batch_size=BATCH,
    )
    group = members_group()
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=user.pk, group_id=group.pk) for user in users], batch_size=BATCH
    )
    return users


def seed_forum(members, topic_count, post_count):
    """Topics and posts spread over seed_demo's public forums, with machina's counters filled in."""
    public = [data["name"] for data in demo_forum.FORUMS if not data.get("members_only")]
    forums = list(Forum.objects.filter(type=Forum.FORUM_POST, name__in=public).order_by("pk"))
    topics = Topic.objects.bulk_create(
        [
            Topic(
                forum=forums[index % len(forums)],
                poster=members[index % len(members)],
                subject=LONG_TOPIC_SUBJECT if index == 0 else f"Samtal {index}: {sentence(index)[:60]}",
                slug="den-langa-traden" if index == 0 else f"samtal-{index}",
                type=Topic.TOPIC_POST,
                status=Topic.TOPIC_UNLOCKED,
            )
            for index in range(topic_count)
        ],
        batch_size=BATCH,
    )
    long_topic_posts = max(1, round(post_count * LONG_TOPIC_SHARE)) if topic_count > 1 else post_count
    rendered = {}
    topic_posts = {topic.pk: [] for topic in topics}
    started = set()
    posts_per_member = {}
    batch = []

    def flush():
        for post in Post.objects.bulk_create(batch):
            topic_posts[post.topic_id].append(post)
        batch.clear()

    for index in range(post_count):
        # The long topic first, then the other topics in turn.
        in_turn = 1 + (index - long_topic_posts) % max(1, len(topics) - 1)
        topic = topics[0] if index < long_topic_posts else topics[in_turn]
        poster = members[(index * 7) % len(members)]
        content = f"{SENTENCES[index % len(SENTENCES)]}\n\n{SENTENCES[(index * 5 + 1) % len(SENTENCES)]}"
        if content not in rendered:
            rendered[content] = render_markdown(content)
        batch.append(
            Post(
                topic=topic,
                poster=poster,
                subject=f"Re: {topic.subject}" if topic.pk in started else topic.subject,
                content=content,
                _content_rendered=rendered[content],
            )
        )
        started.add(topic.pk)
        posts_per_member[poster.pk] = posts_per_member.get(poster.pk, 0) + 1
        if len(batch) == BATCH:
            flush()
    flush()

    for topic in topics:
        posts = topic_posts[topic.pk]
        topic.posts_count = len(posts)
        topic.first_post = posts[0] if posts else None
        topic.last_post = posts[-1] if posts else None
        topic.last_post_on = posts[-1].created if posts else None
    Topic.objects.bulk_update(topics, ["posts_count", "first_post", "last_post", "last_post_on"], batch_size=BATCH)
    ForumProfile.objects.bulk_create(
        [ForumProfile(user=user, posts_count=posts_per_member.get(user.pk, 0)) for user in members], batch_size=BATCH
    )
    for forum in Forum.objects.order_by("-level"):
        forum.update_trackers()
