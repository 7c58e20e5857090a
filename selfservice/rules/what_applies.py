"""What applies to me: the duties, rights and ways to build skills that fit one citizen's situation.

Guidance, never a decision (the page says that the jobcentre or the a-kasse decides). Each statement names the
guide section it comes from, and the guides carry the sources (checked in December 2026, issue 15). The words live
in selfservice/what_applies/texts/<lang>.toml under the keys used here; these functions only decide which
statements apply and, for each way to build skills, whether it may fit and why.

The conditions, from the guides (section numbers in brackets):
- uddannelsesløft (uddannelsesloeft §2): dagpenge, 30 or older, unskilled or a vocational education not used for
  5 years; 110 % for educations on the positive list; the pool for other educations abolished by lov nr.
  1750/2025 (in force by 1 July 2026).
- six weeks of job-oriented education (seks-ugers-jobrettet-uddannelse §2-3): dagpenge or ledighedsydelse; unskilled,
  skilled, or skilled with a short higher education; not with a longer education; finished within the first 6
  months of unemployment under 25, 9 months from 25.
- AMU and the regional pool (amu-kurser §2): every unemployed person on a benefit may be given courses by the
  jobcentre; full price with a higher education.
- FVU and OBU (fvu-og-ordblindeundervisning §3): as a rule from 25; under 25 on conditions the school assesses.
- adult apprentice (voksenlaerling §3): 25 or older when the agreement starts; unskilled, an outdated education, or
  skilled and unemployed for 6 months.
- realkompetencevurdering (realkompetencevurdering §2): anyone; required from 25 for a vocational education.
- danskuddannelse (danskuddannelse §1): foreigners from 18 with residence or registered in the CPR.
- STU (stu §2): young people with special needs, under 25 when they start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .selfchecks import UDDANNELSESLOEFT_MIN_AGE, UDDANNELSESLOEFT_POOL_ABOLISHED


class Benefit(StrEnum):
    DAGPENGE = "dagpenge"
    KONTANTHJAELP = "kontanthjaelp"  # since 1 July 2025 also what was uddannelseshjælp
    LEDIGHEDSYDELSE = "ledighedsydelse"
    SYGEDAGPENGE = "sygedagpenge"
    RESSOURCEFORLOEB = "ressourceforloeb"
    JOBAFKLARING = "jobafklaring"
    FOERTIDSPENSION = "foertidspension"
    NONE = "none"  # none of these


class Education(StrEnum):
    UNSKILLED = "unskilled"  # nothing after primary school, or upper secondary school only
    VOCATIONAL = "vocational"  # a vocational education (erhvervsuddannelse) used in the last 5 years
    OUTDATED = "outdated"  # a vocational education not used in the last 5 years
    SHORT_HIGHER = "short_higher"  # a short higher education (erhvervsakademi)
    HIGHER = "higher"  # a bachelor or longer


class Fit(StrEnum):
    LIKELY = "likely"
    MAYBE = "maybe"
    UNLIKELY = "unlikely"


# Each way to build skills, in the order the page lists equally fitting ones, with the guide section of its rule.
OPTION_GUIDES = {
    "uddannelsesloeft": ("uddannelsesloeft", 2),
    "six_weeks": ("seks-ugers-jobrettet-uddannelse", 2),
    "amu": ("amu-kurser", 2),
    "fvu": ("fvu-og-ordblindeundervisning", 3),
    "voksenlaerling": ("voksenlaerling", 3),
    "rkv": ("realkompetencevurdering", 2),
    "danish": ("danskuddannelse", 1),
    "stu": ("stu", 2),
}
OPTION_KEYS = tuple(OPTION_GUIDES)
FIT_ORDER = {Fit.LIKELY: 0, Fit.MAYBE: 1, Fit.UNLIKELY: 2}
UNEMPLOYED = {Benefit.DAGPENGE, Benefit.KONTANTHJAELP, Benefit.LEDIGHEDSYDELSE}
ON_A_BENEFIT = set(Benefit) - {Benefit.NONE, Benefit.FOERTIDSPENSION}
ADULT_EDUCATION_AGE = 25  # FVU/OBU as a rule, voksenlærling, RKV required, STU before, six weeks' 6/9 months
DANISH_EDUCATION_AGE = 18
# The ages the table test walks: each boundary (18, 25, 30) and ages on either side and between.
AGE_BANDS = (16, 17, 18, 24, 25, 29, 30, 39, 40, 49, 50, 66)


def benefit_of(situation_code: str | None) -> Benefit:
    """The stored situation code as a benefit; uddannelseshjælp became kontanthjælp on 1 July 2025."""
    if situation_code == "uddannelseshjaelp":
        return Benefit.KONTANTHJAELP
    try:
        return Benefit(situation_code or "none")
    except ValueError:
        return Benefit.NONE


@dataclass(frozen=True)
class Situation:
    benefit: Benefit
    age: int
    education: Education
    learning_danish: bool | None = None  # None: not known (the page then says "if you are learning Danish")


@dataclass(frozen=True)
class Statement:
    """A duty or a right: the text key and the guide section it comes from (1-based, as the guide numbers them)."""

    key: str
    guide: str
    section: int


@dataclass(frozen=True)
class Option:
    """A way to build skills: whether it may fit, the key of the reason, and the guide section of the rule."""

    key: str
    fit: Fit
    reason: str
    guide: str
    section: int


def duties(s: Situation) -> list[Statement]:
    b = s.benefit
    found: list[Statement] = []
    if b in ON_A_BENEFIT:
        found.append(Statement("meetings", "samtaler-og-moeder", 1))
    if b == Benefit.DAGPENGE:
        found.append(Statement("meetings_akasse", "samtaler-og-moeder", 2))
    if b in (Benefit.KONTANTHJAELP, Benefit.LEDIGHEDSYDELSE):
        found.append(Statement("meetings_first_months", "samtaler-og-moeder", 2))
    if b in UNEMPLOYED:
        found.append(Statement("available", "raadighed", 2))
        search = "job_search_if_ready" if b == Benefit.KONTANTHJAELP else "job_search"
        found.append(Statement(search, "jobsoegning-og-joblog", 1))
        found.append(Statement("joblog", "jobsoegning-og-joblog", 2))
    if b == Benefit.KONTANTHJAELP:
        found.append(Statement("work_duty", "kontanthjaelp", 3))
        found.append(Statement("not_ready", "raadighed", 3))
    if b == Benefit.SYGEDAGPENGE:
        found.append(Statement("sick_follow_up", "sygedagpenge", 2))
    if b == Benefit.JOBAFKLARING:
        found.append(Statement("take_part_jobafklaring", "jobafklaringsforloeb", 2))
    if b == Benefit.RESSOURCEFORLOEB:
        found.append(Statement("ressourceforloeb_changed", "ressourceforloeb", 2))
    if b in ON_A_BENEFIT:
        found.append(Statement("cancel", "afbud-og-sygdom", 1))
    if b == Benefit.DAGPENGE:
        found.append(Statement("sick_dagpenge", "afbud-og-sygdom", 3))
    if b == Benefit.KONTANTHJAELP:
        found.append(Statement("sick_kontanthjaelp", "afbud-og-sygdom", 4))
    if b in ON_A_BENEFIT:
        found.append(Statement("sanctions", "sanktioner", 1))
        found.append(Statement("heard_first", "sanktioner", 2))
    return found


def rights(s: Situation) -> list[Statement]:
    b = s.benefit
    found = [
        Statement("bisidder", "bisidder", 1),
        Statement("interpreter", "tolk", 2),
    ]
    if b in ON_A_BENEFIT:
        found.append(Statement("video", "samtaler-og-moeder", 3))
    if b in (Benefit.KONTANTHJAELP, Benefit.LEDIGHEDSYDELSE):
        found.append(Statement("ask_for_meetings", "samtaler-og-moeder", 2))
    found.append(Statement("file", "dine-data", 4))
    found.append(Statement("complain", "klage", 1))
    if b in ON_A_BENEFIT:
        found.append(Statement("mentor", "mentor", 3))
    return found


def options(s: Situation, on: date) -> list[Option]:
    """Every way to build skills, each with whether it may fit and why, the likeliest first."""
    decided = {
        "uddannelsesloeft": _uddannelsesloeft(s, on),
        "six_weeks": _six_weeks(s),
        "amu": _amu(s),
        "fvu": _fvu(s),
        "voksenlaerling": _voksenlaerling(s),
        "rkv": _rkv(s),
        "danish": _danish(s),
        "stu": _stu(s),
    }
    found = [Option(key, fit, f"{key}.{reason}", *OPTION_GUIDES[key]) for key, (fit, reason) in decided.items()]
    return sorted(found, key=lambda o: (FIT_ORDER[o.fit], OPTION_KEYS.index(o.key)))


def _uddannelsesloeft(s: Situation, on: date) -> tuple[Fit, str]:
    if s.benefit != Benefit.DAGPENGE:
        return (Fit.UNLIKELY, "not_dagpenge")
    if s.age < UDDANNELSESLOEFT_MIN_AGE:
        return (Fit.UNLIKELY, "under_30")
    if s.education in (Education.UNSKILLED, Education.OUTDATED):
        return (Fit.LIKELY, "fits" if on >= UDDANNELSESLOEFT_POOL_ABOLISHED else "fits_with_pool")
    return (Fit.UNLIKELY, "skilled")


def _six_weeks(s: Situation) -> tuple[Fit, str]:
    if s.benefit not in (Benefit.DAGPENGE, Benefit.LEDIGHEDSYDELSE):
        return (Fit.UNLIKELY, "not_dagpenge")
    if s.education == Education.HIGHER:
        return (Fit.UNLIKELY, "higher")
    if s.education == Education.SHORT_HIGHER:
        return (Fit.MAYBE, "short_higher")
    return (Fit.LIKELY, "fits_under_25" if s.age < ADULT_EDUCATION_AGE else "fits")


def _amu(s: Situation) -> tuple[Fit, str]:
    if s.benefit not in ON_A_BENEFIT:
        return (Fit.UNLIKELY, "no_benefit")
    if s.education in (Education.HIGHER, Education.SHORT_HIGHER):
        return (Fit.MAYBE, "higher")
    return (Fit.MAYBE, "ask")


def _fvu(s: Situation) -> tuple[Fit, str]:
    if s.age < ADULT_EDUCATION_AGE:
        return (Fit.MAYBE, "under_25")
    return (Fit.LIKELY, "fits")


def _voksenlaerling(s: Situation) -> tuple[Fit, str]:
    if s.age < ADULT_EDUCATION_AGE:
        return (Fit.UNLIKELY, "under_25")
    if s.education in (Education.UNSKILLED, Education.OUTDATED):
        return (Fit.LIKELY, "fits")
    if s.education == Education.VOCATIONAL:
        return (Fit.MAYBE, "skilled")
    return (Fit.UNLIKELY, "higher")


def _rkv(s: Situation) -> tuple[Fit, str]:
    if s.age >= ADULT_EDUCATION_AGE and s.education in (Education.UNSKILLED, Education.OUTDATED):
        return (Fit.LIKELY, "required")
    return (Fit.MAYBE, "experience")


def _danish(s: Situation) -> tuple[Fit, str]:
    if s.age < DANISH_EDUCATION_AGE:
        return (Fit.UNLIKELY, "under_18")
    if s.learning_danish is False:
        return (Fit.UNLIKELY, "not_learning")
    if s.learning_danish:
        return (Fit.LIKELY, "fits")
    return (Fit.MAYBE, "if_learning")


def _stu(s: Situation) -> tuple[Fit, str]:
    if s.age < ADULT_EDUCATION_AGE:
        return (Fit.MAYBE, "young")
    return (Fit.UNLIKELY, "over_25")


def change_note(status: str | None, in_force_from: date | None, on: date) -> str | None:
    """What to say beside a statement whose guide has a version for a later date (the guides' dated content):
    "proposed" (not decided; today's rule applies before and after the date), "coming" (adopted, from the date) or
    "changed" (adopted and in force: the guide shows the new rule). None when nothing is pending."""
    if status is None or in_force_from is None:
        return None
    if status == "proposed":
        return "proposed"
    return "changed" if on >= in_force_from else "coming"


def reason_keys() -> set[str]:
    """Every reason a function above can give (the texts test checks each has words in every language)."""
    found: set[str] = set()
    today = date(2026, 12, 6)
    for benefit in Benefit:
        for age in AGE_BANDS:
            for education in Education:
                for learning in (None, True, False):
                    for on in (date(2026, 6, 30), today):
                        found |= {o.reason for o in options(Situation(benefit, age, education, learning), on)}
    return found
