"""Password hashing for local staff accounts: argon2id (argon2-cffi's default type)."""

import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    """A hash of a random password nobody knows, made once per process with the same parameters as real ones."""
    return _hasher.hash(secrets.token_urlsafe(32))


def verify_password_or_dummy(stored_hash: str | None, password: str) -> bool:
    """Check a password, spending the same argon2 work when there is no account or no password to check.

    Why: if only existing accounts ran argon2, the response time alone would tell anyone which e-mails have a
    staff account (security review F14).
    """
    if not stored_hash:
        verify_password(_dummy_hash(), password)
        return False
    return verify_password(stored_hash, password)


def warm_up() -> None:
    """Make the dummy hash at start-up, so the first unknown e-mail is not slower than the rest."""
    _dummy_hash()
