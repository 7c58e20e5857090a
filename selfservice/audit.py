"""Writing to the audit log.

Why a helper that every staff view calls: GDPR article 9 data must be accounted for — who looked, when, at
what and why — and a citizen can see that list. Entries are added in the same transaction as the work they
describe, so a write without its audit entry cannot be committed.
"""

from flask_login import current_user

from .extensions import db
from .models import AuditEntry, Citizen

READ = "read"
WRITE = "write"


def record(citizen: Citizen, action: str, obj: str, purpose: str, api: bool = False) -> AuditEntry:
    actor = current_user if getattr(current_user, "is_authenticated", False) else None
    entry = AuditEntry(citizen_id=citizen.id, action=action, object=obj, purpose=purpose)
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
    db.session.add(entry)
    return entry
