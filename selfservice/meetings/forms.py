"""Forms for the citizen's requests about a meeting: one class per request."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..forms import options


class ConfirmForm(FlaskForm):
    """Only a button: confirming is a deliberate step with a receipt."""


class MoveForm(FlaskForm):
    reason = TextAreaField(
        _l("Why do you need to move the meeting?"),
        validators=[DataRequired(_l("Tell us why, in a few words")), Length(max=1000)],
    )
    preferred_times = TextAreaField(
        _l("Which days and times suit you?"),
        description=_l("For example: Tuesday or Thursday morning next week"),
        validators=[Optional(), Length(max=1000)],
    )


class CancelForm(FlaskForm):
    kind = RadioField(
        _l("What is your reason?"),
        choices=options([("sick", _l("I am ill")), ("cancel", _l("I cannot come for another reason"))]),
        validators=[DataRequired(_l("Choose one"))],
    )
    reason = TextAreaField(
        _l("Anything else we should know? (optional)"),
        description=_l("Do not write details about your health. It is enough to say that you are ill."),
        validators=[Optional(), Length(max=1000)],
    )
