"""The joint session of "fill in together": the citizen opens their form to one caseworker, for a while.

Why a code from the citizen's screen: a caseworker's access to the team's citizens must not be access to what a
citizen has written but not sent. The citizen (on their phone, or signed in with their invitation code) asks for a
short code and reads it out; the caseworker types it in. The code is single use, lives 10 minutes, only its hash is
stored, and wrong guesses are counted in one atomic UPDATE, so parallel guessing cannot outrun the limit. A form
with no answers yet can be started without a code: there is nothing of the citizen's to see.

The grant is kept on the form (who and until when), so the citizen sees it and can end it at any moment.
"""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from sqlalchemy import update

from ..extensions import db, rows_changed
from ..models import PreparationForm, StaffUser, utcnow

CODE_VALID = timedelta(minutes=10)
GRANT = timedelta(hours=2)
MAX_CODE_ATTEMPTS = 5
CODE_DIGITS = 6


def _hash(form: PreparationForm, code: str) -> str:
    return hashlib.sha256(f"{form.id}:{code}".encode()).hexdigest()


def normalise(code: str | None) -> str:
    return "".join(ch for ch in (code or "") if ch.isdigit())


def issue_code(form: PreparationForm) -> str:
    """A new code for the citizen to read out; any earlier code stops working."""
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    form.together_code_hash = _hash(form, code)
    form.together_code_expires_at = utcnow() + CODE_VALID
    form.together_code_attempts = 0
    db.session.commit()
    return code


def redeem(form: PreparationForm, staff: StaffUser, code: str | None) -> bool:
    """Open the joint session if `code` is the one the citizen's screen shows. Each try counts, atomically."""
    now = utcnow()
    counted = db.session.execute(
        update(PreparationForm)
        .where(
            PreparationForm.id == form.id,
            PreparationForm.together_code_hash.is_not(None),
            PreparationForm.together_code_expires_at > now,
            PreparationForm.together_code_attempts < MAX_CODE_ATTEMPTS,
        )
        .values(together_code_attempts=PreparationForm.together_code_attempts + 1)
        .returning(PreparationForm.together_code_hash)
    ).first()
    if counted is None or not hmac.compare_digest(counted[0], _hash(form, normalise(code))):
        db.session.commit()
        return False
    # Single use: only the request that clears this very code opens the session.
    used = rows_changed(
        update(PreparationForm)
        .where(PreparationForm.id == form.id, PreparationForm.together_code_hash == counted[0])
        .values(together_code_hash=None, together_code_expires_at=None, together_code_attempts=0)
    )
    if used != 1:
        db.session.rollback()
        return False
    _grant(form, staff, now)
    return True


def start_empty(form: PreparationForm, staff: StaffUser) -> bool:
    """A form nobody has written in yet may be started together without a code."""
    if form.answers or form.completed_steps:
        return False
    _grant(form, staff, utcnow())
    return True


def _grant(form: PreparationForm, staff: StaffUser, now: datetime) -> None:
    db.session.execute(
        update(PreparationForm)
        .where(PreparationForm.id == form.id)
        .values(together_granted_to_id=staff.id, together_granted_until=now + GRANT)
    )
    db.session.commit()
    db.session.refresh(form)


def is_open_for(form: PreparationForm, staff: StaffUser) -> bool:
    return (
        form.together_granted_to_id == staff.id
        and form.together_granted_until is not None
        and form.together_granted_until > utcnow()
    )


def open_until(form: PreparationForm) -> datetime | None:
    """When the current joint session ends, or None when there is none (what the citizen's page shows)."""
    until = form.together_granted_until
    return until if form.together_granted_to_id is not None and until is not None and until > utcnow() else None


def end(form: PreparationForm) -> None:
    """The citizen stops sharing: the caseworker's next page asks for a new code."""
    form.together_granted_to_id = None
    form.together_granted_until = None
    form.together_code_hash = None
    form.together_code_expires_at = None
    db.session.commit()


def code_valid_until(form: PreparationForm) -> datetime | None:
    expires = form.together_code_expires_at
    if form.together_code_hash is None or expires is None or expires <= utcnow():
        return None
    return expires
