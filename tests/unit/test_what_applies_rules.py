"""What applies to me: each rule at its boundaries, and a table test over every situation × age × education."""

from datetime import date
from itertools import product

import pytest

from selfservice.rules.what_applies import (
    AGE_BANDS,
    OPTION_KEYS,
    Benefit,
    Education,
    Fit,
    Situation,
    change_note,
    duties,
    options,
    reason_keys,
    rights,
)

TODAY = date(2026, 12, 6)
BEFORE_POOL_ENDED = date(2026, 6, 30)


def fit_of(key: str, situation: Situation, on: date = TODAY) -> Fit:
    return next(o for o in options(situation, on) if o.key == key).fit


def s(benefit=Benefit.DAGPENGE, age=40, education=Education.UNSKILLED, learning=None) -> Situation:
    return Situation(benefit, age, education, learning)


@pytest.mark.parametrize(("age", "fit"), [(29, Fit.UNLIKELY), (30, Fit.LIKELY), (40, Fit.LIKELY), (50, Fit.LIKELY)])
def test_uddannelsesloeft_from_30_on_dagpenge(age, fit):
    assert fit_of("uddannelsesloeft", s(age=age)) == fit


@pytest.mark.parametrize(
    ("education", "fit"),
    [
        (Education.UNSKILLED, Fit.LIKELY),
        (Education.OUTDATED, Fit.LIKELY),
        (Education.VOCATIONAL, Fit.UNLIKELY),
        (Education.SHORT_HIGHER, Fit.UNLIKELY),
        (Education.HIGHER, Fit.UNLIKELY),
    ],
)
def test_uddannelsesloeft_for_the_unskilled_and_an_outdated_education(education, fit):
    assert fit_of("uddannelsesloeft", s(education=education)) == fit


@pytest.mark.parametrize("benefit", [b for b in Benefit if b != Benefit.DAGPENGE])
def test_uddannelsesloeft_only_on_dagpenge(benefit):
    option = next(o for o in options(s(benefit=benefit), TODAY) if o.key == "uddannelsesloeft")
    assert (option.fit, option.reason) == (Fit.UNLIKELY, "uddannelsesloeft.not_dagpenge")


def test_the_pool_for_uddannelsesloeft_is_mentioned_only_before_it_was_abolished():
    reason = {
        on: next(o.reason for o in options(s(), on) if o.key == "uddannelsesloeft")
        for on in (BEFORE_POOL_ENDED, date(2026, 7, 1))
    }
    assert reason == {BEFORE_POOL_ENDED: "uddannelsesloeft.fits_with_pool", date(2026, 7, 1): "uddannelsesloeft.fits"}


@pytest.mark.parametrize(
    ("benefit", "education", "age", "fit", "reason"),
    [
        (Benefit.DAGPENGE, Education.UNSKILLED, 24, Fit.LIKELY, "six_weeks.fits_under_25"),
        (Benefit.DAGPENGE, Education.UNSKILLED, 25, Fit.LIKELY, "six_weeks.fits"),
        (Benefit.LEDIGHEDSYDELSE, Education.VOCATIONAL, 40, Fit.LIKELY, "six_weeks.fits"),
        (Benefit.DAGPENGE, Education.SHORT_HIGHER, 40, Fit.MAYBE, "six_weeks.short_higher"),
        (Benefit.DAGPENGE, Education.HIGHER, 40, Fit.UNLIKELY, "six_weeks.higher"),
        (Benefit.KONTANTHJAELP, Education.UNSKILLED, 40, Fit.UNLIKELY, "six_weeks.not_dagpenge"),
    ],
)
def test_six_weeks_of_job_oriented_education(benefit, education, age, fit, reason):
    option = next(o for o in options(s(benefit, age, education), TODAY) if o.key == "six_weeks")
    assert (option.fit, option.reason) == (fit, reason)


@pytest.mark.parametrize(("age", "fit"), [(24, Fit.MAYBE), (25, Fit.LIKELY), (50, Fit.LIKELY)])
def test_fvu_and_obu_from_25_and_on_conditions_before(age, fit):
    assert fit_of("fvu", s(age=age)) == fit


@pytest.mark.parametrize(
    ("age", "education", "fit"),
    [
        (24, Education.UNSKILLED, Fit.UNLIKELY),
        (25, Education.UNSKILLED, Fit.LIKELY),
        (25, Education.OUTDATED, Fit.LIKELY),
        (30, Education.VOCATIONAL, Fit.MAYBE),
        (40, Education.HIGHER, Fit.UNLIKELY),
    ],
)
def test_voksenlaerling_from_25(age, education, fit):
    assert fit_of("voksenlaerling", s(age=age, education=education)) == fit


@pytest.mark.parametrize(("age", "fit"), [(24, Fit.MAYBE), (25, Fit.LIKELY)])
def test_realkompetencevurdering_is_required_from_25_for_the_unskilled(age, fit):
    assert fit_of("rkv", s(age=age)) == fit
    assert fit_of("rkv", s(age=age, education=Education.HIGHER)) == Fit.MAYBE  # never ruled out


@pytest.mark.parametrize(
    ("age", "learning", "fit"),
    [(17, True, Fit.UNLIKELY), (18, True, Fit.LIKELY), (18, None, Fit.MAYBE), (40, False, Fit.UNLIKELY)],
)
def test_danskuddannelse_from_18_for_those_learning_danish(age, learning, fit):
    assert fit_of("danish", s(age=age, learning=learning)) == fit


@pytest.mark.parametrize(("age", "fit"), [(16, Fit.MAYBE), (24, Fit.MAYBE), (25, Fit.UNLIKELY)])
def test_stu_must_start_before_25(age, fit):
    assert fit_of("stu", s(age=age)) == fit


def test_the_options_come_likeliest_first():
    found = options(s(age=40), TODAY)
    ranks = [{Fit.LIKELY: 0, Fit.MAYBE: 1, Fit.UNLIKELY: 2}[o.fit] for o in found]
    assert ranks == sorted(ranks)
    assert {o.key for o in found} == set(OPTION_KEYS)


def test_duties_follow_the_benefit():
    keys = {b: {d.key for d in duties(s(benefit=b))} for b in Benefit}
    assert {"available", "job_search", "joblog", "meetings_akasse", "sick_dagpenge"} <= keys[Benefit.DAGPENGE]
    assert {"work_duty", "job_search_if_ready", "not_ready", "sick_kontanthjaelp"} <= keys[Benefit.KONTANTHJAELP]
    assert "work_duty" not in keys[Benefit.DAGPENGE] and "available" not in keys[Benefit.SYGEDAGPENGE]
    assert "sick_follow_up" in keys[Benefit.SYGEDAGPENGE]
    assert keys[Benefit.NONE] == set() and keys[Benefit.FOERTIDSPENSION] == set()
    assert {"sanctions", "heard_first", "cancel", "meetings"} <= keys[Benefit.JOBAFKLARING]


def test_everyone_has_the_rights_that_do_not_depend_on_a_benefit():
    for benefit in Benefit:
        keys = {r.key for r in rights(s(benefit=benefit))}
        assert {"bisidder", "interpreter", "file", "complain"} <= keys
    assert "ask_for_meetings" in {r.key for r in rights(s(benefit=Benefit.KONTANTHJAELP))}


@pytest.mark.parametrize(
    ("status", "in_force_from", "on", "note"),
    [
        ("proposed", date(2027, 1, 1), date(2026, 12, 31), "proposed"),
        ("proposed", date(2027, 1, 1), date(2027, 1, 1), "proposed"),  # a proposal never switches by itself
        ("adopted", date(2027, 1, 1), date(2026, 12, 31), "coming"),
        ("adopted", date(2027, 1, 1), date(2027, 1, 1), "changed"),
        (None, None, date(2027, 1, 1), None),
    ],
)
def test_a_dated_change_on_either_side_of_1_january_2027(status, in_force_from, on, note):
    assert change_note(status, in_force_from, on) == note


def test_every_situation_age_and_education_gets_every_option_with_a_reason_and_a_guide():
    for benefit, age, education, learning in product(Benefit, AGE_BANDS, Education, (None, True, False)):
        found = options(Situation(benefit, age, education, learning), TODAY)
        assert [o.key for o in sorted(found, key=lambda o: OPTION_KEYS.index(o.key))] == list(OPTION_KEYS)
        for option in found:
            assert option.reason.startswith(option.key + "."), option
            assert option.guide and option.section >= 1, option
        for statement in duties(Situation(benefit, age, education)) + rights(Situation(benefit, age, education)):
            assert statement.guide and statement.section >= 1
    assert len(reason_keys()) >= 25  # every reason a situation can lead to, checked for words in every language
