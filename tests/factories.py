"""Factories: the rows a test needs, built in one line, with keyword overrides for what the test is about.

The `make_*` functions are plain functions called inside an app context (`with app.app_context():` or the `ctx`
fixture). Each one commits and returns the model object; anything it needs and was not given (a team, a citizen, a
meeting) it makes too. Names, e-mail addresses and sign-in subjects are numbered, so a test can make as many as it
likes, and it depends on nothing in the demo people (selfservice/demo.py) — use those only to test the demo.

Where the app has a store for a thing, the factory goes through it (a meeting request, a plan and its published
version, a sent preparation form), so a factory row is one the app itself could have written. Citizens and meetings
are made directly from the models: the stores' `register` and `save` also write an access-log entry and queue a
notice, which a test would then have to discount.

The helpers at the end take the app and open their own context, for tests that only need an id.
"""

import itertools
from datetime import date, timedelta

from flask import current_app

from selfservice.extensions import db
from selfservice.meetings import store as meetings
from selfservice.models import (
    Citizen,
    Meeting,
    MeetingRequest,
    Plan,
    PlanActivity,
    PreparationForm,
    StaffUser,
    Team,
    utcnow,
)
from selfservice.plan.publishing import plan_for, publish
from selfservice.preparation import store as preparation

_numbers = itertools.count(1)


def _number() -> int:
    return next(_numbers)


def make_team(**overrides) -> Team:
    number = _number()
    team = Team(**{"name": f"Team {number}", "department": "employment"} | overrides)
    db.session.add(team)
    db.session.commit()
    return team


def make_caseworker(team: Team | None = None, **overrides) -> StaffUser:
    """A caseworker (StaffUser) in `team`, or in a new team of their own."""
    number = _number()
    values = {
        "name": f"Sagsbehandler {number}",
        "email": f"caseworker-{number}@example.test",
        "role": "caseworker",
        "oidc_issuer": current_app.config["OIDC_STAFF_ISSUER"],
        "oidc_subject": f"test-staff-{number}",
    }
    if "team_id" not in overrides:
        values["team"] = team or make_team()
    caseworker = StaffUser(**values | overrides)
    db.session.add(caseworker)
    db.session.commit()
    return caseworker


def make_citizen(team: Team | None = None, **overrides) -> Citizen:
    """A citizen who signs in with MitID; placed in `team`, or in no team (no caseworker sees them) without one."""
    number = _number()
    values = {
        "name": f"Borger Nummer{number}",
        "birth_date": date(1980, 1, 1),
        "oidc_issuer": current_app.config["OIDC_CITIZEN_ISSUER"],
        "oidc_subject": f"test-citizen-{number}",
        "team": team,
    }
    citizen = Citizen(**values | overrides)
    db.session.add(citizen)
    db.session.commit()
    return citizen


def make_meeting(citizen: Citizen | None = None, **overrides) -> Meeting:
    """A planned meeting in two days at the jobcentre; for `citizen`, `citizen_id=`, or a new citizen."""
    values = {
        "starts_at": utcnow() + timedelta(days=2),
        "place": "Jobcenter Demokommune",
        "address": "Rådhustorvet 1",
        "bring": "Dit sygesikringskort",
    }
    if "citizen_id" not in overrides:
        values["citizen_id"] = (citizen or make_citizen()).id
    meeting = Meeting(**values | overrides)
    db.session.add(meeting)
    db.session.commit()
    return meeting


def make_meeting_request(
    meeting: Meeting | None = None, kind: str = "move", reason: str | None = "Jeg er syg", **overrides
) -> MeetingRequest:
    """The citizen's open request about `meeting` (or a new meeting), asked through the meetings store."""
    request_ = meetings.ask(meeting or make_meeting(), kind, reason, overrides.pop("preferred_times", None))
    if overrides:
        for name, value in overrides.items():
            setattr(request_, name, value)
        db.session.commit()
    return request_


def activity_form(**overrides) -> dict[str, str]:
    """Every field of the caseworker's activity form, filled as a caseworker would (without the CSRF token)."""
    return {
        "title": "Samtaler med mentor",
        "area": "social",
        "status": "planned",
        "hours_per_week": "2",
        "description": "",
        "sub_goal": "",
        "department": "Socialforvaltningen",
        "caseworker": "",
        "legal_basis": "Serviceloven § 85",
        "legal_url": "",
        "start_date": "",
        "end_date": "",
    } | overrides


def make_plan(
    citizen: Citizen | None = None,
    activities: list[dict] | None = None,
    published: bool = True,
    by: StaffUser | None = None,
    **overrides,
) -> Plan:
    """The citizen's plan with a goal and activities (one dict of PlanActivity values each; one activity by
    default), published as version 1 unless published=False."""
    citizen = citizen or make_citizen()
    plan = plan_for(citizen)
    for name, value in ({"goal_kind": "job", "goal": "Fast job som lagermedarbejder"} | overrides).items():
        setattr(plan, name, value)
    today = utcnow().date()
    default = {
        "title": "Virksomhedspraktik",
        "area": "employment",
        "status": "ongoing",
        "start_date": today,
        "end_date": today + timedelta(days=28),
        "hours_per_week": 20,
        "legal_basis": "LAB § 42",
    }
    for values in [{}] if activities is None else activities:
        db.session.add(PlanActivity(plan_id=plan.id, **default | values))
    db.session.flush()
    db.session.refresh(plan)
    if published:
        publish(plan, by)
    db.session.commit()
    return plan


def make_sent_form(
    citizen: Citizen | None = None,
    answers: dict[str, dict] | None = None,
    email: str | None = None,
    language: str = "da",
    by: StaffUser | None = None,
) -> PreparationForm:
    """A preparation form the citizen has filled in (answers by step slug) and sent, through the form's store."""
    form = preparation.form_for(citizen or make_citizen())
    answers = answers or {
        "successes": {"story": "Jeg fik mit truckcertifikat."},
        "goals": {"goal_kind": "job", "goal": "Lagermedarbejder", "matters": "Faste arbejdstider", "first": ""},
    }
    for slug, step in answers.items():
        saved = preparation.save_step(
            form, slug, preparation.step_answers(slug, step), complete=True, language=language, staff=by
        )
        assert saved, slug
    submission, created = preparation.submit(form, form.version, email, by)
    assert submission is not None and created
    return form


# --- For tests outside an app context ------------------------------------------------------------------------------


def public_id_of(app, citizen_id: int) -> str:
    """The citizen's id in URLs (the demo people are known by their database ids: `people["jens"]`)."""
    with app.app_context():
        return db.session.get(Citizen, citizen_id).public_id


def add_meeting(app, citizen_id: int, **overrides) -> Meeting:
    """make_meeting in a context of its own; the meeting comes back detached, with its columns loaded
    (public_id, booking_ref, starts_at …), but not its relationships."""
    with app.app_context():
        meeting = make_meeting(citizen_id=citizen_id, **overrides)
        db.session.refresh(meeting)
        db.session.expunge(meeting)
        return meeting
