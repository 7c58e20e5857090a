from datetime import timedelta

from flask import abort, current_app, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from .. import audit, labels
from ..access import staff_required
from ..citizen.consents import consent_state
from ..extensions import db
from ..models import Citizen, Invitation, Meeting, utcnow
from ..rules import invitations
from . import bp
from .forms import InvitationForm, NewCitizenForm


def own_citizen(public_id: str, obj: str = "profile") -> Citizen:
    """A caseworker reaches only their own team's citizens; anyone else's is 'not found', not 'forbidden'.

    Every citizen reached this way is in their access log after the request (see audit.touch)."""
    citizen = db.session.scalar(select(Citizen).where(Citizen.public_id == public_id))
    if citizen is None or current_user.team_id is None or citizen.team_id != current_user.team_id:
        abort(404)
    audit.touch(citizen, obj)
    return citizen


@bp.get("/")
@staff_required()
def citizens():
    rows = []
    if current_user.team_id is not None:
        rows = db.session.scalars(
            select(Citizen).where(Citizen.team_id == current_user.team_id).order_by(Citizen.name)
        ).all()
    page = render_template("caseworker/citizens.html", citizens=rows, labels=labels)
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
        citizen = Citizen(
            name=form.name.data.strip(),
            birth_date=form.birth_date(),
            situation=form.situation.data or None,
            team_id=current_user.team_id,
        )
        db.session.add(citizen)
        db.session.flush()
        audit.record(citizen, audit.WRITE, "citizen_record", "registration")
        db.session.commit()
        return redirect(url_for("caseworker.citizen", public_id=citizen.public_id))
    return render_template("caseworker/new_citizen.html", form=form), (400 if form.errors else 200)


@bp.get("/citizens/<public_id>")
@staff_required()
def citizen(public_id: str):
    person = own_citizen(public_id)
    audit.record(person, audit.READ, "profile", "casework")
    db.session.commit()
    active = db.session.scalars(
        select(Invitation).where(
            Invitation.citizen_id == person.id,
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > utcnow(),
        )
    ).all()
    meetings = db.session.scalars(
        select(Meeting).where(Meeting.citizen_id == person.id).order_by(Meeting.starts_at.desc()).limit(20)
    ).all()
    return render_template(
        "caseworker/citizen.html",
        citizen=person,
        labels=labels,
        invitations=active,
        form=InvitationForm(),
        meetings=meetings,
        consents=consent_state(person),
    )


@bp.post("/citizens/<public_id>/invitation")
@staff_required()
def issue_invitation(public_id: str):
    person = own_citizen(public_id)
    form = InvitationForm()
    if not form.validate_on_submit():
        abort(400)
    now = utcnow()
    # One valid code per citizen: issuing a new one (or pressing twice) retires the earlier code.
    for old in db.session.scalars(
        select(Invitation).where(Invitation.citizen_id == person.id, Invitation.revoked_at.is_(None))
    ):
        old.revoked_at = now
    code = invitations.new_code()
    invitation = Invitation(
        citizen_id=person.id,
        code_hash=invitations.code_hash(code),
        issued_by_id=current_user.id,
        created_at=now,
        expires_at=now + timedelta(days=current_app.config["INVITATION_VALID_DAYS"]),
    )
    db.session.add(invitation)
    audit.record(person, audit.WRITE, "invitation", "invitation")
    db.session.commit()
    return render_template("caseworker/invitation.html", citizen=person, code=code, invitation=invitation)
