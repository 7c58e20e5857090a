from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from ..forms import date_from_parts, day_field, month_field, options, year_field
from ..labels import FORM_STATUSES, SITUATIONS
from ..rules.meetings import to_utc
from ..rules.preparation import FormStatus


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


def meeting_date_field():
    return DateField(_l("Date"), validators=[DataRequired(_l("Enter the date"))])


def meeting_time_field():
    return StringField(
        _l("Time (Danish time)"),
        description=_l("For example 09:30"),
        validators=[
            DataRequired(_l("Enter the time")),
            Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", message=_l("Write the time as HH:MM")),
        ],
    )


def meeting_start(day: date, clock: str) -> datetime:
    """A date and an HH:MM time in Danish time, as UTC (the form fields above have checked both)."""
    return to_utc(datetime.combine(day, datetime.strptime(clock, "%H:%M").time()))


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class TeamListFilter(FlaskForm):
    """The team list's search, filters and sort. Posted, kept in the server-side session and then shown by a GET
    (post/redirect/get): a name typed in the search never ends up in an address, a server log or the history, and
    the list keeps its filters while the caseworker opens a citizen and comes back. Only the page is in the address.
    """

    q = StringField(_l("Search by name or reference"), validators=[Optional(), Length(max=100)], filters=[_strip])
    situation = SelectField(_l("Situation"), choices=options([("", _l("All")), *SITUATIONS.items()]), default="")
    form_status = SelectField(
        _l("Preparation form"),
        default="",
        choices=options(
            [("", _l("All")), ("none", _l("Not sent yet"))]
            + [(status, FORM_STATUSES[status]) for status in FormStatus if status != FormStatus.DRAFT]
        ),
    )
    open_request = BooleanField(_l("Has an open request"))
    meeting_this_week = BooleanField(_l("Meeting this week"))
    sort = SelectField(
        _l("Sort by"),
        default="name",
        choices=options(
            [
                ("name", _l("Name")),
                ("waiting", _l("Most waiting first")),
                ("next_meeting", _l("Next meeting")),
                ("last_contact", _l("Latest contact")),
            ]
        ),
    )
