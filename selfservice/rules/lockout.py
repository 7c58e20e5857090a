"""Local staff accounts lock after repeated wrong passwords or one-time codes, so a guessed password cannot open
citizens' data.

Why the count is decided here but stored elsewhere: the database increments the counter atomically and hands back
the new value; these functions only say what that value means, so parallel wrong guesses cannot slip past the limit.
"""


def is_lock(count: int, limit: int) -> bool:
    """True when the count an atomic increment returned means the account must be locked now."""
    return count >= limit


def may_sign_in(failed_logins: int, limit: int) -> bool:
    """A correct password or code only counts while fewer wrong attempts than the limit have been made."""
    return failed_logins < limit


def after_failed_attempt(failed_logins: int, limit: int) -> tuple[int, bool]:
    """Return the new count and whether the account must now be locked."""
    count = failed_logins + 1
    return count, is_lock(count, limit)
