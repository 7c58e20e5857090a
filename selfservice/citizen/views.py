from flask import render_template
from flask_login import current_user
from sqlalchemy import select

from .. import labels
from ..access import citizen_required, signed_in_with_invitation
from ..extensions import db
from ..models import AuditEntry, Meeting, Message, utcnow
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
        next_meeting=db.session.scalar(
            select(Meeting)
            .where(Meeting.citizen_id == current_user.id, Meeting.status == "planned", Meeting.starts_at >= utcnow())
            .order_by(Meeting.starts_at)
            .limit(1)
        ),
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
