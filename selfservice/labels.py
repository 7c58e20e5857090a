"""Translatable names for codes stored in the database (situations, departments, roles, audit entries).

Why codes in the database and labels here: the stored value never depends on the language of the person who
wrote it, and a citizen reads the access log in their own language.
"""

from types import SimpleNamespace

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from .rules.meetings import MeetingStatus, RequestStatus
from .rules.plan import ActivityStatus, Area
from .rules.preparation import FormStatus
from .rules.team_meeting import MentorDecision

SITUATIONS = {
    "dagpenge": _l("Unemployment benefit (dagpenge)"),
    "kontanthjaelp": _l("Social assistance (kontanthjælp)"),
    "uddannelseshjaelp": _l("Education assistance (uddannelseshjælp)"),
    "ressourceforloeb": _l("Resource programme (ressourceforløb)"),
    "sygedagpenge": _l("Sickness benefit (sygedagpenge)"),
    "jobafklaring": _l("Job clarification programme (jobafklaringsforløb)"),
    "ledighedsydelse": _l("Flex job benefit (ledighedsydelse)"),
    "foertidspension": _l("Disability pension (førtidspension)"),
}

# The guides group kontanthjælp with uddannelseshjælp and ledighedsydelse with fleksjob, as the rules do.
GUIDE_SITUATIONS = {
    "dagpenge": _l("Unemployment benefit (dagpenge)"),
    "kontanthjaelp": _l("Social or education assistance (kontanthjælp, uddannelseshjælp)"),
    "ressourceforloeb": _l("Resource programme (ressourceforløb)"),
    "sygedagpenge": _l("Sickness benefit (sygedagpenge)"),
    "jobafklaring": _l("Job clarification programme (jobafklaringsforløb)"),
    "ledighedsydelse": _l("Flex job and flex job benefit (fleksjob, ledighedsydelse)"),
    "foertidspension": _l("Disability pension (førtidspension)"),
}

GUIDE_TOPICS = {
    "situations": _l("Your situation"),
    "duties": _l("Meetings and duties"),
    "course": _l("Your course at the jobcentre"),
    "upskilling": _l("Education and upskilling"),
    "rights": _l("Your data and your rights"),
}

DEPARTMENTS = {
    "employment": _l("Employment department"),
    "social": _l("Social department"),
    "health": _l("Health department"),
    "education": _l("Education guidance"),
}

# What applies to me: the benefit and the education the citizen tells us (rules/what_applies.py).
WHAT_APPLIES_BENEFITS = {
    "dagpenge": _l("Unemployment benefit (dagpenge)"),
    "kontanthjaelp": _l("Social assistance (kontanthjælp)"),
    "ledighedsydelse": _l("Flex job benefit (ledighedsydelse)"),
    "sygedagpenge": _l("Sickness benefit (sygedagpenge)"),
    "ressourceforloeb": _l("Resource programme (ressourceforløb)"),
    "jobafklaring": _l("Job clarification programme (jobafklaringsforløb)"),
    "foertidspension": _l("Disability pension (førtidspension)"),
    "none": _l("None of these"),
}

EDUCATIONS = {
    "unskilled": _l("No education after primary school, or upper secondary school only"),
    "vocational": _l("A vocational education I have used in the last 5 years"),
    "outdated": _l("A vocational education I have not used in the last 5 years"),
    "short_higher": _l("A short higher education (for example from a business academy)"),
    "higher": _l("A bachelor's degree or a longer education"),
}

# Who takes part in a team meeting about a citizen (*tværfagligt team*), besides the citizen and their caseworker.
TEAM_DEPARTMENTS = {
    **DEPARTMENTS,
    "region": _l("The region's health coordinator"),
}

MENTOR_DECISIONS = {
    MentorDecision.RECOMMENDED: _l("Considered: the team recommends a mentor"),
    MentorDecision.NOT_NOW: _l("Considered: the team does not recommend a mentor now"),
}

# The same decisions as the citizen reads them in the minutes.
MENTOR_MINUTES = {
    MentorDecision.RECOMMENDED: _l("The team talked about whether a mentor could help you and recommends one."),
    MentorDecision.NOT_NOW: _l("The team talked about whether a mentor could help you and does not recommend one now."),
}

ROLES = {"caseworker": _l("Caseworker"), "admin": _l("Administrator"), "case_system": _l("The case system")}

AUDIT_OBJECTS = {
    "profile": _l("Your basic information"),
    "invitation": _l("A sign-in code for you"),
    "citizen_record": _l("Your record at the jobcentre"),
    "preparation_form": _l("Your preparation form"),
    "meeting": _l("Your meetings"),
    "plan": _l("Your plan"),
    "messages": _l("Your messages"),
    "team_meeting": _l("Your team meeting"),
    "citizen_list": _l("Your name in a list of the team's citizens"),
}

AUDIT_PURPOSES = {
    "casework": _l("Work on your case"),
    "invitation": _l("Giving you a code to sign in"),
    "registration": _l("Registering you at the jobcentre"),
    "dpo_export": _l("Data protection check"),
    "case_system": _l("Keeping the jobcentre's case system up to date"),
    "filled_in_together": _l("Filling in your form together with you"),
    "team_meeting": _l("Preparing your team meeting"),
    "today": _l("Daily overview of work on your case"),
    "inbox": _l("Answering your messages and requests"),
    "forms_queue": _l("Reading sent preparation forms"),
}

FORM_STATUSES = {
    FormStatus.DRAFT: _l("Draft – not sent yet"),
    FormStatus.SUBMITTED: _l("Sent"),
    FormStatus.SEEN: _l("Seen by your caseworker"),
    FormStatus.REVIEWED: _l("Read and ready for the meeting"),
    FormStatus.DISCUSSED: _l("Talked about at the meeting"),
}


def label(mapping: dict, code: str | None):
    if code is None:
        return ""
    return mapping.get(code, code)


MEETING_KINDS = {
    "in_person": _l("Meeting in person"),
    "video": _l("Video meeting"),
    "phone": _l("Phone meeting"),
    "team": _l("Team meeting"),
}

MEETING_STATUSES = {
    MeetingStatus.PLANNED: _l("Planned"),
    MeetingStatus.CANCELLED: _l("Cancelled"),
    MeetingStatus.HELD: _l("Held"),
}

REQUEST_KINDS = {
    "confirm": _l("You confirmed that you will come"),
    "move": _l("You asked to move the meeting"),
    "cancel": _l("You told us you cannot come"),
    "sick": _l("You reported that you are ill"),
}

REQUEST_STATUSES = {
    RequestStatus.OPEN: _l("Received – waiting for your caseworker"),
    RequestStatus.HANDLED: _l("Handled by your caseworker"),
}

STAFF_REQUEST_KINDS = {
    "confirm": _l("Confirms attendance"),
    "move": _l("Asks to move the meeting"),
    "cancel": _l("Reports that they cannot come"),
    "sick": _l("Reports illness"),
}

ACTIVITY_STATUSES = {
    ActivityStatus.ONGOING: _l("Ongoing"),
    ActivityStatus.PLANNED: _l("Planned"),
    ActivityStatus.FINISHED: _l("Finished"),
    ActivityStatus.CANCELLED: _l("Cancelled"),
}

AREAS = {
    Area.EMPLOYMENT: _l("Work and employment"),
    Area.SOCIAL: _l("Social support"),
    Area.HEALTH: _l("Health"),
    Area.EDUCATION: _l("Education"),
}

GOAL_KINDS = {"job": _l("Job"), "education": _l("Education")}

PLAN_FIELDS = {
    "title": _l("Title"),
    "description": _l("Description"),
    "sub_goal": _l("Sub-goal"),
    "area": _l("Area"),
    "status": _l("Status"),
    "start_date": _l("Start"),
    "end_date": _l("End"),
    "hours_per_week": _l("Hours per week"),
    "department": _l("Responsible department"),
    "caseworker": _l("Caseworker"),
    "legal_basis": _l("Legal basis"),
    "legal_url": _l("Legal basis"),
    "agreed": _l("Agreed with you"),
}

CONSENTS = {
    "doctor": _l("Send a copy of my plan to my own doctor"),
    "departments": _l("Let other departments in the municipality see my plan"),
    "region": _l("Let the region (hospitals and psychiatry) see my plan"),
}


_IN_LANGUAGE: dict[str, SimpleNamespace] = {}


def now() -> SimpleNamespace:
    """Every table above with its strings in the request's language, as plain dicts: what templates get as `labels`.

    Why: a lazy string is translated again at each use, and a plan page with three activities used forty of them
    (a tenth of its rendering time). The tables never change while the process runs, so each language is worked
    out once per process. Keyed by Flask-Babel's locale, so `force_locale` (e-mails, the assistant) still works.
    """
    key = str(get_locale())
    found = _IN_LANGUAGE.get(key)
    if found is None:
        tables = {
            name: {code: str(text) if isinstance(text, LazyString) else text for code, text in value.items()}
            for name, value in globals().items()
            if name.isupper() and isinstance(value, dict)
        }
        found = _IN_LANGUAGE[key] = SimpleNamespace(label=label, **tables)
    return found
