from flask import abort, current_app, redirect, render_template, url_for
from flask_login import current_user

from .. import audit, labels
from ..access import staff_required
from ..citizen import store as citizen_store
from ..extensions import db
from ..meetings import store as meeting_store
from ..scope import own_citizen
from . import bp
from .forms import InvitationForm, NewCitizenForm


@bp.get("/")
@staff_required()
def citizens():
    rows = []
    if current_user.team_id is not None:
        rows = citizen_store.of_team(current_user.team_id)
    page = render_template("caseworker/citizens.html", citizens=rows, labels=labels.now())
    audit.record_many(rows, audit.READ, "citizen_list", "casework", once_per=audit.LIST_WINDOW)
    db.session.commit()
    return page


@bp.route("/citizens/new", methods=["GET", "POST"])
@staff_required()
def new_citizen():
    if current_user.team_id is None:
        abort(403)
    form = NewCitizenForm()
    if form.validate_on_submit():
        citizen = citizen_store.register(
            (form.name.data or "").strip(), form.birth_date(), form.situation.data or None, current_user.team_id
        )
        return redirect(url_for("caseworker.citizen", public_id=citizen.public_id))
    return render_template("caseworker/new_citizen.html", form=form), (400 if form.errors else 200)


@bp.get("/citizens/<public_id>")
@staff_required()
def citizen(public_id: str):
    person = own_citizen(public_id)
    audit.record(person, audit.READ, "profile", "casework")
    db.session.commit()
    active = citizen_store.active_invitations(person)
    meetings = meeting_store.of_citizen(person.id, newest_first=True, limit=20)
    return render_template(
        "caseworker/citizen.html",
        citizen=person,
        labels=labels.now(),
        invitations=active,
        form=InvitationForm(),
        meetings=meetings,
        consents=citizen_store.consent_state(person),
    )


@bp.post("/citizens/<public_id>/invitation")
@staff_required()
def issue_invitation(public_id: str):
    person = own_citizen(public_id)
    form = InvitationForm()
    if not form.validate_on_submit():
        abort(400)
    valid_days = current_app.config["INVITATION_VALID_DAYS"]
    code, invitation = citizen_store.issue_invitation(person, current_user.id, valid_days)
    return render_template("caseworker/invitation.html", citizen=person, code=code, invitation=invitation)
