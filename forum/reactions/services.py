"""Reactions to posts ("Håller med", "Tack", "Bra idé"): who may react, toggling one, and the
counts a topic page shows with each sector's share.

A member reacts to posts of others that they can see on the topic page (visibility.py), at most
once of each kind per post: the database's unique constraint holds that even when two requests
race. The counts for a whole page of posts cost one query however many posts and reactions
there are.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Q

from forum.machina.visibility import post_hidden_from
from forum.models import Notice, Reaction, Sector
from forum.notifications.services import notify
from forum.permissions import is_forum_member

REACTOR_SECTOR = "user__member_profile__organisation__sector"
SECTOR_PHRASES = {Sector.KOMMUN: "från kommunen", Sector.NARINGSLIV: "från näringslivet"}


def can_react(user, post, handler):
    """Members (and moderators) react to others' posts that they may read and see."""
    return (
        is_forum_member(user)
        and post.poster_id != user.pk
        and handler.can_read_forum(post.topic.forum, user)
        and not post_hidden_from(post, user, handler)
        and post.approved
    )


def toggle_reaction(user, post, kind):
    """Adds the user's reaction of that kind to the post, or takes it back if it was there.
    Returns True when the reaction is now there."""
    with transaction.atomic():
        deleted, _ = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
        if deleted:
            return False
        try:
            with transaction.atomic():
                reaction = Reaction.objects.create(post=post, user=user, kind=kind)
        except IntegrityError:
            return True  # the same reaction, added a moment ago by a second click
        notify_author(reaction)
        return True


def notify_author(reaction):
    """Tells the post's author, in the site's notices (forum/notifications/), once it commits."""
    notify(
        [reaction.post.poster_id],
        Notice.Kind.REACTION,
        actor=reaction.user,
        post=reaction.post,
        text=reaction.get_kind_display(),
    )


class ReactionCount:
    """One kind of reaction to one post: how many, from which sector, and whether the reader is one."""

    def __init__(self, kind, label):
        self.kind = kind
        self.label = label
        self.per_sector = dict.fromkeys(Sector.values, 0)
        self.total = 0
        self.mine = False

    @property
    def sector_split(self):
        """ "3 från kommunen, 2 från näringslivet", the sectors that reacted only."""
        counts = ((self.per_sector[sector], SECTOR_PHRASES[sector]) for sector in Sector.values)
        return ", ".join(f"{number} {phrase}" for number, phrase in counts if number)


def reactions_for(posts, user):
    """{post id: [ReactionCount of each kind, in the fixed order]} for the posts, in one query."""
    post_ids = [post.pk for post in posts]
    counts = {post_id: [ReactionCount(kind, label) for kind, label in Reaction.Kind.choices] for post_id in post_ids}
    if not post_ids:
        return counts
    index = {kind: position for position, kind in enumerate(Reaction.Kind.values)}
    readers_own = Q(user_id=user.pk)  # no reaction is a visitor's (pk None)
    rows = (
        Reaction.objects.filter(post_id__in=post_ids)
        .values_list("post_id", "kind", REACTOR_SECTOR)
        .annotate(reactions=Count("id"), own=Count("id", filter=readers_own))
        .order_by()
    )
    for post_id, kind, sector, number, own in rows:
        count = counts[post_id][index[kind]]
        count.total += number
        count.mine = count.mine or bool(own)
        if sector:
            count.per_sector[sector] += number
    return counts
