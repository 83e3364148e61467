"""Who speaks for which sector in the forum: each author's organisation and sector, how many
voices each sector has in a topic, and which topics have heard both sectors.

A voice is a distinct author of an approved post who has a member profile; people without one
(staff) belong to no sector and are not counted. Every function costs a fixed number of queries
however many posts or topics it is given, so listings stay flat.
"""

from django.db.models import Count, Prefetch, prefetch_related_objects
from machina.core.db.models import get_model

from forum.models import MemberProfile, Sector

Post = get_model("forum_conversation", "Post")

AUTHOR_SECTOR = "poster__member_profile__organisation__sector"


def with_member_profiles(objects, *user_paths):
    """The objects as a list, each user at one of user_paths (such as "poster" or
    "last_post__poster") carrying its member profile and organisation: one query per path."""
    objects = list(objects)
    prefetch_related_objects(
        objects,
        *(
            Prefetch(f"{path}__member_profile", queryset=MemberProfile.objects.select_related("organisation"))
            for path in user_paths
        ),
    )
    return objects


def member_organisation(user):
    """The organisation the user posts for, or None for people without a member profile."""
    profile = getattr(user, "member_profile", None) if user is not None else None
    return profile.organisation if profile else None


def _approved_posts_by_members(**filters):
    return Post.objects.filter(approved=True, **{f"{AUTHOR_SECTOR}__isnull": False}, **filters).order_by()


def voices_per_sector(topic):
    """{sector: number of distinct authors} over the topic's approved posts, with every sector."""
    counts = dict(
        _approved_posts_by_members(topic=topic)
        .values_list(AUTHOR_SECTOR)
        .annotate(voices=Count("poster", distinct=True))
    )
    return {sector: counts.get(sector, 0) for sector in Sector.values}


def voices_per_sector_of_topics(topic_ids):
    """(topic id, sector, number of distinct authors) for the topics' approved posts, in one
    query; sectors without a voice in a topic are left out."""
    return (
        _approved_posts_by_members(topic_id__in=topic_ids)
        .values_list("topic_id", AUTHOR_SECTOR)
        .annotate(voices=Count("poster", distinct=True))
    )


def topics_with_both_sectors(topics):
    """The ids of those of the topics that have approved posts from both sectors."""
    topic_ids = [topic.pk for topic in topics]
    if not topic_ids:
        return set()
    return set(
        _approved_posts_by_members(topic_id__in=topic_ids)
        .values("topic_id")
        .annotate(sectors=Count(AUTHOR_SECTOR, distinct=True))
        .filter(sectors=len(Sector.values))
        .values_list("topic_id", flat=True)
    )


def voices_per_sector_in_topics(topics):
    """{topic id: voices_per_sector(topic)} for many topics, in one query."""
    topic_ids = [topic.pk for topic in topics]
    voices = {topic_id: dict.fromkeys(Sector.values, 0) for topic_id in topic_ids}
    if topic_ids:
        rows = (
            _approved_posts_by_members(topic_id__in=topic_ids)
            .values_list("topic_id", AUTHOR_SECTOR)
            .annotate(voices=Count("poster", distinct=True))
        )
        for topic_id, sector, count in rows:
            voices[topic_id][sector] = count
    return voices


BOTH_SECTORS = "bada"
NO_SECTOR = "ingen"
# Both sectors are heard in balance while neither has more than this many times the other's voices.
BALANCED_RATIO = 2


def sector_balance(voices):
    """What voices_per_sector says of a conversation's balance: BOTH_SECTORS while both sectors
    have voices and neither more than BALANCED_RATIO times the other's, else the sector with the
    most voices, and NO_SECTOR when no sector has spoken."""
    kommun, naringsliv = voices.get(Sector.KOMMUN, 0), voices.get(Sector.NARINGSLIV, 0)
    if not kommun and not naringsliv:
        return NO_SECTOR
    if kommun and naringsliv and max(kommun, naringsliv) <= BALANCED_RATIO * min(kommun, naringsliv):
        return BOTH_SECTORS
    return Sector.KOMMUN.value if kommun > naringsliv else Sector.NARINGSLIV.value
