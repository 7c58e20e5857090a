"""Every change of citizens, their invitation codes and their consents, in one place.

Why a store: the case system's API, the caseworker's pages, the citizen's own pages and the demo data all write
citizens, codes and consents. Each change here checks its rule (rules/invitations.py, rules/consents.py), writes the
access-log entry with the actor's purpose and commits, so no caller can forget one of them.
"""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager

from .. import audit
from ..extensions import db
from ..models import Citizen, ConsentEvent, Invitation, Team, utcnow
from ..rules import consents as consent_rules
from ..rules import invitations as rules

# What the case system may set on a citizen besides the name, team and birth date.
FIELDS = ("situation", "language", "email", "phone", "birth_date")


class Conflict(Exception):
    """The change collides with another citizen (for example an e-mail address or id already in use)."""


def by_public_id(public_id: str) -> Citizen | None:
    return db.session.scalar(select(Citizen).where(Citizen.public_id == public_id))


def by_external_id(external_id: str) -> Citizen | None:
    return db.session.scalar(select(Citizen).where(Citizen.external_id == external_id))


def by_identity(issuer: str, subject: str) -> Citizen | None:
    """The citizen MitID (or the demo provider) names."""
    return db.session.scalar(select(Citizen).where(Citizen.oidc_issuer == issuer, Citizen.oidc_subject == subject))


def invitation_by_code(code: str) -> Invitation | None:
    """The invitation a typed code belongs to (only the code's hash is stored), usable or not."""
    return db.session.scalar(select(Invitation).where(Invitation.code_hash == rules.code_hash(code)))


def of_team(team_id: int) -> list[Citizen]:
    return list(db.session.scalars(select(Citizen).where(Citizen.team_id == team_id).order_by(Citizen.name)))


def register(name: str, birth_date, situation: str | None, team_id: int) -> Citizen:
    """A caseworker registers a citizen the case system has not sent (yet)."""
    citizen = Citizen(name=name, birth_date=birth_date, situation=situation, team_id=team_id)
    db.session.add(citizen)
    db.session.flush()
    audit.record(citizen, audit.WRITE, "citizen_record", "registration")
    db.session.commit()
    return citizen


def team_named(name: str) -> Team:
    """The team of that name, created the first time the case system names it."""
    team = db.session.scalar(select(Team).where(Team.name == name))
    if team is None:
        team = Team(name=name)
        db.session.add(team)
    return team


def upsert_from_case_system(external_id: str, name: str, team_name: str, fields: dict) -> tuple[Citizen, bool]:
    """Create or update the citizen the case system sends; (citizen, created). Raises Conflict."""
    citizen = by_external_id(external_id)
    created = citizen is None
    if citizen is None:
        citizen = Citizen(external_id=external_id, name=name)
        db.session.add(citizen)
    citizen.name, citizen.team = name, team_named(team_name)
    for field in FIELDS:
        if field in fields:
            setattr(citizen, field, fields[field])
    try:
        db.session.flush()
        audit.record(citizen, audit.WRITE, "citizen_record", "case_system", api=True)
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise Conflict from error
    return citizen, created


def active_invitations(citizen: Citizen, now: datetime | None = None) -> list[Invitation]:
    return list(
        db.session.scalars(
            select(Invitation).where(
                Invitation.citizen_id == citizen.id,
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > (now or utcnow()),
            )
        )
    )


def invitations_expiring(team_id: int, after: datetime, until: datetime) -> list[Invitation]:
    """The team's sign-in codes that still work but stop working by `until`, soonest first (the Today page)."""
    return list(
        db.session.scalars(
            select(Invitation)
            .join(Citizen, Citizen.id == Invitation.citizen_id)
            .options(contains_eager(Invitation.citizen))
            .where(
                Citizen.team_id == team_id,
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > after,
                Invitation.expires_at <= until,
            )
            .order_by(Invitation.expires_at)
        )
    )


def issue_invitation(citizen: Citizen, staff_id: int | None, valid_days: int, now: datetime | None = None):
    """A new sign-in code; (code, invitation). One valid code per citizen: a new one retires the earlier code.

    The code itself is returned once, to be shown to the citizen; only its hash is stored.
    """
    now = now or utcnow()
    for old in db.session.scalars(
        select(Invitation).where(Invitation.citizen_id == citizen.id, Invitation.revoked_at.is_(None))
    ):
        old.revoked_at = now
    code = rules.new_code()
    invitation = Invitation(
        citizen_id=citizen.id,
        code_hash=rules.code_hash(code),
        issued_by_id=staff_id,
        created_at=now,
        expires_at=rules.expiry(now, valid_days),
    )
    db.session.add(invitation)
    if staff_id is not None:
        audit.record(citizen, audit.WRITE, "invitation", "invitation")
    db.session.commit()
    return code, invitation


def consent_events(citizen: Citizen) -> list[ConsentEvent]:
    return list(
        db.session.scalars(
            select(ConsentEvent).where(ConsentEvent.citizen_id == citizen.id).order_by(ConsentEvent.at, ConsentEvent.id)
        )
    )


def consent_state(citizen: Citizen) -> dict[str, bool]:
    return consent_rules.current([(e.kind, e.granted, (e.at, e.id)) for e in consent_events(citizen)])


def decide_consent(citizen: Citizen, kind: str, granted: bool) -> bool:
    """The citizen gives or withdraws a consent; pressing twice records one decision. True if it changed."""
    if kind not in consent_rules.KINDS:
        raise ValueError(kind)
    if consent_state(citizen)[kind] == granted:
        return False
    db.session.add(ConsentEvent(citizen_id=citizen.id, kind=kind, granted=granted))
    db.session.commit()
    return True
