"""The ordered registry of steps. URLs, the step indicator, "check your answers" and the summaries for caseworkers
are all generated from this list: adding a step is one form class and one line here."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from . import forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: object  # a lazy string
    form_class: type[FlaskForm]
    intro: object = None
    optional: bool = False
    repeating: bool = False  # "add another" groups in the field `entries`


STEPS = [
    Step(
        "education",
        _l("Education"),
        forms.EducationStep,
        _l(
            "Tell us about school, courses and education after "
            "primary school, in Denmark or abroad. Add as many as you need."
        ),
        repeating=True,
    ),
    Step(
        "work",
        _l("Work experience"),
        forms.WorkStep,
        _l("Tell us about the jobs you have had. Unpaid work, internships and work abroad count too."),
        repeating=True,
    ),
    Step(
        "competences",
        _l("Other competences"),
        forms.CompetencesStep,
        _l("What you can do counts, also if you did not learn it at school or at work."),
    ),
    Step("successes", _l("Earlier successes"), forms.SuccessesStep, _l("Think of a time you were proud of yourself.")),
    Step(
        "goals",
        _l("Goals and wishes"),
        forms.GoalsStep,
        _l("What would you like your working life to look like? It is fine not to know yet."),
    ),
    Step("resources", _l("Resources and barriers"), forms.ResourcesStep, optional=True),
]
SLUGS = [step.slug for step in STEPS]
BY_SLUG = {step.slug: step for step in STEPS}
