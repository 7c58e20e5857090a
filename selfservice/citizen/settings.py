"""The citizen's settings: how to reach them, in which language, and a private calendar feed for their phone."""

import hashlib
import secrets
from contextlib import nullcontext

from flask import Response, abort, make_response, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, EmailField, SelectField, StringField
from wtforms.validators import Email, Length, Optional, Regexp

from ..access import citizen_required, public
from ..extensions import db, limiter
from ..forms import options
from ..i18n import LANGUAGES
from ..i18n_web import current_language, remember_language
from ..meetings import store as meeting_store
from ..meetings.calendar import meetings_calendar
from ..models import Citizen
from . import bp


class SettingsForm(FlaskForm):
    email = EmailField(
        _l("E-mail"),
        validators=[Optional(), Email(_l("Enter an e-mail address like name@example.dk")), Length(max=254)],
    )
    phone = StringField(
        _l("Mobile number"),
        description=_l("For example 20 30 40 50"),
        validators=[
            Optional(),
            Regexp(r"^\+?[0-9 ]{8,20}$", message=_l("Enter a phone number with 8 digits")),
            Length(max=30),
        ],
    )
    notify_email = BooleanField(_l("Send me reminders and notices by e-mail"))
    notify_sms = BooleanField(_l("Send me reminders and notices by text message"))
    language = SelectField(
        _l("Language"),
        description=_l("We also write our e-mails and text messages to you in this language."),
        choices=options((code, lang.native_name) for code, lang in LANGUAGES.items()),
    )

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.notify_sms.data and not (self.phone.data or "").strip():
            self.phone.errors = [*self.phone.errors, str(_l("Enter your mobile number to get text messages"))]
            ok = False
        if self.notify_email.data and not (self.email.data or "").strip():
            self.email.errors = [*self.email.errors, str(_l("Enter your e-mail to get e-mails"))]
            ok = False
        return ok


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _settings_form() -> SettingsForm:
    form = SettingsForm(obj=current_user)
    if "language" not in request.form and not current_user.language:
        form.language.data = current_language()
    return form


@bp.route("/settings", methods=["GET", "POST"])
@citizen_required()
def settings():
    """The only place the saved language changes (a POST with CSRF; a `?lang=` link changes only this browser's
    cookie, see i18n_web). Until one is saved, the page's language is offered, as what the citizen reads in."""
    form = _settings_form()
    saved = False
    if form.validate_on_submit():
        current_user.email = (form.email.data or "").strip() or None
        current_user.phone = (form.phone.data or "").strip() or None
        current_user.notify_email = form.notify_email.data
        current_user.notify_sms = form.notify_sms.data
        current_user.language = form.language.data
        db.session.commit()
        saved = True
    # Once saved, the page is shown in the language just chosen, and the browser's cookie follows it.
    with force_locale(current_user.language) if saved else nullcontext():
        page = render_template("citizen/settings.html", form=form, saved=saved, feed_url=None)
    response = make_response(page, 400 if form.errors else 200)
    if saved:
        remember_language(response, current_user.language)
    return response


@bp.post("/settings/calendar")
@citizen_required()
def calendar_feed_settings():
    """Turning the feed on makes a new secret address (shown once); turning it off makes any old address useless."""
    feed_url = None
    if request.form.get("action") == "on":
        token = secrets.token_urlsafe(24)
        current_user.calendar_token_hash = _token_hash(token)
        feed_url = url_for("citizen.calendar_feed", token=token, _external=True)
    else:
        current_user.calendar_token_hash = None
    db.session.commit()
    return render_template("citizen/settings.html", form=_settings_form(), saved=False, feed_url=feed_url)


@bp.get("/calendar/<token>.ics")
@public
@limiter.limit("60 per minute")
def calendar_feed(token: str):
    """The phone's calendar app fetches this without signing in: the secret in the address is the key."""
    citizen = db.session.scalar(select(Citizen).where(Citizen.calendar_token_hash == _token_hash(token)))
    if citizen is None:
        abort(404)
    meetings = meeting_store.of_citizen(citizen.id)
    response = Response(meetings_calendar(meetings), mimetype="text/calendar")
    response.headers["Cache-Control"] = "no-store"
    return response
