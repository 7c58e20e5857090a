"""The lockout counters, changed only by single conditional UPDATE statements.

Why: reading a counter, adding one in Python and writing it back loses updates when requests run in parallel; the
security review counted 11 wrong dates of birth against a limit of 5, and the right date still signed in (F3). Here
every wrong attempt is one ``UPDATE … SET n = n + 1 WHERE … RETURNING n``, so the database serialises them and
each request learns the count its own attempt produced. A correct answer signs in only through an UPDATE whose WHERE
clause says the code or account is still usable, so a burst of wrong guesses cannot be outrun by a right one.

RETURNING works on SQLite from 3.35 and on PostgreSQL. The caller commits.
"""

import json
from datetime import datetime

from sqlalchemy import Text, cast, or_, select, update

from ..extensions import db
from ..models import Invitation, StaffUser, utcnow
from ..rules import invitations, lockout


def _invitation_still_usable(now: datetime) -> tuple:
    return (
        Invitation.revoked_at.is_(None),
        Invitation.expires_at > now,
        Invitation.failed_attempts < invitations.MAX_FAILED_ATTEMPTS,
    )


def count_wrong_birth_date(invitation_id: int, now: datetime) -> int | None:
    """Add one wrong date to a usable code; the new count, or None if the code was no longer usable."""
    statement = (
        update(Invitation)
        .where(Invitation.id == invitation_id, *_invitation_still_usable(now))
        .values(failed_attempts=Invitation.failed_attempts + 1)
        .returning(Invitation.failed_attempts)
        .execution_options(synchronize_session=False)
    )
    return db.session.execute(statement).scalar_one_or_none()


def use_invitation(invitation_id: int, now: datetime) -> bool:
    """Sign-in with a code and the right date: only if the code is still usable at this very moment."""
    statement = (
        update(Invitation)
        .where(Invitation.id == invitation_id, *_invitation_still_usable(now))
        .values(failed_attempts=0, last_used_at=now)
        .returning(Invitation.id)
        .execution_options(synchronize_session=False)
    )
    return db.session.execute(statement).scalar_one_or_none() is not None


def _staff_may_sign_in(limit: int) -> tuple:
    return StaffUser.locked_at.is_(None), StaffUser.failed_logins < limit


def count_wrong_staff_attempt(user_id: int, limit: int) -> tuple[int | None, bool]:
    """Add one wrong password or code. Returns (new count or None if already locked, whether this attempt locked).

    Exactly one request sees the count reach the limit, so the account is locked, and its sessions ended, once.
    """
    count = db.session.execute(
        update(StaffUser)
        .where(StaffUser.id == user_id, *_staff_may_sign_in(limit))
        .values(failed_logins=StaffUser.failed_logins + 1)
        .returning(StaffUser.failed_logins)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if count is None or not lockout.is_lock(count, limit):
        return count, False
    locked = db.session.execute(
        update(StaffUser)
        .where(StaffUser.id == user_id, StaffUser.locked_at.is_(None))
        .values(locked_at=utcnow())
        .returning(StaffUser.id)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    return count, locked is not None


def staff_may_continue(user_id: int, limit: int) -> bool:
    """Read the counter fresh from the database: a password step must not go on once the account is locked."""
    row = db.session.execute(
        select(StaffUser.locked_at, StaffUser.failed_logins).where(StaffUser.id == user_id)
    ).one_or_none()
    return row is not None and row.locked_at is None and lockout.may_sign_in(row.failed_logins, limit)


def complete_with_code(user_id: int, limit: int, step: int) -> bool:
    """The last step of a sign-in with a one-time code: resets the counter and uses up the code's time step."""
    statement = (
        update(StaffUser)
        .where(
            StaffUser.id == user_id,
            *_staff_may_sign_in(limit),
            StaffUser.totp_confirmed_at.is_not(None),
            or_(StaffUser.totp_last_step.is_(None), StaffUser.totp_last_step < step),
        )
        .values(failed_logins=0, totp_last_step=step)
        .returning(StaffUser.id)
        .execution_options(synchronize_session=False)
    )
    return db.session.execute(statement).scalar_one_or_none() is not None


def confirm_enrolment(user_id: int, limit: int, secret: str, step: int, recovery_hashes: list[str]) -> bool:
    """Store a newly confirmed authenticator, unless another set-up finished first or the account locked."""
    statement = (
        update(StaffUser)
        .where(StaffUser.id == user_id, *_staff_may_sign_in(limit), StaffUser.totp_confirmed_at.is_(None))
        .values(
            failed_logins=0,
            totp_secret=secret,
            totp_confirmed_at=utcnow(),
            totp_last_step=step,
            recovery_code_hashes=recovery_hashes,
        )
        .returning(StaffUser.id)
        .execution_options(synchronize_session=False)
    )
    return db.session.execute(statement).scalar_one_or_none() is not None


def stored_recovery_codes(user_id: int) -> tuple[str, list[str]] | None:
    """The column exactly as stored (for the compare-and-set below) and the hashes it holds."""
    raw = db.session.execute(
        select(cast(StaffUser.recovery_code_hashes, Text)).where(StaffUser.id == user_id)
    ).scalar_one_or_none()
    if raw is None:
        return None
    try:
        hashes = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(hashes, list):
        return raw, []
    return raw, [stored for stored in hashes if isinstance(stored, str)]


def complete_with_recovery_code(user_id: int, limit: int, stored_raw: str, remaining: list[str]) -> bool:
    """Remove a used recovery code, but only if nobody changed the list since it was read (compare and set).

    Why compare the whole stored text: two parallel uses of the same code, or of two different codes, would
    otherwise each write a list computed from the same old one, and a used code could come back.
    """
    statement = (
        update(StaffUser)
        .where(
            StaffUser.id == user_id,
            *_staff_may_sign_in(limit),
            cast(StaffUser.recovery_code_hashes, Text) == stored_raw,
        )
        .values(failed_logins=0, recovery_code_hashes=remaining)
        .returning(StaffUser.id)
        .execution_options(synchronize_session=False)
    )
    return db.session.execute(statement).scalar_one_or_none() is not None
