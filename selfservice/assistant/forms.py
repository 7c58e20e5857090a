"""The question box of the no-JavaScript conversation page."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.validators import Length, Optional

MAX_QUESTION = 500


class QuestionForm(FlaskForm):
    message = TextAreaField(
        _l("Your question"),
        description=_l("Write in your own words, in any of our languages. Do not write health details or CPR numbers."),
        validators=[Optional(), Length(max=MAX_QUESTION, message=_l("Write at most %(max)d characters."))],
    )
    choose = HiddenField()

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if ok and not (self.message.data or "").strip() and not self.choose.data:
            self.message.errors = [*self.message.errors, str(_l("Write your question"))]
            return False
        return ok
