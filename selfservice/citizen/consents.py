"""The citizen's consents: give and withdraw, each an explicit step, with the full history shown."""

from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from .. import labels
from ..access import citizen_required
from ..extensions import db
from ..models import Citizen, ConsentEvent
from ..rules import consents as rules
from . import bp


def consent_events(citizen: Citizen) -> list[ConsentEvent]:
    return list(
        db.session.scalars(
            select(ConsentEvent).where(ConsentEvent.citizen_id == citizen.id).order_by(ConsentEvent.at, ConsentEvent.id)
        )
    )


def consent_state(citizen: Citizen) -> dict[str, bool]:
    return rules.current([(e.kind, e.granted, (e.at, e.id)) for e in consent_events(citizen)])


@bp.route("/consents", methods=["GET", "POST"])
@citizen_required()
def consents():
    if request.method == "POST":
        kind, action = request.form.get("kind"), request.form.get("action")
        if kind not in rules.KINDS or action not in ("grant", "withdraw"):
            abort(400)
        granted = action == "grant"
        if consent_state(current_user)[kind] != granted:  # pressing twice records one decision
            db.session.add(ConsentEvent(citizen_id=current_user.id, kind=kind, granted=granted))
            db.session.commit()
        return redirect(url_for("citizen.consents", changed=kind))
    events = consent_events(current_user)
    return render_template(
        "citizen/consents.html",
        state=consent_state(current_user),
        events=list(reversed(events)),
        labels=labels,
        kinds=rules.KINDS,
    )
