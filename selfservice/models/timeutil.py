"""Times are stored as naive UTC everywhere: SQLite keeps no time zone, so one convention keeps both databases
equal. Pages convert to Europe/Copenhagen when they show a time."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
