"""Sign-in forms. Labels, hints and messages are lazy so they follow the page's language."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..forms import date_from_parts, day_field, month_field, year_field


class InvitationSignInForm(FlaskForm):
    code = StringField(
        _l("Your personal code"),
        description=_l("12 letters and numbers, for example ABCD-EFGH-JKMN. You got it from your caseworker."),
        validators=[DataRequired(_l("Enter the code from your caseworker")), Length(max=40)],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )
    birth_day = day_field()
    birth_month = month_field()
    birth_year = year_field()

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.birth_date() is None:
            # One message for the whole date, shown beside the day box that the error summary links to.
            self.birth_day.errors = [str(_l("Enter your date of birth as numbers, for example 27 3 1990"))]
            self.birth_month.errors = []
            self.birth_year.errors = []
            return False
        return ok

    def birth_date(self):
        return date_from_parts(self.birth_day, self.birth_month, self.birth_year)


class StaffLoginForm(FlaskForm):
    email = EmailField(
        _l("Work e-mail"),
        validators=[DataRequired(_l("Enter your work e-mail")), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter your password")), Length(max=200)],
        render_kw={"autocomplete": "current-password"},
    )


class OneTimeCodeForm(FlaskForm):
    """The 6-digit code from the authenticator app (used both to confirm a new app and at each sign-in)."""

    code = StringField(
        _l("Code from your authenticator app"),
        description=_l("6 digits, for example 123456. The app shows a new code every 30 seconds."),
        validators=[DataRequired(_l("Enter the 6-digit code from your authenticator app")), Length(max=20)],
        render_kw={
            "autocomplete": "one-time-code",
            "inputmode": "numeric",
            "spellcheck": "false",
            "dir": "ltr",
        },
    )


class RecoveryCodeForm(FlaskForm):
    recovery_code = StringField(
        _l("Recovery code"),
        description=_l("One of the 10 codes you saved when you set up the app, for example ABCDE-FGHJK."),
        validators=[DataRequired(_l("Enter one of your recovery codes")), Length(max=40)],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "dir": "ltr"},
    )
