"""A real caseload for Team Nord in demo mode, so that `make run` shows Karen Holm a full Today page.

About 25 citizens (the three named demo citizens and these), with forms in every status, messages waiting for a
reply, two meeting requests, activities ending soon, a code about to expire, a kiosk check-in today and a team
meeting next week. Idempotent: each citizen is found by its demo subject, and each piece is added only once.
The people are invented; the texts are the kind citizens write.
"""

from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import select

from .extensions import db
from .models import (
    Citizen,
    Invitation,
    Meeting,
    MeetingRequest,
    Message,
    Plan,
    PlanActivity,
    StaffUser,
    Team,
    TeamMeeting,
    utcnow,
)
from .preparation import store as preparation
from .rules import invitations as invitation_rules
from .rules.meetings import MeetingStatus, to_utc
from .rules.preparation import FormStatus

# name, born, language, situation, form status (None: no form), days to next meeting (None: none)
CASELOAD = [
    ("Ahmad Karimi", date(1990, 2, 14), "fa", "kontanthjaelp", FormStatus.SUBMITTED, 6),
    ("Birgitte Sørensen", date(1968, 7, 2), "da", "dagpenge", FormStatus.SUBMITTED, 2),
    ("Cem Yılmaz", date(1995, 11, 20), "tr", "uddannelseshjaelp", FormStatus.SUBMITTED, 9),
    ("Dorota Nowak", date(1983, 5, 8), "pl", "dagpenge", FormStatus.SEEN, 4),
    ("Elias Hansen", date(2001, 1, 30), "da", "uddannelseshjaelp", FormStatus.REVIEWED, 7),
    ("Fatima Ali", date(1979, 9, 17), "so", "kontanthjaelp", FormStatus.REVIEWED, 1),
    ("Gitte Mortensen", date(1972, 3, 3), "da", "sygedagpenge", FormStatus.DISCUSSED, 12),
    ("Hassan Omar", date(1988, 12, 1), "ar", "ressourceforloeb", FormStatus.DRAFT, 5),
    ("Ida Kristensen", date(1998, 6, 25), "da", "kontanthjaelp", FormStatus.DRAFT, 3),
    ("Jonas Berg", date(1985, 10, 10), "da", "dagpenge", None, 0),
    ("Khadija Mohamed", date(1993, 4, 4), "so", "kontanthjaelp", None, 8),
    ("Lars Pedersen", date(1964, 8, 19), "da", "ledighedsydelse", FormStatus.SUBMITTED, 1),
    ("Maryna Shevchenko", date(1990, 7, 7), "uk", "kontanthjaelp", FormStatus.SEEN, 10),
    ("Nadia Rahimi", date(1996, 2, 2), "fa", "uddannelseshjaelp", None, None),
    ("Ole Frederiksen", date(1970, 11, 11), "da", "jobafklaring", FormStatus.DISCUSSED, 14),
    ("Piotr Zieliński", date(1987, 9, 9), "pl", "dagpenge", FormStatus.REVIEWED, 6),
    ("Rania Haddad", date(1994, 1, 15), "ar", "kontanthjaelp", FormStatus.SUBMITTED, 4),
    ("Sofie Lund", date(2003, 3, 21), "da", "uddannelseshjaelp", None, 2),
    ("Tarik Demir", date(1981, 6, 6), "tr", "sygedagpenge", None, None),
    ("Ulla Jakobsen", date(1966, 12, 24), "da", "dagpenge", FormStatus.SEEN, 11),
    ("Viktor Andersen", date(1999, 8, 8), "da", "kontanthjaelp", None, 1),
    ("Yasmin Noor", date(1992, 10, 30), "ar", "ressourceforloeb", FormStatus.REVIEWED, 8),
]

MESSAGES_WAITING = {
    "Ahmad Karimi": ("Hej. Jeg har fået tilbud om et kursus i lager. Må jeg tage det?", 3),
    "Dorota Nowak": ("Jeg kan ikke finde min joblog. Hvor er den?", 1),
    "Maryna Shevchenko": ("Kan jeg få en tolk til næste samtale?", 0),
    "Rania Haddad": ("Min søn er syg i denne uge. Kan vi flytte samtalen?", 4),
}
REQUESTS = {"Birgitte Sørensen": ("move", "Jeg skal til lægen den dag."), "Lars Pedersen": ("sick", None)}
ENDING_SOON = {"Elias Hansen": ("Praktik i Netto, Vestergade", 9), "Gitte Mortensen": ("Mentorforløb", 12)}
CHECKED_IN_TODAY = "Jonas Berg"
CODE_EXPIRING = "Sofie Lund"
TEAM_MEETING_FOR = "Fatima Ali"

ANSWERS: dict[str, dict] = {
    "education": {
        "entries": [{"what": "Folkeskolen, 9. klasse", "place": "Aarhus", "country": "denmark", "finished": "yes"}]
    },
    "work": {"entries": [{"job": "Lagermedarbejder", "workplace": "Dagrofa, Aarhus", "period": "2019-2022"}]},
    "successes": {"story": "Jeg lærte mig selv at køre truck og fik certifikatet."},
    "goals": {"goal_kind": "job", "goal": "Arbejde på et lager", "matters": "Faste arbejdstider", "first": ""},
}


def _at(day: date, hour: int) -> datetime:
    return to_utc(datetime.combine(day, datetime.min.time().replace(hour=hour)))


def seed_caseload() -> list[str]:
    created: list[str] = []
    team = db.session.scalar(select(Team).where(Team.name == "Team Nord"))
    karen = db.session.scalar(select(StaffUser).where(StaffUser.email == "karen.holm@demokommune.dk"))
    if team is None or karen is None:
        return created
    issuer = current_app.config["OIDC_CITIZEN_ISSUER"]
    today = utcnow().date()
    people: dict[str, Citizen] = {}
    for number, (name, born, language, situation, status, meeting_in) in enumerate(CASELOAD, start=1):
        subject = f"demo-caseload-{number:02d}"
        citizen = db.session.scalar(select(Citizen).where(Citizen.oidc_subject == subject))
        if citizen is not None:
            people[name] = citizen
            continue
        citizen = Citizen(
            oidc_issuer=issuer,
            oidc_subject=subject,
            name=name,
            birth_date=born,
            language=language,
            situation=situation,
            team=team,
        )
        db.session.add(citizen)
        db.session.flush()
        people[name] = citizen
        created.append(f"caseload citizen {name}")
        if meeting_in is not None:
            hour = 9 + number % 6
            db.session.add(Meeting(citizen_id=citizen.id, starts_at=_at(today + timedelta(days=meeting_in), hour)))
        if status is not None:
            _form(citizen, status, language, sent_days_ago=number % 5)
    if not created:
        return created
    db.session.flush()
    now = utcnow()
    for name, (body, days_ago) in MESSAGES_WAITING.items():
        db.session.add(
            Message(
                citizen_id=people[name].id,
                from_citizen=True,
                body=body,
                created_at=now - timedelta(days=days_ago, hours=2),
            )
        )
    for name, (kind, reason) in REQUESTS.items():
        meeting = db.session.scalar(select(Meeting).where(Meeting.citizen_id == people[name].id))
        if meeting is not None:
            db.session.add(
                MeetingRequest(meeting_id=meeting.id, kind=kind, reason=reason, created_at=now - timedelta(hours=20))
            )
    for name, (title, ends_in) in ENDING_SOON.items():
        plan = Plan(citizen_id=people[name].id, goal_kind="job", goal="Job inden for et år")
        db.session.add(plan)
        db.session.flush()
        db.session.add(
            PlanActivity(
                plan_id=plan.id,
                title=title,
                status="ongoing",
                start_date=today - timedelta(days=60),
                end_date=today + timedelta(days=ends_in),
                agreed=True,
            )
        )
    checked_in = db.session.scalar(select(Meeting).where(Meeting.citizen_id == people[CHECKED_IN_TODAY].id))
    if checked_in is not None:
        checked_in.starts_at = now + timedelta(minutes=20)
        checked_in.checked_in_at = now - timedelta(minutes=5)
    code = invitation_rules.new_code()
    db.session.add(
        Invitation(
            citizen_id=people[CODE_EXPIRING].id,
            code_hash=invitation_rules.code_hash(code),
            issued_by_id=karen.id,
            created_at=now - timedelta(days=12),
            expires_at=now + timedelta(days=2),
        )
    )
    fatima = people[TEAM_MEETING_FOR]
    meeting = Meeting(
        citizen_id=fatima.id,
        starts_at=_at(today + timedelta(days=7), 13),
        kind="team",
        place="Jobcentret, mødelokale 2",
        participants="Beskæftigelse, Sundhed, Socialafdelingen",
        status=MeetingStatus.PLANNED,
    )
    db.session.add(TeamMeeting(citizen=fatima, meeting=meeting, departments=["employment", "health", "social"]))
    created.append("caseload: messages, requests, a check-in, a code, a team meeting")
    return created


def _form(citizen: Citizen, status: FormStatus, language: str, sent_days_ago: int) -> None:
    form = preparation.form_for(citizen)
    for slug, step in ANSWERS.items():
        preparation.save_step(form, slug, preparation.step_answers(slug, step), complete=True, language=language)
    if status == FormStatus.DRAFT:
        return
    submission, _created = preparation.submit(form, form.version, None, None)
    now = utcnow()
    form.submitted_at = now - timedelta(days=sent_days_ago, hours=3)
    if submission is not None:
        submission.submitted_at = form.submitted_at
    if status in (FormStatus.SEEN, FormStatus.REVIEWED, FormStatus.DISCUSSED):
        form.status, form.seen_at = FormStatus.SEEN, now
    if status in (FormStatus.REVIEWED, FormStatus.DISCUSSED):
        form.status, form.reviewed_at = FormStatus.REVIEWED, now
    if status == FormStatus.DISCUSSED:
        form.status, form.discussed_at = FormStatus.DISCUSSED, now
