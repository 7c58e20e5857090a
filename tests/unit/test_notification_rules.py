"""Notification timing without Flask: quiet hours in Copenhagen time, reminder windows, backoff."""

from datetime import datetime, timedelta

from selfservice.rules import notifications as rules


def test_quiet_hours_are_21_to_8_copenhagen_time_in_winter_and_summer():
    assert rules.in_quiet_hours(datetime(2026, 12, 1, 20, 30))  # 21:30 in winter (UTC+1)
    assert not rules.in_quiet_hours(datetime(2026, 12, 1, 19, 30))  # 20:30
    assert rules.in_quiet_hours(datetime(2026, 7, 1, 5, 30))  # 07:30 in summer (UTC+2)
    assert not rules.in_quiet_hours(datetime(2026, 7, 1, 6, 0))  # 08:00


def test_what_falls_due_in_quiet_hours_waits_until_eight():
    assert rules.next_allowed(datetime(2026, 12, 1, 21, 0)) == datetime(2026, 12, 2, 7, 0)  # 22:00 → 08:00
    assert rules.next_allowed(datetime(2026, 12, 2, 5, 0)) == datetime(2026, 12, 2, 7, 0)  # 06:00 → 08:00
    noon = datetime(2026, 12, 2, 11, 0)
    assert rules.next_allowed(noon) == noon


def test_reminders_are_due_24_and_2_hours_before_and_not_after_the_start():
    start = datetime(2026, 12, 3, 9, 0)
    assert rules.reminders_due(start, start - timedelta(hours=25)) == []
    assert rules.reminders_due(start, start - timedelta(hours=23)) == ["reminder24"]
    assert rules.reminders_due(start, start - timedelta(hours=1)) == ["reminder2"]
    assert rules.reminders_due(start, start) == []


def test_backoff_doubles_and_is_capped():
    assert [rules.backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert rules.backoff(30) == timedelta(hours=6)
