"""Local staff accounts lock after repeated wrong passwords, so a guessed password cannot open citizens' data."""


def after_failed_attempt(failed_logins: int, limit: int) -> tuple[int, bool]:
    """Return the new count and whether the account must now be locked."""
    count = failed_logins + 1
    return count, count >= limit
