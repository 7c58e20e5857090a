"""Invitation codes for citizens without MitID.

Codes are 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown in groups of four so they can
be read aloud over the phone; about 60 bits of randomness, and only a hash is stored.
"""

import hashlib
import secrets
from datetime import date, datetime, timedelta

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12
MAX_FAILED_ATTEMPTS = 5


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def normalise(code: str) -> str:
    """What a person types: any case, with or without spaces and dashes."""
    cleaned = "".join(ch for ch in code.upper() if ch.isascii() and ch.isalnum())
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def expiry(issued_at: datetime, valid_days: int) -> datetime:
    return issued_at + timedelta(days=valid_days)


def is_usable(expires_at: datetime, revoked_at: datetime | None, failed_attempts: int, now: datetime) -> bool:
    return why_unusable(expires_at, revoked_at, failed_attempts, now) is None


def why_unusable(expires_at: datetime, revoked_at: datetime | None, failed_attempts: int, now: datetime) -> str | None:
    """None while the code works; otherwise a fixed word for the security log ("revoked", "expired", "locked").

    A session opened with a code lives only as long as the code: revoking or replacing it, its expiry or too many
    wrong dates of birth end that session too.
    """
    if revoked_at is not None:
        return "revoked"
    if now >= expires_at:
        return "expired"
    if failed_attempts >= MAX_FAILED_ATTEMPTS:
        return "locked"
    return None


def is_lock(failed_attempts: int) -> bool:
    """True when the count an atomic increment returned is the one that makes the code unusable."""
    return failed_attempts >= MAX_FAILED_ATTEMPTS


def birth_date_matches(expected: date | None, given: date) -> bool:
    return expected is not None and expected == given
