from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from ..forms import date_from_parts, day_field, month_field, options, year_field
from ..labels import SITUATIONS


class NewCitizenForm(FlaskForm):
    name = StringField(_l("Full name"), validators=[DataRequired(_l("Enter the citizen's name")), Length(max=200)])
    birth_day = day_field()
    birth_month = month_field()
    birth_year = year_field()
    situation = SelectField(_l("Situation"), choices=options([("", _l("Not decided yet")), *SITUATIONS.items()]))

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.birth_date() is None:
            self.birth_day.errors = [str(_l("Enter the date of birth as numbers, for example 27 3 1990"))]
            return False
        return ok

    def birth_date(self):
        return date_from_parts(self.birth_day, self.birth_month, self.birth_year)


class InvitationForm(FlaskForm):
    """Only a button: issuing a code is a deliberate, CSRF-protected action."""
