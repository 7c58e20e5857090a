"""The Today page's rules at their boundaries: late after exactly two days, ending within exactly 14 days, codes
expiring within three days, Danish weeks from Monday, and pages outside the range showing the nearest one."""

from datetime import date, datetime, timedelta

import pytest

from selfservice.rules import team_meeting, workload

NOW = datetime(2026, 12, 6, 12, 0)


@pytest.mark.parametrize(
    ("waited_for", "expected"),
    [
        (timedelta(minutes=0), (0, "minutes", False)),
        (timedelta(minutes=59), (59, "minutes", False)),
        (timedelta(hours=1), (1, "hours", False)),
        (timedelta(hours=23, minutes=59), (23, "hours", False)),
        (timedelta(days=1), (1, "days", False)),
        (timedelta(days=2) - timedelta(seconds=1), (1, "days", False)),
        (timedelta(days=2), (2, "days", True)),
        (timedelta(days=9), (9, "days", True)),
        (-timedelta(hours=3), (0, "minutes", False)),  # a clock a little ahead is "just now", never negative
    ],
)
def test_how_long_something_waited_and_when_it_is_late(waited_for, expected):
    w = workload.waited(NOW - waited_for, NOW)
    assert (w.amount, w.unit, w.late) == expected


@pytest.mark.parametrize(("days", "soon"), [(-1, False), (0, True), (13, True), (14, True), (15, False)])
def test_an_activity_ends_soon_from_today_up_to_and_including_14_days(days, soon):
    today = date(2026, 12, 6)
    assert workload.ends_soon(today + timedelta(days=days), today) is soon
    assert workload.ends_soon(None, today) is False


@pytest.mark.parametrize(
    ("left", "soon"),
    [
        (timedelta(0), False),
        (timedelta(seconds=1), True),
        (timedelta(days=3), True),
        (timedelta(days=3, seconds=1), False),
    ],
)
def test_a_code_expires_soon_while_it_still_works_and_within_three_days(left, soon):
    assert workload.expires_soon(NOW + left, NOW) is soon


def test_weeks_start_on_monday():
    assert workload.week_of(date(2026, 12, 6)) == (date(2026, 11, 30), date(2026, 12, 7))  # a Sunday
    assert workload.week_of(date(2026, 12, 7)) == (date(2026, 12, 7), date(2026, 12, 14))  # a Monday


@pytest.mark.parametrize(
    ("total", "asked", "expected"),
    [(0, 1, (1, 1)), (50, 1, (1, 1)), (51, 2, (2, 2)), (120, 3, (3, 3)), (120, 9, (3, 3)), (120, 0, (1, 3))],
)
def test_pages_of_fifty(total, asked, expected):
    assert workload.pages(total, asked) == expected


def test_minutes_wait_for_the_recommendation_the_mentor_decision_and_the_outcome():
    assert team_meeting.missing_before_minutes(None, None, None) == ["recommendation", "mentor", "outcome"]
    assert team_meeting.missing_before_minutes("  ", "maybe", "x") == ["recommendation", "mentor"]
    assert team_meeting.missing_before_minutes("Praktik", "not_now", "Ny samtale") == []


def test_team_departments_are_known_once_each_in_a_fixed_order():
    assert team_meeting.valid_departments(["health", "unknown", "employment", "health"]) == ["employment", "health"]
