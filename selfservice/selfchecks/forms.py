"""One form per question, and for each self-check the questions it may ask, keyed as the rules name them.

Why every question is its own class: a page asks one thing, so the label is the page's question and its error
message sits beside the only field on the page.
"""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.validators import InputRequired

from ..forms import date_from_parts, day_field, month_field, options, year_field

CHOOSE_ONE = _l("Choose one of the answers")


def _radio(label, choices, hint=None):
    return RadioField(label, choices=options(choices), description=hint, validators=[InputRequired(message=CHOOSE_ONE)])


class QuestionForm(FlaskForm):
    """A question whose answer is the value of its one field, `answer`."""

    def value(self):
        return self.answer.data

    def load(self, stored) -> None:
        if stored is not None:
            self.answer.data = stored


class BirthDateForm(FlaskForm):
    question = _l("What is your date of birth?")
    hint = _l("We use it only to work out your age for this check. It is not sent to anyone.")
    birth_day = day_field()
    birth_month = month_field()
    birth_year = year_field()

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        born = self.value()
        if born is None or not date(1900, 1, 1) <= born <= date.today():
            self.birth_day.errors = [str(_l("Enter your date of birth as numbers, for example 27 3 1990"))]
            return False
        return ok

    def value(self):
        return date_from_parts(self.birth_day, self.birth_month, self.birth_year)

    def load(self, stored) -> None:
        if stored:
            born = date.fromisoformat(stored)
            self.birth_day.data, self.birth_month.data, self.birth_year.data = born.day, born.month, born.year


EDUCATION_CHOICES = [
    ("unskilled", _l("No vocational education (for example only primary school or upper secondary school)")),
    ("vocational", _l("A vocational education (for example electrician, cook or social and healthcare helper)")),
    ("academy_vocational", _l("A vocational education and also a short higher education at academy level")),
    ("academy_only", _l("A short higher education at academy level, without a vocational education")),
    ("higher", _l("A bachelor's degree or a longer higher education")),
]
YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]
YES_NO_UNSURE = [*YES_NO, ("unsure", _l("I don't know"))]


class EducationForm(QuestionForm):
    answer = _radio(
        _l("What is your highest completed education?"),
        EDUCATION_CHOICES,
        _l("Count only education you finished. Education from another country counts too."),
    )


class LoeftBenefitForm(QuestionForm):
    answer = _radio(
        _l("What do you receive at the moment?"),
        [
            ("dagpenge", _l("Unemployment benefit from an a-kasse (dagpenge)")),
            ("kontanthjaelp", _l("Social assistance (kontanthjælp) or transition benefit, and I am job-ready")),
            ("other", _l("Something else, or nothing")),
        ],
    )


class UsedRecentlyForm(QuestionForm):
    answer = _radio(
        _l("Have you worked in the trade you trained for within the last 5 years?"),
        YES_NO,
        _l("If you have not, your education counts as outdated, and you can be treated as unskilled."),
    )


class PositiveListForm(QuestionForm):
    answer = _radio(
        _l("Is the education you want on the positive list for 110 percent of dagpenge?"),
        YES_NO_UNSURE,
        _l("The list of educations in trades that need workers is on star.dk. Your jobcentre can look at it with you."),
    )


class SixWeeksBenefitForm(QuestionForm):
    answer = _radio(
        _l("What do you receive at the moment?"),
        [
            ("dagpenge", _l("Unemployment benefit from an a-kasse (dagpenge)")),
            ("ledighedsydelse", _l("I am approved for a flex job and unemployed (ledighedsydelse)")),
            ("other", _l("Something else, or nothing")),
        ],
    )


class UnemployedForm(QuestionForm):
    answer = _radio(
        _l("How long have you been unemployed in all?"),
        [
            ("under_5_weeks", _l("Less than 5 weeks")),
            ("5_weeks_to_6_months", _l("From 5 weeks up to 6 months")),
            ("6_to_9_months", _l("From 6 up to 9 months")),
            ("over_9_months", _l("More than 9 months")),
        ],
        _l("Count all the time you have been unemployed in this period with benefit."),
    )


class ReasonForm(QuestionForm):
    answer = _radio(
        _l("Why can't you come?"),
        [
            ("ill", _l("I am ill")),
            ("work", _l("I have a job interview or work")),
            ("other", _l("Another reason, for example a sick child or no transport")),
            ("video", _l("I would rather have the meeting by video")),
            ("unsure_if_required", _l("I am not sure I have to come")),
        ],
    )


class WhenForm(QuestionForm):
    answer = _radio(
        _l("When is the meeting?"),
        [("today", _l("Today or tomorrow")), ("later", _l("Later than tomorrow"))],
    )


class MeetingBenefitForm(QuestionForm):
    answer = _radio(
        _l("What do you receive at the moment?"),
        [
            ("dagpenge", _l("Unemployment benefit from an a-kasse (dagpenge)")),
            ("other", _l("Another benefit, for example kontanthjælp or sygedagpenge")),
        ],
    )


QUESTIONS: dict[str, dict[str, type[QuestionForm] | type[BirthDateForm]]] = {
    "uddannelsesloeft": {
        "benefit": LoeftBenefitForm,
        "birth_date": BirthDateForm,
        "education": EducationForm,
        "used_recently": UsedRecentlyForm,
        "positive_list": PositiveListForm,
    },
    "seks-ugers-jobrettet-uddannelse": {
        "benefit": SixWeeksBenefitForm,
        "education": EducationForm,
        "birth_date": BirthDateForm,
        "unemployed": UnemployedForm,
    },
    "moede": {"reason": ReasonForm, "when": WhenForm, "benefit": MeetingBenefitForm},
}
