"""Answers about the signed-in citizen's own case, from their own data only, each with a link to the page.

Why only from the citizen's own records, and only the essentials: the chat is not where a plan or a meeting is
read in full — it points to the page that shows it, where the explicit actions are.
"""

from __future__ import annotations

from flask import session, url_for
from flask_babel import format_datetime, gettext, ngettext

from ..guides.content import today
from ..i18n_web import current_language
from ..meetings import store as meetings
from ..messages import thread as message_thread
from ..models import Citizen
from ..plan.publishing import published_version_of
from ..preparation import store as preparation_store
from ..rules import what_applies as rules
from ..rules.meetings import representable
from ..rules.preparation import DISCUSSED, DRAFT, REVIEWED, SEEN, SUBMITTED
from ..what_applies import situation, texts


def next_meeting(citizen: Citizen) -> tuple[str, list[tuple[str, str]]]:
    meeting = meetings.next_planned(citizen.id)
    if meeting is None:
        return gettext("You have no meetings booked right now."), [
            (gettext("Your meetings"), url_for("meetings.index"))
        ]
    when = format_datetime(representable(meeting.starts_at), "EEEE d MMMM y, HH:mm")
    where = gettext("by video") if meeting.kind == "video" else (meeting.place or meeting.address or "")
    text = (
        gettext("Your next meeting is %(when)s, %(where)s.", when=when, where=where)
        if where
        else gettext("Your next meeting is %(when)s.", when=when)
    )
    return text, [(gettext("See the meeting"), url_for("meetings.detail", public_id=meeting.public_id))]


def plan(citizen: Citizen) -> tuple[str, list[tuple[str, str]]]:
    version = published_version_of(citizen)
    link = [(gettext("See your plan"), url_for("plan.index"))]
    if version is None:
        return gettext("You do not have a plan yet. Your caseworker makes it with you after your first meetings."), link
    goal = version.snapshot.get("goal") or gettext("not written yet")
    count = len(version.snapshot.get("activities", {}))
    return ngettext(
        "The goal of your plan: %(goal)s. The plan has %(num)s activity.",
        "The goal of your plan: %(goal)s. The plan has %(num)s activities.",
        count,
        goal=goal,
    ), link


def form(citizen: Citizen) -> tuple[str, list[tuple[str, str]]]:
    found = preparation_store.get_form(citizen)
    link = [(gettext("Your preparation form"), url_for("preparation.start"))]
    if found is None:
        return gettext("You have not started your preparation form yet."), link
    if found.status == DRAFT:
        return gettext("Your preparation form is saved as a draft. It has not been sent yet."), link
    if found.status == SUBMITTED:
        return gettext(
            "You sent your preparation form on %(date)s. Your caseworker has not opened it yet.",
            date=format_datetime(found.submitted_at, "d MMMM y"),
        ), link
    if found.status in (SEEN, REVIEWED, DISCUSSED):
        return gettext("Your caseworker has read your preparation form."), link
    return gettext("Your preparation form has been sent."), link


def messages(citizen: Citizen) -> tuple[str, list[tuple[str, str]]]:
    unread = message_thread.unread_count_from_staff(citizen.id)
    link = [(gettext("Your messages"), url_for("messages.index"))]
    if unread:
        return ngettext(
            "You have %(num)s unread message from the jobcentre.",
            "You have %(num)s unread messages from the jobcentre.",
            unread,
        ), link
    return gettext("You have no unread messages."), link


def _what_applies(citizen: Citizen):
    """The citizen's situation as What applies to me sees it (with their corrections there), or None if incomplete."""
    return situation.complete(situation.of_citizen(citizen, today(), session))


def duties(citizen: Citizen) -> tuple[str, list[tuple[str, str]]]:
    link = [(gettext("What applies to me"), url_for("what_applies.mine"))]
    found = _what_applies(citizen)
    if found is None:
        return gettext("Answer a few questions on What applies to me, and you see your duties and rights."), link
    said = [texts.statement(current_language(), "duties", s.key) for s in rules.duties(found)[:3]]
    if not said:
        return gettext("We have no duties to list for your situation. Ask the jobcentre if you are unsure."), link
    intro = gettext("From what the jobcentre knows about you, these are some of your duties:")
    return " ".join([intro, *said, gettext("You see all of them, and your rights, on What applies to me.")]), link


def upskilling(citizen: Citizen) -> tuple[str, list[tuple[str, str]]]:
    link = [(gettext("What applies to me"), url_for("what_applies.mine") + "#skills")]
    found = _what_applies(citizen)
    if found is None:
        return gettext(
            "Answer a few questions on What applies to me, and you see which ways to build skills may fit you."
        ), link
    likely = [o for o in rules.options(found, today()) if o.fit == rules.Fit.LIKELY]
    if not likely:
        return gettext(
            "None of the ways to build skills fits you clearly. See why, and what may fit, on What applies to me."
        ), link
    titles = ", ".join(texts.option(current_language(), o.key)["title"] for o in likely)
    return gettext(
        "These ways to build skills may fit you: %(options)s. The jobcentre or your a-kasse decides. "
        "See why on What applies to me.",
        options=titles,
    ), link


ANSWERS = {
    "meeting": next_meeting,
    "plan": plan,
    "form": form,
    "messages": messages,
    "duties": duties,
    "upskilling": upskilling,
}
