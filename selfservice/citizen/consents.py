"""The citizen's consents: give and withdraw, each an explicit step, with the full history shown."""

from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user

from .. import labels
from ..access import citizen_required
from ..rules import consents as rules
from . import bp
from .store import consent_events, consent_state, decide_consent


@bp.route("/consents", methods=["GET", "POST"])
@citizen_required()
def consents():
    if request.method == "POST":
        kind, action = request.form.get("kind"), request.form.get("action")
        if kind not in rules.KINDS or action not in ("grant", "withdraw"):
            abort(400)
        decide_consent(current_user, kind, granted=action == "grant")
        return redirect(url_for("citizen.consents", changed=kind))
    events = consent_events(current_user)
    return render_template(
        "citizen/consents.html",
        state=consent_state(current_user),
        events=list(reversed(events)),
        labels=labels.now(),
        kinds=rules.KINDS,
    )
