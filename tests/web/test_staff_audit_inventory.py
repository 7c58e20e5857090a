"""Every read of a citizen's data by staff is in the citizen's access log: an inventory over the route map.

Like the access-rule inventory in test_security.py, this walks every staff route that takes a citizen, a meeting,
a preparation form, an activity or a meeting request, plus the lists that show citizens (the team, the inbox,
today's meetings, the queue of forms). A GET must add an audit entry for the citizen; a POST must add one unless it
was refused (4xx) without showing anything. A new staff page that forgets the audit fails here.
"""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from selfservice.access import ADMIN, STAFF
from selfservice.extensions import db
from selfservice.kiosk.admin import today_bounds
from selfservice.models import (
    AuditEntry,
    Citizen,
    Message,
    Plan,
    PlanActivity,
    StaffUser,
    utcnow,
)
from selfservice.plan import team_meetings
from tests.factories import make_meeting, make_meeting_request
from tests.helpers import csrf_token
from tests.web.test_preparation_staff import reference_of, send_form

pytestmark = pytest.mark.db

# Staff routes with an id that is not a citizen's (kiosks and their help calls are not personal data).
NOT_ABOUT_A_CITIZEN = ("/staff/kiosks", "/staff/front-desk")
LISTS = {"/staff/", "/staff/citizens", "/staff/inbox", "/staff/forms", "/staff/today"}


def citizen_routes(app):
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if getattr(view, "access_rule", None) not in (STAFF, ADMIN) or rule.rule.startswith(NOT_ABOUT_A_CITIZEN):
            continue
        if rule.rule in LISTS:
            yield rule, "GET"  # a list's POST (the team list's filters) shows no one: it redirects to the GET
        elif rule.arguments & {"public_id", "reference"}:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}, reverse=True):  # GET before POST
                yield rule, method


@pytest.fixture
def jens_everything(app, people):
    """Jens with something behind every kind of id: a sent form, a meeting today with an open request, an
    activity in his plan and a message waiting for an answer."""
    send_form(app, people, "jens")
    with app.app_context():
        jens = db.session.get(Citizen, people["jens"])
        start, _end = today_bounds(utcnow())
        meeting = make_meeting(jens, starts_at=start + timedelta(hours=11), place="Jobcentret")
        request_ = make_meeting_request(meeting, kind="move", reason="Jeg er syg")
        plan = db.session.scalar(select(Plan).where(Plan.citizen_id == jens.id)) or Plan(citizen_id=jens.id)
        db.session.add(plan)
        db.session.flush()
        activity = PlanActivity(plan_id=plan.id, title="Kursus")
        db.session.add_all([activity, Message(citizen_id=jens.id, from_citizen=True, body="Hej")])
        db.session.commit()
        karen = db.session.get(StaffUser, people["karen"])
        team_meeting = team_meetings.schedule(jens, start + timedelta(days=7), ["health"], None, "Sundhed", karen.id)
        return {
            "citizens": jens.public_id,
            "meetings": meeting.public_id,
            "requests": request_.public_id,
            "activities": activity.public_id,
            "team-meetings": team_meeting.public_id,
            "forms": reference_of(app, people, "jens"),
            "citizen_id": jens.id,
        }


def fill(rule, ids) -> str:
    path = rule.rule
    for kind in ("citizens", "meetings", "requests", "activities", "team-meetings"):
        path = path.replace(f"/{kind}/<public_id>", f"/{kind}/{ids[kind]}")
    return path.replace("<reference>", ids["forms"]).replace("<slug>", "successes")


def entries(app, citizen_id) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.citizen_id == citizen_id)
        )


def test_every_staff_route_that_shows_a_citizen_leaves_an_entry_in_their_access_log(app, karen, jens_everything):
    token = csrf_token(karen, "/staff/citizens/new")  # a page that shows no citizen
    walked, silent = [], []
    for rule, method in sorted(citizen_routes(app), key=lambda item: (item[1] != "GET", item[0].rule)):
        path = fill(rule, jens_everything)
        assert "<" not in path, f"no test value for {rule.rule}"
        before = entries(app, jens_everything["citizen_id"])
        if method == "GET":
            response = karen.get(path, check=False)
        else:
            response = karen.post(path, data={"csrf_token": token}, check=False)
        walked.append(f"{method} {rule.rule}")
        added = entries(app, jens_everything["citizen_id"]) - before
        refused_without_showing = method == "POST" and response.status_code >= 400 and not response.is_json
        if response.status_code in (403, 404, 405) or response.status_code >= 500:
            silent.append(f"{method} {rule.rule}: {response.status_code}")
        elif added == 0 and not (refused_without_showing and "<form" not in response.get_data(as_text=True)):
            silent.append(f"{method} {rule.rule}: {response.status_code}, no audit entry")
    assert len(walked) > 30, walked
    assert silent == []


def test_staff_without_a_team_see_no_unplaced_citizens_in_the_queue_or_the_inbox(app, people):
    """Review F8: an administrator without a team saw the forms and messages of citizens not placed in a team."""
    from tests.helpers import sign_in_as, staff
    from tests.web.test_preparation import fill_everything, submit

    with app.app_context():
        unplaced = Citizen(name="Sofie Jensen", oidc_issuer="test", oidc_subject="sofie")  # known to no team yet
        db.session.add(unplaced)
        db.session.commit()
        sofie_key = unplaced.get_id()
    sofie = app.test_client()
    sign_in_as(sofie, app, sofie_key)

    fill_everything(sofie)
    submit(sofie)
    sofie.post("/me/messages/", data={"csrf_token": csrf_token(sofie, "/me/messages/"), "body": "Hej"})
    anne = app.test_client()
    sign_in_as(anne, app, staff(people, "anne"))
    for path in ("/staff/forms", "/staff/inbox", "/staff/today", "/staff/"):
        assert "Sofie" not in anne.get(path).get_data(as_text=True), path
