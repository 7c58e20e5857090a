from flask import render_template
from flask_login import current_user
from sqlalchemy import select

from .. import labels
from ..access import citizen_required, signed_in_with_invitation
from ..extensions import db
from ..meetings import store as meetings
from ..models import AuditEntry, Message
from . import bp


@bp.get("/")
@citizen_required(allow_invitation=True)
def home():
    from ..preparation.store import form_for

    return render_template(
        "citizen/home.html",
        invited=signed_in_with_invitation(),
        labels=labels,
        citizen=current_user,
        form=form_for(current_user, create=False),
        unread=db.session.scalar(
            select(Message.id)
            .where(Message.citizen_id == current_user.id, Message.from_citizen.is_(False), Message.read_at.is_(None))
            .limit(1)
        ),
        next_meeting=meetings.next_planned(current_user.id),
    )


@bp.get("/access-log")
@citizen_required()
def access_log():
    """Who (department and role, never a name), when and why staff looked at the citizen's data."""
    entries = db.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.citizen_id == current_user.id, AuditEntry.actor_kind.in_(["staff", "api"]))
        .order_by(AuditEntry.at.desc())
        .limit(200)
    ).all()
    return render_template("citizen/access_log.html", entries=entries, labels=labels)
