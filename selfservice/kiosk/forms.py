"""The kiosk's two check-in forms: the booking reference with day and month of birth, or the scanned code."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import InputRequired, Length

from ..forms import day_field, month_field


class CheckInForm(FlaskForm):
    reference = StringField(
        _l("Booking reference"),
        description=_l("6 letters and numbers. It is in your meeting letter, the reminder and your calendar."),
        validators=[InputRequired(_l("Write the booking reference")), Length(max=20)],
    )
    birth_day = day_field(_l("Day"))
    birth_month = month_field(_l("Month"))

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if not self.birth_day.data or not self.birth_month.data:
            self.birth_day.errors = [str(_l("Write the day and month you were born, for example 27 3"))]
            return False
        return ok


class ScanForm(FlaskForm):
    code = StringField(
        _l("Code from your phone"),
        description=_l("Hold the QR code from your meeting page in front of the scanner."),
        validators=[InputRequired(_l("Scan the code again")), Length(max=200)],
    )
