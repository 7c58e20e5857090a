"""The rules behind the self-checks: guidance on what a citizen may be entitled to, never a decision.

Why "what to ask next" comes from the rules: each check is a function of the answers so far. It returns the next
question it needs, or an outcome with the reasons behind it. The pages then never ask a question whose answer
cannot change the outcome, and the unit tests can walk every combination without a browser.

Sources (also shown to the citizen on the result page):
- Uddannelsesløft on 110% of dagpenge: STAR, "Midlertidig ret til uddannelsesløft inden for mangelområder"
  (1 Aug 2020 – 31 Dec 2022), L 128 of 2 June 2023 (1 Jul – 31 Dec 2023), made permanent by the Folketing in
  December 2023. Aged 30 or over, unskilled or skilled with an education not used for 5 years, a vocational
  education on the positive list. The jobcentre grants it. Outside the list, the pool for uddannelsesløft paid up to
  80% until lov nr. 1750 of 29 December 2025 abolished it (in force on 1 February or 1 July 2026; the later date is
  used here, the sources do not say which).
- Six weeks of job-oriented education: STAR, "Positivlister – se, hvilke kurser og uddannelser du kan få adgang til".
  Dagpenge, or approved for fleksjob and unemployed; unskilled, vocational, or academy level together with a
  vocational education; finished within the first 6 months of unemployment (under 25) or 9 months (25 or over);
  as a rule after 5 weeks of unemployment. The a-kasse decides (the jobcentre for ledighedsydelse).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

YES, NO, UNSURE = "yes", "no", "unsure"


@dataclass(frozen=True)
class Ask:
    """The check needs this answer next."""

    question: str


@dataclass(frozen=True)
class Outcome:
    """`verdict` is likely | possibly | unlikely (entitlement checks) or advice (the meeting check)."""

    verdict: str
    reasons: tuple[str, ...] = field(default_factory=tuple)
    steps: tuple[str, ...] = field(default_factory=tuple)


def age_on(birth_date: date, on: date) -> int:
    """Whole years on `on`. Someone born on 29 February turns a year older on 1 March in other years."""
    years = on.year - birth_date.year
    birthday_passed = (on.month, on.day) >= (birth_date.month, birth_date.day)
    return years if birthday_passed else years - 1


# --- Uddannelsesløft on 110% of dagpenge --------------------------------------------------------------------------

UDDANNELSESLOEFT_MIN_AGE = 30
OUTDATED_AFTER_YEARS = 5
# The periods in which the right to 110% applied; None means no end date has been set.
UDDANNELSESLOEFT_110_PERIODS: tuple[tuple[date, date | None], ...] = (
    (date(2020, 8, 1), date(2022, 12, 31)),
    (date(2023, 7, 1), None),
)


# The pool that paid up to 80% for educations outside the positive list, abolished by lov nr. 1750/2025.
UDDANNELSESLOEFT_POOL_ABOLISHED = date(2026, 7, 1)


def uddannelsesloeft_110_in_force(on: date) -> bool:
    return any(start <= on and (end is None or on <= end) for start, end in UDDANNELSESLOEFT_110_PERIODS)


def uddannelsesloeft(answers: dict, today: date) -> Ask | Outcome:
    benefit = answers.get("benefit")
    if benefit is None:
        return Ask("benefit")
    if benefit == "other":
        return Outcome("unlikely", ("needs_dagpenge",))
    birth_date = answers.get("birth_date")
    if birth_date is None:
        return Ask("birth_date")
    if age_on(birth_date, today) < UDDANNELSESLOEFT_MIN_AGE:
        return Outcome("unlikely", ("under_30",))
    education = answers.get("education")
    if education is None:
        return Ask("education")
    if education in ("higher", "academy_only", "academy_vocational"):
        return Outcome("unlikely", ("higher_education",))
    if education == "vocational":
        used = answers.get("used_recently")
        if used is None:
            return Ask("used_recently")
        if used == YES:
            return Outcome("unlikely", ("education_in_use",))
    if benefit == "kontanthjaelp":
        # Job-ready recipients of kontanthjælp aged 30+ can take a basic course through a pool, not on dagpenge.
        return Outcome("possibly", ("kontanthjaelp_pool",))
    on_list = answers.get("positive_list")
    if on_list is None:
        return Ask("positive_list")
    pool = today < UDDANNELSESLOEFT_POOL_ABOLISHED
    if not uddannelsesloeft_110_in_force(today):
        return Outcome("possibly", ("rule_80_only",)) if pool else Outcome("unlikely", ("pool_abolished",))
    if on_list == YES:
        return Outcome("likely", ("meets_110",))
    if on_list == NO:
        return Outcome("possibly", ("rule_80_only",)) if pool else Outcome("unlikely", ("pool_abolished",))
    return Outcome("possibly", ("check_positive_list",) if pool else ("check_positive_list_only",))


# --- Six weeks of job-oriented education --------------------------------------------------------------------------

SEKS_UGER_AGE_LIMIT = 25
# How long someone has been unemployed, as the question offers it, and whether they are still within the deadline.
UNEMPLOYED_SPANS = ("under_5_weeks", "5_weeks_to_6_months", "6_to_9_months", "over_9_months")


def seks_ugers_jobrettet_uddannelse(answers: dict, today: date) -> Ask | Outcome:
    benefit = answers.get("benefit")
    if benefit is None:
        return Ask("benefit")
    if benefit == "other":
        return Outcome("unlikely", ("needs_dagpenge_or_ledighedsydelse",))
    education = answers.get("education")
    if education is None:
        return Ask("education")
    if education in ("higher", "academy_only"):
        return Outcome("unlikely", ("education_too_long",))
    birth_date = answers.get("birth_date")
    if birth_date is None:
        return Ask("birth_date")
    under_25 = age_on(birth_date, today) < SEKS_UGER_AGE_LIMIT
    span = answers.get("unemployed")
    if span is None:
        return Ask("unemployed")
    decider = "decides_akasse" if benefit == "dagpenge" else "decides_jobcentre"
    if span == "over_9_months" or (under_25 and span == "6_to_9_months"):
        return Outcome("unlikely", ("deadline_6_months" if under_25 else "deadline_9_months",))
    deadline = "deadline_6_months" if under_25 else "deadline_9_months"
    if span == "under_5_weeks":
        return Outcome("possibly", ("wait_5_weeks", deadline, decider))
    return Outcome("likely", ("meets_six_weeks", deadline, decider))


# --- "I can't come to my meeting" ----------------------------------------------------------------------------------


def moede(answers: dict, today: date) -> Ask | Outcome:
    reason = answers.get("reason")
    if reason is None:
        return Ask("reason")
    if reason == "unsure_if_required":
        return Outcome("advice", ("meetings_usually_required",), ("ask_caseworker", "read_meetings_guide"))
    if reason == "video":
        return Outcome("advice", ("video_voluntary",), ("ask_to_move", "first_meeting_in_person"))
    when = answers.get("when")
    if when is None:
        return Ask("when")
    benefit = answers.get("benefit")
    if benefit is None:
        return Ask("benefit")
    steps: list[str] = []
    if reason == "ill":
        steps.append("report_sick_in_app")
        if when == "today":
            steps.append("phone_today")
        if benefit == "dagpenge":
            steps.append("tell_akasse_sick")
        return Outcome("advice", ("illness_is_a_reason",), (*steps, "what_happens_sick"))
    steps.append("ask_to_move")
    if when == "today":
        steps.append("phone_today")
    reasons = ("job_interview_or_work",) if reason == "work" else ("explain_reason",)
    return Outcome("advice", reasons, (*steps, "go_unless_moved"))


CHECKS = {
    "uddannelsesloeft": uddannelsesloeft,
    "seks-ugers-jobrettet-uddannelse": seks_ugers_jobrettet_uddannelse,
    "moede": moede,
}
