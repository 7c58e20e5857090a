"""When notifications go out, without Flask: reminders before meetings, quiet hours, and backoff after failures.

Why quiet hours: a text message at 23:00 about tomorrow's meeting wakes people who are already anxious about it.
Nothing is sent between 21:00 and 08:00 Copenhagen time; what falls due then waits until 08:00.
"""

from datetime import datetime, time, timedelta

from .meetings import to_local, to_utc

QUIET_FROM = time(21, 0)
QUIET_UNTIL = time(8, 0)
REMINDERS = {"reminder24": timedelta(hours=24), "reminder2": timedelta(hours=2)}
MAX_BACKOFF = timedelta(hours=6)
MAX_ATTEMPTS = 12


def in_quiet_hours(utc: datetime) -> bool:
    local = to_local(utc).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL


def next_allowed(utc: datetime) -> datetime:
    """The first moment at or after `utc` outside quiet hours (naive UTC in, naive UTC out)."""
    if not in_quiet_hours(utc):
        return utc
    local = to_local(utc).replace(tzinfo=None)
    day = local.date() if local.time() < QUIET_UNTIL else local.date() + timedelta(days=1)
    return to_utc(datetime.combine(day, QUIET_UNTIL))


def reminders_due(starts_at: datetime, now: datetime) -> list[str]:
    """The reminder due now for a meeting, if any: the closest one whose lead time has come (a meeting planned
    90 minutes ahead gets the 2-hour reminder only, not both at once)."""
    due = [
        key for key, lead in sorted(REMINDERS.items(), key=lambda item: item[1]) if starts_at - lead <= now < starts_at
    ]
    return due[:1]


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 … minutes after each failure, at most six hours."""
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)
