"""One WTForms class per step of the preparation form. Nothing is required: the citizen answers as best they can;
only the stated limits are enforced, and an error always keeps what was typed."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from ..forms import MultiCheckboxField, options
from ..rules.preparation import MAX_ENTRIES, SHORT_LIMIT, TEXT_LIMIT


def short(max_length: int = SHORT_LIMIT):
    return [Optional(), Length(max=max_length, message=_l("Write at most %(max)d characters", max=max_length))]


def long_text():
    return short(TEXT_LIMIT)


class EducationEntry(Form):
    what = StringField(_l("What did you study or train as?"), validators=short())
    place = StringField(_l("Where?"), description=_l("The school or place, and the town"), validators=short())
    country = RadioField(
        _l("In Denmark or abroad?"),
        choices=options([("denmark", _l("In Denmark")), ("abroad", _l("Abroad"))]),
        validators=[Optional()],
    )
    years = StringField(_l("When?"), description=_l("For example 2015 to 2018"), validators=short(60))
    finished = RadioField(
        _l("Did you finish it?"),
        choices=options([("yes", _l("Yes")), ("no", _l("No")), ("ongoing", _l("I am still doing it"))]),
        validators=[Optional()],
    )


class EducationStep(FlaskForm):
    none_after_primary = BooleanField(_l("I have no education after primary school"))
    entries = FieldList(FormField(EducationEntry), min_entries=1, max_entries=MAX_ENTRIES)


class WorkEntry(Form):
    job = StringField(_l("What was the job?"), validators=short())
    workplace = StringField(
        _l("Workplace"), description=_l("The name of the place, and the town or country"), validators=short()
    )
    period = StringField(
        _l("When?"), description=_l("For example 2019 to 2022, or 3 months in 2021"), validators=short(60)
    )
    tasks = TextAreaField(_l("What did you do there?"), validators=long_text())
    unpaid = BooleanField(_l("It was unpaid (for example voluntary work or an internship)"))
    abroad = BooleanField(_l("It was outside Denmark"))


class WorkStep(FlaskForm):
    none_yet = BooleanField(_l("I have not had a job yet"))
    entries = FieldList(FormField(WorkEntry), min_entries=1, max_entries=MAX_ENTRIES)


COMPETENCES = [
    ("languages", _l("I speak more than one language")),
    ("driving", _l("I have a driving licence")),
    ("it", _l("I can use a computer or a smartphone")),
    ("caring", _l("I have looked after children or family")),
    ("volunteering", _l("I have done voluntary work")),
    ("practical", _l("I am good with my hands, for example repairs, cooking or cleaning")),
    ("people", _l("I am good with people, for example customers, children or older people")),
    ("organising", _l("I am good at planning and organising")),
]


class CompetencesStep(FlaskForm):
    checklist = MultiCheckboxField(_l("Tick what fits you"), choices=options(COMPETENCES), validators=[Optional()])
    languages = StringField(
        _l("Which languages do you speak?"),
        description=_l("For example Arabic, Danish and English"),
        validators=short(),
    )
    other = TextAreaField(_l("What else are you good at?"), validators=long_text())


class SuccessesStep(FlaskForm):
    story = TextAreaField(
        _l("Tell us about a time something went well for you"),
        description=_l(
            "It can be big or small: a job you did well, a course you finished, a time you helped someone, "
            "something you learned by yourself."
        ),
        validators=long_text(),
    )


class GoalsStep(FlaskForm):
    goal_kind = RadioField(
        _l("What would you like?"),
        choices=options([("job", _l("A job")), ("education", _l("An education")), ("unsure", _l("I don't know yet"))]),
        validators=[Optional()],
    )
    goal = StringField(
        _l("Which job or education?"),
        description=_l("In your own words. Leave it empty if you don't know yet."),
        validators=short(300),
    )
    matters = TextAreaField(
        _l("What matters to you?"),
        description=_l("For example working hours, how far you can travel, or the kind of work"),
        validators=long_text(),
    )
    first = TextAreaField(_l("What would you like to happen first?"), validators=long_text())


AREAS = [
    ("economy", _l("Money and debt")),
    ("housing", _l("Housing")),
    ("family", _l("Children and family")),
    ("physical", _l("Physical health")),
    ("mental", _l("Mental health and well-being")),
    ("other", _l("Something else")),
]


class AreaEntry(Form):
    answer = RadioField(
        _l("How does it affect you?"),
        choices=options([("helps", _l("It helps me")), ("hard", _l("It makes things hard")), ("skip", _l("Skip"))]),
        validators=[Optional()],
    )
    text = TextAreaField(_l("Tell us more, if you want to"), validators=short(1000))


class ResourcesStep(FlaskForm):
    economy = FormField(AreaEntry)
    housing = FormField(AreaEntry)
    family = FormField(AreaEntry)
    physical = FormField(AreaEntry)
    mental = FormField(AreaEntry)
    other = FormField(AreaEntry)
    consent = BooleanField(
        _l("I agree that the jobcentre's team may see what I write on this page"),
        description=_l(
            "The team is your caseworker and the specialists at your team meeting. You can change your mind."
        ),
    )


class SubmitForm(FlaskForm):
    version = HiddenField()
    email = EmailField(
        _l("E-mail for a copy (optional)"),
        description=_l("We send a receipt without your answers."),
        validators=[Optional(), Email(_l("Enter an e-mail address like name@example.dk")), Length(max=254)],
    )


class CitizenNoteForm(FlaskForm):
    text = TextAreaField(
        _l("A note for your caseworker"),
        validators=[Length(min=1, max=TEXT_LIMIT, message=_l("Write between 1 and 2000 characters"))],
    )


class JoinForm(FlaskForm):
    """The caseworker types the code the citizen's own screen shows, to open the form together."""

    code = StringField(
        _l("Code from the citizen's screen"),
        description=_l(
            "6 digits. The citizen gets it on their own phone or computer under "
            "Prepare for your conversation: Fill in together with my caseworker."
        ),
        filters=[lambda value: "".join(ch for ch in value if ch.isdigit()) if value else value],
        validators=[
            DataRequired(_l("Enter the code from the citizen's screen")),
            Regexp(r"^\d{6}$", message=_l("The code has 6 digits")),
        ],
    )
