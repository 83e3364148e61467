"""Topic view counts kept in the shared cache and written to the database in batches.

machina adds one to the topic's ``views_count`` in the database on every view of a topic page: a
write for every read. Here a view adds one to the topic's counter in the shared cache instead, and
``manage.py flush_topic_views`` (every minute from cron, deploy/cron/arena) adds the counters to
the topics and takes what it added out of the cache, so the counts are right within a minute. If
the cache cannot be reached, the view is not counted: an outage loses at most the views since the
last flush, and never a page.
"""

import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from machina.apps.forum_conversation.receivers import update_topic_counter
from machina.apps.forum_conversation.signals import topic_viewed
from machina.core.db.models import get_model

Topic = get_model("forum_conversation", "Topic")

logger = logging.getLogger(__name__)

# Counters not flushed within a day (cron stopped) are dropped rather than kept for ever.
COUNTER_SECONDS = 24 * 60 * 60
FLUSH_BATCH = 1000


def counter_key(topic_id):
    return f"topic-views.{topic_id}"


def count_view(sender, topic, **kwargs):
    key = counter_key(topic.pk)
    try:
        try:
            cache.incr(key)
        except ValueError:  # no counter yet; another view may create it first
            if not cache.add(key, 1, COUNTER_SECONDS):
                cache.incr(key)
    except Exception:
        logger.warning("Visningen av ämne %s räknades inte: cachen svarar inte.", topic.pk, exc_info=True)


def flush_topic_views():
    """Adds the counted views to the topics; returns how many views it added."""
    added = 0
    topic_ids = list(Topic.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(topic_ids), FLUSH_BATCH):
        batch = topic_ids[start : start + FLUSH_BATCH]
        counts = cache.get_many([counter_key(topic_id) for topic_id in batch])
        with transaction.atomic():
            for topic_id in batch:
                count = counts.get(counter_key(topic_id))
                if not count:
                    continue
                # Taken out of the counter first: views counted meanwhile stay for the next flush,
                # and a failed write loses this batch rather than counting it twice.
                cache.decr(counter_key(topic_id), count)
                Topic.objects.filter(pk=topic_id).update(views_count=F("views_count") + count)
                added += count
    return added


def connect_signals():
    topic_viewed.disconnect(update_topic_counter)
    topic_viewed.connect(count_view, dispatch_uid="arena_forum_count_topic_view")
