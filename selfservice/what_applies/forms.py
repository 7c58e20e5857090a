"""One form per question of /what-applies (the step registry, in order), the signed-in citizen's correction form,
and "ask my caseworker about this"."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, IntegerField, RadioField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from ..forms import options
from ..labels import EDUCATIONS, WHAT_APPLIES_BENEFITS
from ..rules.preparation import TEXT_LIMIT

YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]


def benefit_field():
    return RadioField(
        _l("What do you get from the jobcentre or your a-kasse?"),
        choices=options(WHAT_APPLIES_BENEFITS.items()),
        validators=[InputRequired(_l("Choose what you get"))],
    )


def age_field():
    return IntegerField(
        _l("How old are you?"),
        description=_l("In years, for example 34"),
        validators=[
            InputRequired(_l("Write your age as a number, for example 34")),
            NumberRange(15, 99, _l("Write an age between 15 and 99")),
        ],
    )


def education_field():
    return RadioField(
        _l("What is your highest education?"),
        choices=options(EDUCATIONS.items()),
        validators=[InputRequired(_l("Choose your education"))],
    )


def danish_field(required: bool = True):
    return RadioField(
        _l("Are you learning Danish?"),
        description=_l("For example at a language centre, or because Danish is not your first language"),
        choices=options(YES_NO),
        validators=[InputRequired(_l("Choose yes or no"))] if required else [Optional()],
    )


class Step(FlaskForm):
    """A question page: one field, `answer`."""

    answer: Field


class BenefitStep(Step):
    answer = benefit_field()


class AgeStep(Step):
    answer = age_field()


class EducationStep(Step):
    answer = education_field()


class DanishStep(Step):
    answer = danish_field()


# The questions of /what-applies, one per page, in this order (the keys are the situation's fields).
STEPS: list[tuple[str, type[Step]]] = [
    ("benefit", BenefitStep),
    ("age", AgeStep),
    ("education", EducationStep),
    ("learning_danish", DanishStep),
]
STEP_FORMS = dict(STEPS)


class CorrectionForm(FlaskForm):
    """A signed-in citizen's corrections, for this page only: nothing in their case changes."""

    benefit = benefit_field()
    age = age_field()
    education = education_field()
    learning_danish = danish_field(required=False)


class AskForm(FlaskForm):
    words = TextAreaField(
        _l("Anything you want to add (optional)"),
        description=_l("Do not write your CPR number. Your message is sent securely to your team."),
        validators=[Optional(), Length(max=TEXT_LIMIT)],
    )
