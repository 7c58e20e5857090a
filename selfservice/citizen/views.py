from flask import render_template
from flask_login import current_user

from .. import audit, labels
from ..access import citizen_required, signed_in_with_invitation
from ..meetings import store as meetings
from ..messages.thread import unread_from_staff
from . import bp


@bp.get("/")
@citizen_required(allow_invitation=True)
def home():
    from ..preparation.store import get_form

    return render_template(
        "citizen/home.html",
        invited=signed_in_with_invitation(),
        labels=labels.now(),
        citizen=current_user,
        form=get_form(current_user),
        unread=unread_from_staff(current_user.id),
        next_meeting=meetings.next_planned(current_user.id),
    )


@bp.get("/access-log")
@citizen_required()
def access_log():
    """Who (department and role, never a name), when and why staff looked at the citizen's data."""
    entries = audit.staff_reads_of(current_user.id)
    return render_template("citizen/access_log.html", entries=entries, labels=labels.now())
