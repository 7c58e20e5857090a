"""What needs a caseworker first: how long something has waited, what ends or expires soon, and paging.

Plain functions so that the Today page, the team list and their tests agree on every boundary (a message that
has waited exactly two days is late; an activity ending in exactly 14 days is "ending soon").
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

LATE_AFTER = timedelta(days=2)  # a message or request older than this is marked late on the Today page
ENDING_WITHIN_DAYS = 14  # activities ending within this many days are listed
CODE_EXPIRES_WITHIN = timedelta(days=3)  # sign-in codes expiring within this are listed
PAGE_SIZE = 50


@dataclass(frozen=True)
class Waited:
    """How long something has waited, in the largest whole unit: (3, "days"), (5, "hours"), (20, "minutes")."""

    amount: int
    unit: str
    late: bool


def waited(since: datetime, now: datetime) -> Waited:
    gone = max(now - since, timedelta(0))
    late = gone >= LATE_AFTER
    if gone >= timedelta(days=1):
        return Waited(gone.days, "days", late)
    if gone >= timedelta(hours=1):
        return Waited(int(gone.total_seconds() // 3600), "hours", late)
    return Waited(int(gone.total_seconds() // 60), "minutes", late)


def ending_window(today: date) -> tuple[date, date]:
    """Activities ending from today up to and including 14 days from now (the Today page's query uses this)."""
    return today, today + timedelta(days=ENDING_WITHIN_DAYS)


def ends_soon(end: date | None, today: date) -> bool:
    first, last = ending_window(today)
    return end is not None and first <= end <= last


def expiry_window(now: datetime) -> tuple[datetime, datetime]:
    """Codes that still work (expiring after `now`) but stop working by three days from now."""
    return now, now + CODE_EXPIRES_WITHIN


def expires_soon(expires_at: datetime, now: datetime) -> bool:
    after, until = expiry_window(now)
    return after < expires_at <= until


def week_of(day: date) -> tuple[date, date]:
    """Monday and the following Monday of the week `day` is in (Danish weeks start on Monday)."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=7)


def pages(total: int, page: int, size: int = PAGE_SIZE) -> tuple[int, int]:
    """(the page to show, how many pages): a page outside 1..last shows the nearest one."""
    last = max(1, -(-total // size))
    return min(max(page, 1), last), last
