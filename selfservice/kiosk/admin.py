"""Staff side of the kiosks: registering and revoking them (administrators), the front desk's help calls and the
caseworkers' day list with arrivals."""

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from flask import abort, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from .. import audit, securitylog
from ..access import staff_required
from ..extensions import db
from ..i18n import LANGUAGES
from ..meetings import store as meeting_store
from ..models import Kiosk, KioskHelpRequest, Meeting, utcnow
from ..rules.meetings import COPENHAGEN, to_local, to_utc
from . import staff_bp as bp
from .device import new_token, token_hash


class KioskForm(FlaskForm):
    name = StringField(
        _l("Name of the kiosk"), validators=[InputRequired(_l("Give the kiosk a name")), Length(max=100)]
    )
    waiting_area = StringField(
        _l("Where visitors should wait after checking in"),
        validators=[InputRequired(_l("Say where visitors should wait")), Length(max=200)],
    )


def issue_activation(kiosk: Kiosk) -> str:
    """A new one-time activation link; any earlier link stops working."""
    token = new_token()
    kiosk.activation_token_hash = token_hash(token)
    return url_for("kiosk.activate", token=token, _external=True)


def create_kiosk(name: str, waiting_area: str) -> tuple[Kiosk, str]:
    kiosk = Kiosk(name=name, waiting_area=waiting_area)
    db.session.add(kiosk)
    db.session.flush()
    link = issue_activation(kiosk)
    db.session.commit()
    return kiosk, link


@bp.route("/kiosks", methods=["GET", "POST"])
@staff_required(admin=True)
def admin_list():
    form = KioskForm()
    link = None
    if form.validate_on_submit():
        name, waiting_area = (form.name.data or "").strip(), (form.waiting_area.data or "").strip()
        if db.session.scalar(select(Kiosk).where(Kiosk.name == name)):
            form.name.errors = [*form.name.errors, str(_l("A kiosk with this name already exists"))]
        else:
            _kiosk, link = create_kiosk(name, waiting_area)
            form = KioskForm(formdata=None)
    kiosks = db.session.scalars(select(Kiosk).order_by(Kiosk.name)).all()
    status = 422 if form.errors else 200
    done = request.args.get("done")
    return render_template("kiosk/admin.html", form=form, kiosks=kiosks, link=link, done=done), status


@bp.post("/kiosks/<public_id>/revoke")
@staff_required(admin=True)
def revoke(public_id: str):
    kiosk = db.session.scalar(select(Kiosk).where(Kiosk.public_id == public_id)) or abort(404)
    revoke_kiosk(kiosk)
    return redirect(url_for("kiosk_staff.admin_list", done="revoked"))


def revoke_kiosk(kiosk: Kiosk) -> None:
    """The device secret and any unused link stop working at once; the screen shows only a notice."""
    kiosk.revoked_at = utcnow()
    kiosk.activation_token_hash = None
    db.session.commit()
    securitylog.event("kiosk.revoked", "ok", target=f"kiosk:{kiosk.public_id}")


@bp.post("/kiosks/<public_id>/activation")
@staff_required(admin=True)
def new_activation(public_id: str):
    kiosk = db.session.scalar(select(Kiosk).where(Kiosk.public_id == public_id)) or abort(404)
    if kiosk.revoked_at is not None:
        # A revoked kiosk comes back only through the new link: the browser it was revoked on (perhaps taken
        # away) must not become a kiosk again with its old device secret.
        kiosk.revoked_at = None
        kiosk.device_token_hash = None
    link = issue_activation(kiosk)
    db.session.commit()
    kiosks = db.session.scalars(select(Kiosk).order_by(Kiosk.name)).all()
    return render_template("kiosk/admin.html", form=KioskForm(formdata=None), kiosks=kiosks, link=link)


@bp.route("/front-desk", methods=["GET"])
@staff_required()
def front_desk():
    calls = db.session.scalars(
        select(KioskHelpRequest).where(KioskHelpRequest.handled_at.is_(None)).order_by(KioskHelpRequest.created_at)
    ).all()
    return render_template("kiosk/front_desk.html", calls=calls, languages=LANGUAGES)


@bp.post("/front-desk/<public_id>/handled")
@staff_required()
def handled(public_id: str):
    call = db.session.scalar(select(KioskHelpRequest).where(KioskHelpRequest.public_id == public_id)) or abort(404)
    call.handled_at = call.handled_at or utcnow()
    db.session.commit()
    return redirect(url_for("kiosk_staff.front_desk"))


def today_bounds(now: datetime) -> tuple[datetime, datetime]:
    day = to_local(now).date()
    start = to_utc(datetime.combine(day, time.min))
    return start, to_utc(datetime.combine(day + timedelta(days=1), time.min))


@bp.get("/today")
@staff_required()
def day_list():
    """The team's meetings today, with who has checked in at a kiosk and when."""
    start, end = today_bounds(utcnow())
    meetings: Sequence[Meeting] = []
    if current_user.team_id is not None:
        meetings = meeting_store.of_team_between(current_user.team_id, start, end)
    page = render_template("kiosk/day_list.html", meetings=meetings, to_local=to_local, tz=COPENHAGEN)
    # After rendering (a commit expires what the page reads): each citizen shown, in their access log.
    audit.record_many([m.citizen for m in meetings], audit.READ, "meeting", "today", once_per=audit.LIST_WINDOW)
    db.session.commit()
    return page
