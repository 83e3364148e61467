"""Demo content for the dialogue loop: two conversations end in conclusions, the conclusions page
lists them, and a goal of this year's activity plan cites one of them.

Idempotent: a topic that already has a conclusion keeps it, and this year's plan gets its citation
only while none of its goals cites a conclusion. Runs after the forum (home/demo/forum.py) and the
activity plans (news.py). The
conclusions are the starters' own, so their forums let starters conclude; no e-mail is sent.
"""

import datetime

from django.utils import timezone
from machina.core.db.models import get_model

from forum.machina.markup import render_markdown
from forum.machina.sectors import sector_balance, voices_per_sector
from forum.models import Conclusion
from forum.permissions import allow_starters_to_conclude
from home.models import ActivityPlanIndexPage, ActivityPlanPage, ConclusionIndexPage

from .news import PLAN_INDEX

Topic = get_model("forum_conversation", "Topic")

CONCLUSION_INDEX = {
    "title": "Slutsatser",
    "slug": "slutsatser",
    "introduction": (
        "Här samlar vi vad samtalen i forumet har kommit fram till, och hur slutsatserna tas vidare – "
        "ofta in i verksamhetsplanen."
    ),
    "summary": "Vad kommun och näringsliv har kommit fram till i forumets samtal.",
}

# (subject, days ago, text, follow-up, lock)
CONCLUSIONS = [
    (
        "Sommarjobb för unga – hur samarbetar vi bättre?",
        1,
        "Kommunen och de företag som vill vara med samordnar sommarjobben:\n\n"
        "- en gemensam ansökningssida för kommunens och företagens platser\n"
        "- en introduktionsdag i maj om arbetsmiljö och bemötande\n"
        "- en uppföljning i augusti där ungdomarna och arbetsgivarna berättar hur det gick",
        Conclusion.FollowUp.ACTIVITY_PLAN,
        True,
    ),
    (
        "Lokaler i bottenvåningarna i de nya kvarteren",
        2,
        "Företagarnas synpunkter – ventilation och fettavskiljare som förbereds från början, och "
        "lastzoner med tydliga tider – går till planeringsgruppen. Samtalet hålls öppet till träffen "
        "på plats inför byggstart.",
        Conclusion.FollowUp.OTHER,
        False,
    ),
]
OTHER_FOLLOW_UP = "En träff på plats när kvarteret närmar sig byggstart"

# The goal of this year's plan (home/demo/news.py) that builds on the first conclusion.
CITING_GOAL = "Kompetens för en växande kommun"


def seed(command, home_page):
    command.ensure_child_page(home_page, ConclusionIndexPage, CONCLUSION_INDEX)
    conclusions = {
        subject: ensure_conclusion(command, subject, days_ago, text, follow_up, lock)
        for subject, days_ago, text, follow_up, lock in CONCLUSIONS
    }
    plan_index = command.ensure_child_page(home_page, ActivityPlanIndexPage, PLAN_INDEX)
    ensure_citation(command, plan_index, conclusions[CONCLUSIONS[0][0]])


def ensure_conclusion(command, subject, days_ago, text, follow_up, lock):
    topic = Topic.objects.select_related("forum").filter(subject=subject).first()
    if topic is None:
        return None
    existing = Conclusion.objects.filter(topic=topic).first()
    if existing:
        return existing
    allow_starters_to_conclude(topic.forum)
    conclusion = Conclusion.objects.create(
        topic=topic,
        text=text,
        text_html=render_markdown(text),
        follow_up=follow_up,
        follow_up_year=timezone.localdate().year if follow_up == Conclusion.FollowUp.ACTIVITY_PLAN else None,
        follow_up_note=OTHER_FOLLOW_UP if follow_up == Conclusion.FollowUp.OTHER else "",
        sector_balance=sector_balance(voices_per_sector(topic)),
        concluded_by=topic.poster,
        concluded_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    if lock:
        Topic.objects.filter(pk=topic.pk).update(status=Topic.TOPIC_LOCKED)
    command.created.append(f"slutsatsen av ”{subject}”")
    return conclusion


def ensure_citation(command, plan_index, conclusion):
    """This year's plan's CITING_GOAL cites the conclusion, unless a goal of the plan cites one already."""
    plan = ActivityPlanPage.objects.child_of(plan_index).filter(year=timezone.localdate().year).first()
    if plan is None or conclusion is None:
        return
    goals = [dict(block.value) for block in plan.focus_areas]
    if any(goal["conclusions"] for goal in goals):
        return
    for goal in goals:
        if goal["title"] == CITING_GOAL:
            goal["conclusions"] = [conclusion]
    plan.focus_areas = [("goal", goal) for goal in goals]
    plan.save_revision().publish()
    command.created.append(f"hänvisningen från {plan.title} till slutsatsen av ”{conclusion.topic.subject}”")
