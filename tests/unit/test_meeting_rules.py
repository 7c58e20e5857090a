"""Meeting rules without Flask: local time across summer time, the video link window, when requests are possible."""

from datetime import datetime, timedelta

from selfservice.rules import meetings as rules


def test_copenhagen_wall_clock_time_converts_to_utc_on_both_sides_of_the_change_to_winter_time():
    # Summer time ends on the last Sunday of October (25 October 2026).
    assert rules.to_utc(datetime(2026, 10, 23, 10, 0)) == datetime(2026, 10, 23, 8, 0)
    assert rules.to_utc(datetime(2026, 10, 26, 10, 0)) == datetime(2026, 10, 26, 9, 0)
    assert rules.to_local(datetime(2026, 10, 26, 9, 0)).hour == 10


def test_the_video_link_shows_from_15_minutes_before_until_the_end():
    start = datetime(2026, 12, 1, 9, 0)
    assert not rules.video_link_visible("video", start, 60, start - timedelta(minutes=16))
    assert rules.video_link_visible("video", start, 60, start - timedelta(minutes=15))
    assert rules.video_link_visible("video", start, 60, start + timedelta(minutes=59))
    assert not rules.video_link_visible("video", start, 60, start + timedelta(minutes=61))
    assert not rules.video_link_visible("in_person", start, 60, start)


def test_requests_are_possible_only_for_planned_meetings_that_have_not_started():
    start = datetime(2026, 12, 1, 9, 0)
    assert rules.may_request("sick", "planned", start, start - timedelta(hours=1))
    assert not rules.may_request("sick", "planned", start, start)
    assert not rules.may_request("move", "cancelled", start, start - timedelta(days=1))
    assert not rules.may_request("delete", "planned", start, start - timedelta(days=1))
