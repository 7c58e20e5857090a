"""Checking in at the kiosk: the birthday as a second secret, today only, within the check-in window."""

from datetime import date, datetime

from selfservice.rules import kiosk as rules
from selfservice.rules.kiosk import MeetingFacts, check_in, check_in_by_code, normalise_reference

# 10:00 in Copenhagen on 1 December 2026 is 09:00 UTC.
STARTS = datetime(2026, 12, 1, 9, 0)
BORN = date(1986, 1, 27)


def meeting(**changes):
    values = {"starts_at": STARTS, "status": "planned", "birth_date": BORN, "checked_in_at": None} | changes
    return MeetingFacts(**values)


def test_the_reference_is_read_as_printed_whatever_was_typed_around_it():
    assert normalise_reference(" ksk-234 ") == "KSK234"
    assert normalise_reference("KSK 234") == "KSK234"


def test_the_right_reference_and_birthday_on_the_day_checks_in():
    assert check_in(meeting(), 27, 1, datetime(2026, 12, 1, 8, 40)) == rules.OK


def test_a_wrong_birthday_looks_exactly_like_an_unknown_reference():
    assert check_in(meeting(), 28, 1, datetime(2026, 12, 1, 8, 40)) == rules.UNKNOWN
    assert check_in(None, 27, 1, datetime(2026, 12, 1, 8, 40)) == rules.UNKNOWN
    assert check_in(meeting(birth_date=None), 27, 1, datetime(2026, 12, 1, 8, 40)) == rules.UNKNOWN


def test_the_check_in_window_runs_from_two_hours_before_to_half_an_hour_after_the_start():
    assert check_in_by_code(meeting(), datetime(2026, 12, 1, 7, 0)) == rules.OK
    assert check_in_by_code(meeting(), datetime(2026, 12, 1, 6, 59)) == rules.TOO_EARLY
    assert check_in_by_code(meeting(), datetime(2026, 12, 1, 9, 30)) == rules.OK
    assert check_in_by_code(meeting(), datetime(2026, 12, 1, 9, 31)) == rules.TOO_LATE


def test_the_day_is_the_day_in_copenhagen_not_in_utc():
    late = meeting(starts_at=datetime(2026, 12, 1, 22, 30))  # 23:30 on 1 December in Copenhagen
    assert check_in_by_code(late, datetime(2026, 12, 1, 22, 0)) == rules.OK
    after_midnight = meeting(starts_at=datetime(2026, 12, 1, 23, 30))  # 00:30 on 2 December in Copenhagen
    assert check_in_by_code(after_midnight, datetime(2026, 12, 1, 22, 0)) == rules.NOT_TODAY


def test_cancelled_other_days_and_repeat_check_ins_are_told_apart():
    assert check_in_by_code(meeting(status="cancelled"), datetime(2026, 12, 1, 8, 0)) == rules.CANCELLED
    assert check_in_by_code(meeting(), datetime(2026, 11, 30, 9, 0)) == rules.NOT_TODAY
    again = meeting(checked_in_at=datetime(2026, 12, 1, 8, 0))
    assert check_in_by_code(again, datetime(2026, 12, 1, 8, 5)) == rules.ALREADY
