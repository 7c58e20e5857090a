"""The self-check rules at their boundaries: ages on the birthday, the last day a rule applied, and combinations."""

from datetime import date

import pytest

from selfservice.rules.selfchecks import (
    Ask,
    Outcome,
    age_on,
    moede,
    seks_ugers_jobrettet_uddannelse,
    uddannelsesloeft,
    uddannelsesloeft_110_in_force,
)

TODAY = date(2026, 12, 1)
THIRTY_TODAY = date(1996, 12, 1)
THIRTY_TOMORROW = date(1996, 12, 2)


def test_age_counts_whole_years_and_changes_on_the_birthday():
    assert age_on(THIRTY_TODAY, TODAY) == 30
    assert age_on(THIRTY_TOMORROW, TODAY) == 29


def test_someone_born_on_29_february_turns_older_on_1_march_in_other_years():
    leapling = date(1996, 2, 29)
    assert age_on(leapling, date(2026, 2, 28)) == 29
    assert age_on(leapling, date(2026, 3, 1)) == 30
    assert age_on(leapling, date(2024, 2, 29)) == 28


def loeft(**answers):
    return uddannelsesloeft(answers, TODAY)


def test_uddannelsesloeft_asks_only_what_can_change_the_outcome():
    assert loeft() == Ask("benefit")
    assert loeft(benefit="other") == Outcome("unlikely", ("needs_dagpenge",))
    assert loeft(benefit="dagpenge") == Ask("birth_date")
    assert loeft(benefit="dagpenge", birth_date=THIRTY_TODAY) == Ask("education")
    assert loeft(benefit="dagpenge", birth_date=THIRTY_TODAY, education="unskilled") == Ask("positive_list")
    assert loeft(benefit="dagpenge", birth_date=THIRTY_TODAY, education="vocational") == Ask("used_recently")


def test_uddannelsesloeft_applies_from_the_30th_birthday_and_not_the_day_before():
    base = {"benefit": "dagpenge", "education": "unskilled", "positive_list": "yes"}
    assert uddannelsesloeft(base | {"birth_date": THIRTY_TODAY}, TODAY) == Outcome("likely", ("meets_110",))
    assert uddannelsesloeft(base | {"birth_date": THIRTY_TOMORROW}, TODAY) == Outcome("unlikely", ("under_30",))


@pytest.mark.parametrize(
    ("education", "used_recently", "expected"),
    [
        ("vocational", "no", Outcome("likely", ("meets_110",))),
        ("vocational", "yes", Outcome("unlikely", ("education_in_use",))),
        ("higher", None, Outcome("unlikely", ("higher_education",))),
        ("academy_vocational", None, Outcome("unlikely", ("higher_education",))),
    ],
)
def test_uddannelsesloeft_is_for_the_unskilled_and_those_with_an_outdated_education(education, used_recently, expected):
    answers = {"benefit": "dagpenge", "birth_date": date(1980, 5, 5), "education": education, "positive_list": "yes"}
    if used_recently:
        answers["used_recently"] = used_recently
    assert uddannelsesloeft(answers, TODAY) == expected


@pytest.mark.parametrize(
    ("on_list", "verdict", "reason"),
    [
        ("yes", "likely", "meets_110"),
        ("no", "unlikely", "pool_abolished"),
        ("unsure", "possibly", "check_positive_list_only"),
    ],
)
def test_the_positive_list_decides_between_110_and_80_percent(on_list, verdict, reason):
    answers = {
        "benefit": "dagpenge",
        "birth_date": date(1980, 5, 5),
        "education": "unskilled",
        "positive_list": on_list,
    }
    assert uddannelsesloeft(answers, TODAY) == Outcome(verdict, (reason,))


def test_job_ready_kontanthjaelp_recipients_are_pointed_to_the_basic_course_pool():
    answers = {"benefit": "kontanthjaelp", "birth_date": date(1980, 5, 5), "education": "unskilled"}
    assert uddannelsesloeft(answers, TODAY) == Outcome("possibly", ("kontanthjaelp_pool",))


def test_the_110_percent_rule_covers_its_periods_to_the_last_day():
    assert not uddannelsesloeft_110_in_force(date(2020, 7, 31))
    assert uddannelsesloeft_110_in_force(date(2020, 8, 1))
    assert uddannelsesloeft_110_in_force(date(2022, 12, 31))
    assert not uddannelsesloeft_110_in_force(date(2023, 1, 1))
    assert not uddannelsesloeft_110_in_force(date(2023, 6, 30))
    assert uddannelsesloeft_110_in_force(date(2023, 7, 1))
    assert uddannelsesloeft_110_in_force(TODAY)


def test_outside_the_110_periods_the_check_pointed_to_80_percent_while_the_pool_existed():
    answers = {"benefit": "dagpenge", "birth_date": date(1980, 5, 5), "education": "unskilled", "positive_list": "yes"}
    assert uddannelsesloeft(answers, date(2023, 3, 1)) == Outcome("possibly", ("rule_80_only",))


def test_since_the_pool_was_abolished_an_education_off_the_list_is_not_promised_80_percent():
    """Lov nr. 1750/2025 abolished the pool; the guide says so, and the self-check must not say otherwise."""
    answers = {"benefit": "dagpenge", "birth_date": date(1980, 5, 5), "education": "unskilled", "positive_list": "no"}
    assert uddannelsesloeft(answers, date(2026, 6, 30)) == Outcome("possibly", ("rule_80_only",))
    assert uddannelsesloeft(answers, date(2026, 12, 6)) == Outcome("unlikely", ("pool_abolished",))


def six(**answers):
    return seks_ugers_jobrettet_uddannelse(answers, TODAY)


TWENTY_FIVE_TODAY = date(2001, 12, 1)
TWENTY_FIVE_TOMORROW = date(2001, 12, 2)


def test_six_weeks_needs_dagpenge_or_ledighedsydelse_and_a_short_education():
    assert six() == Ask("benefit")
    assert six(benefit="other") == Outcome("unlikely", ("needs_dagpenge_or_ledighedsydelse",))
    assert six(benefit="dagpenge", education="higher") == Outcome("unlikely", ("education_too_long",))
    assert six(benefit="dagpenge", education="academy_only") == Outcome("unlikely", ("education_too_long",))
    assert six(benefit="dagpenge", education="academy_vocational") == Ask("birth_date")


def test_six_weeks_deadline_is_6_months_under_25_and_9_months_from_the_25th_birthday():
    base = {"benefit": "dagpenge", "education": "vocational", "unemployed": "6_to_9_months"}
    assert seks_ugers_jobrettet_uddannelse(base | {"birth_date": TWENTY_FIVE_TOMORROW}, TODAY) == Outcome(
        "unlikely", ("deadline_6_months",)
    )
    assert seks_ugers_jobrettet_uddannelse(base | {"birth_date": TWENTY_FIVE_TODAY}, TODAY) == Outcome(
        "likely", ("meets_six_weeks", "deadline_9_months", "decides_akasse")
    )


def test_six_weeks_after_9_months_is_too_late_and_before_5_weeks_is_too_early():
    base = {"benefit": "ledighedsydelse", "education": "unskilled", "birth_date": date(1980, 1, 1)}
    assert seks_ugers_jobrettet_uddannelse(base | {"unemployed": "over_9_months"}, TODAY).verdict == "unlikely"
    early = seks_ugers_jobrettet_uddannelse(base | {"unemployed": "under_5_weeks"}, TODAY)
    assert early == Outcome("possibly", ("wait_5_weeks", "deadline_9_months", "decides_jobcentre"))


def meeting(**answers):
    return moede(answers, TODAY)


def test_the_meeting_check_sends_an_ill_citizen_to_the_explicit_sick_report():
    assert meeting() == Ask("reason")
    assert meeting(reason="ill") == Ask("when")
    assert meeting(reason="ill", when="later") == Ask("benefit")
    outcome = meeting(reason="ill", when="later", benefit="other")
    assert outcome.steps == ("report_sick_in_app", "what_happens_sick")


def test_an_ill_dagpenge_recipient_on_the_day_is_told_to_phone_and_tell_the_a_kasse():
    outcome = meeting(reason="ill", when="today", benefit="dagpenge")
    assert outcome.steps == ("report_sick_in_app", "phone_today", "tell_akasse_sick", "what_happens_sick")


def test_other_reasons_ask_to_move_and_the_meeting_stands_until_moved():
    work = meeting(reason="work", when="later", benefit="other")
    assert work.reasons == ("job_interview_or_work",)
    assert work.steps == ("ask_to_move", "go_unless_moved")
    other = meeting(reason="other", when="today", benefit="dagpenge")
    assert other.steps == ("ask_to_move", "phone_today", "go_unless_moved")


def test_video_and_doubt_about_the_duty_get_advice_without_more_questions():
    assert meeting(reason="video").reasons == ("video_voluntary",)
    assert meeting(reason="unsure_if_required").steps == ("ask_caseworker", "read_meetings_guide")
