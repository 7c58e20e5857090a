"""Writing to the audit log.

Why a helper that every staff view calls: GDPR article 9 data must be accounted for — who looked, when, at
what and why — and a citizen can see that list. Entries are added in the same transaction as the work they
describe, so a write without its audit entry cannot be committed.

Lists (the inbox, today's meetings, the queue of forms) show several citizens at once: `record_many` writes one
entry per citizen shown. A page that refreshes itself, or a form that saves as the caseworker types, would bury the
citizen's log in identical lines, so those calls pass `once_per`: an identical entry (same person, citizen,
action, object and purpose) newer than that is not written again.
"""

from collections.abc import Iterable
from datetime import timedelta

from flask import Flask, g, has_request_context
from flask_login import current_user
from sqlalchemy import select

from .extensions import db
from .models import AuditEntry, Citizen, utcnow

READ = "read"
WRITE = "write"
# A list page (the inbox, today's meetings) is opened again and again, and refreshes itself: one entry per citizen
# per ten minutes says the same as one per view.
LIST_WINDOW = timedelta(minutes=10)


def _new_entry(citizen_id: int, action: str, obj: str, purpose: str, api: bool) -> AuditEntry:
    actor = current_user if getattr(current_user, "is_authenticated", False) else None
    entry = AuditEntry(citizen_id=citizen_id, action=action, object=obj, purpose=purpose)
    if api:
        # The municipality's case system, through an API token (named in the DPO's export via the role).
        entry.actor_kind, entry.actor_role, entry.actor_department = "api", "case_system", "employment"
    elif actor is not None and actor.is_staff:
        entry.actor_kind = "staff"
        entry.actor_id = actor.id
        entry.actor_role = actor.role
        entry.actor_department = actor.team.department if actor.team else None
    elif actor is not None:
        entry.actor_kind = "citizen"
    else:
        entry.actor_kind = "system"
    return entry


def _note(citizen_id: int) -> None:
    if has_request_context():
        g.setdefault("audited_citizens", set()).add(citizen_id)


def touch(citizen: Citizen, obj: str, purpose: str = "casework") -> None:
    """A staff view has looked up this citizen (or their meeting, form, activity or request).

    Why: the ownership helpers (`own_citizen`, `own_meeting`, `own_form`) call this, and `init_app` makes sure every
    request that touched a citizen and showed or changed something leaves a READ entry, even where the view forgot
    to write one. A view that records its own, more precise entry (a WRITE, another object) is left alone.
    """
    if has_request_context():
        g.setdefault("touched_citizens", {}).setdefault(citizen.id, (obj, purpose))


def recorded_in_this_request(citizen: Citizen) -> bool:
    return has_request_context() and citizen.id in g.get("audited_citizens", set())


def _recent(citizen_ids: set[int], action: str, obj: str, purpose: str, window: timedelta) -> set[int]:
    """Citizens who already have this very entry by the same person within `window`."""
    actor_id = current_user.id if getattr(current_user, "is_staff", False) else None
    if not citizen_ids or actor_id is None:
        return set()
    return set(
        db.session.scalars(
            select(AuditEntry.citizen_id).where(
                AuditEntry.citizen_id.in_(citizen_ids),
                AuditEntry.actor_id == actor_id,
                AuditEntry.action == action,
                AuditEntry.object == obj,
                AuditEntry.purpose == purpose,
                AuditEntry.at > utcnow() - window,
            )
        )
    )


def record(
    citizen: Citizen, action: str, obj: str, purpose: str, api: bool = False, once_per: timedelta | None = None
) -> AuditEntry | None:
    _note(citizen.id)
    if once_per is not None and _recent({citizen.id}, action, obj, purpose, once_per):
        return None
    entry = _new_entry(citizen.id, action, obj, purpose, api)
    db.session.add(entry)
    return entry


def record_many(
    citizens: Iterable[Citizen], action: str, obj: str, purpose: str, once_per: timedelta | None = None
) -> int:
    """One entry for each citizen a list shows (each citizen once). Returns how many were written."""
    ids = {citizen.id for citizen in citizens}
    for citizen_id in ids:
        _note(citizen_id)
    skip = _recent(ids, action, obj, purpose, once_per) if once_per is not None else set()
    entries = [_new_entry(citizen_id, action, obj, purpose, False) for citizen_id in sorted(ids - skip)]
    db.session.add_all(entries)
    return len(entries)


def init_app(app: Flask) -> None:
    @app.after_request
    def every_staff_read_is_logged(response):
        touched = g.get("touched_citizens") or {}
        if not touched or response.status_code in (403, 404) or response.status_code >= 500:
            return response
        missing = {cid: what for cid, what in touched.items() if cid not in g.get("audited_citizens", set())}
        for citizen_id, (obj, purpose) in missing.items():
            db.session.add(_new_entry(citizen_id, READ, obj, purpose, False))
        if missing:
            db.session.commit()
        return response


def staff_reads_of(citizen_id: int, limit: int = 200) -> list[AuditEntry]:
    """What staff and the case system did with the citizen's data, newest first (the citizen's access log)."""
    return list(
        db.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.citizen_id == citizen_id, AuditEntry.actor_kind.in_(["staff", "api"]))
            .order_by(AuditEntry.at.desc())
            .limit(limit)
        )
    )
