"""Every page of the app, discovered from the route map, with its parameters filled from the demo people.

Why: a test that must cover "every citizen page" or "every form" would silently miss a page added later if it kept
its own list. Here every GET route of the citizen's and the caseworker's side gets concrete addresses or is excluded
with a reason, and tests/web/test_route_pages.py fails for a route that has neither.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from selfservice import access
from selfservice.extensions import db
from selfservice.models import Citizen, Meeting, PlanActivity, StaffUser, TeamMeeting, utcnow
from selfservice.plan import team_meetings
from selfservice.preparation.steps import STEPS
from selfservice.rules.selfchecks import CHECKS

PUBLIC, CITIZEN, STAFF, ADMIN = "public", "citizen", "staff", "admin"

# Routes no page walk visits, and why. Each is covered by its own tests.
EXCLUDED = {
    "static": "files, checked by tests/web/test_static_files.py",
    "pages.healthz": "for the load balancer, not a page",
    "api.openapi": "JSON for machines",
    "api.list_forms": "JSON for machines",
    "api.get_form": "JSON for machines",
    "assistant.openapi": "JSON for machines",
    "devidp.discovery": "the demo identity provider's JSON",
    "devidp.jwks": "the demo identity provider's JSON",
    "devidp.userinfo": "the demo identity provider's JSON",
    "devidp.authorize": "the demo identity provider's page, not part of the service (stands in for MitID)",
    "auth.citizen_start": "a redirect to the identity provider",
    "auth.citizen_callback": "a redirect back from the identity provider",
    "auth.staff_start": "a redirect to the identity provider",
    "auth.staff_callback": "a redirect back from the identity provider",
    "auth.staff_second_factor": "needs a half-finished staff sign-in; tests/web/test_second_factor.py",
    "auth.staff_set_up": "needs a half-finished staff sign-in; tests/web/test_second_factor.py",
    "preparation.resume": "a redirect to the step to continue",
    "preparation.receipt": "shown after sending; tests/browser/test_preparation_browser.py",
    "citizen.calendar_feed": "an iCalendar feed, not a page",
    "meetings.calendar_file": "an iCalendar file, not a page",
    "meetings.receipt": "shown after a request; tests/browser/test_meetings_browser.py",
    "what_applies.result": "reached through the questions; tests/browser/test_what_applies_browser.py",
    "what_applies.asked": "shown after asking; tests/browser/test_what_applies_browser.py",
    "plan.minutes": "needs minutes; tests/web/test_plan.py",
    "selfchecks.result": "reached through the questions (walked in tests/browser/test_enter_everywhere_browser.py)",
    "kiosk.start": "needs a registered kiosk device; tests/browser/test_kiosk_browser.py",
    "kiosk.activate": "needs an activation link; tests/browser/test_kiosk_browser.py",
    "kiosk.check_in": "needs a registered kiosk device; tests/browser/test_kiosk_browser.py",
    "kiosk.checked_in": "needs a registered kiosk device; tests/browser/test_kiosk_browser.py",
    "kiosk.scan": "needs a registered kiosk device; tests/browser/test_kiosk_browser.py",
    "kiosk.help_called": "needs a registered kiosk device; tests/browser/test_kiosk_browser.py",
    "kiosk.choose_language": "needs a registered kiosk device; tests/browser/test_kiosk_browser.py",
    "kiosk.menu": "needs a registered kiosk device; tests/browser/test_kiosk_browser.py",
    "together.start": "the citizen's form pages with a joint session; the same templates as /me/form/",
    "together.step": "the citizen's form pages with a joint session; the same templates as /me/form/",
    "together.check": "the citizen's form pages with a joint session; the same templates as /me/form/",
    "together.resume": "a redirect to the step to continue",
    "together.receipt": "the citizen's form pages with a joint session; the same templates as /me/form/",
    "together.saved": "the citizen's form pages with a joint session; the same templates as /me/form/",
    "caseworker.form_detail": "needs a sent form; tests/browser/test_preparation_browser.py",
    "caseworker.form_print": "needs a sent form; tests/web/test_caseworker_forms.py",
}


@dataclass(frozen=True)
class Page:
    path: str
    endpoint: str
    audience: str  # who opens it: PUBLIC (anyone), CITIZEN (Jens), STAFF (Karen, his caseworker) or ADMIN (Anne)


def audience(app, rule) -> str:
    """From the access rule the view declares (selfservice/access.py), so the walk signs in as who may see it."""
    declared = getattr(app.view_functions[rule.endpoint], "access_rule", access.PUBLIC)
    return {access.CITIZEN: CITIZEN, access.INVITED: CITIZEN, access.STAFF: STAFF, access.ADMIN: ADMIN}.get(
        declared, PUBLIC
    )


def _fillers(people) -> dict:
    """The demo data each route parameter is filled from (Jens, his meetings and plan; Karen is his caseworker)."""
    jens = db.session.get(Citizen, people["jens"])
    meeting = db.session.scalars(
        select(Meeting).where(Meeting.citizen_id == jens.id, Meeting.status == "planned").order_by(Meeting.starts_at)
    ).first()
    activity = db.session.scalars(select(PlanActivity).order_by(PlanActivity.id)).first()
    team_meeting = db.session.scalars(select(TeamMeeting).where(TeamMeeting.citizen_id == jens.id)).first()
    if team_meeting is None:
        staff = db.session.scalars(select(StaffUser).where(StaffUser.team_id == jens.team_id)).first()
        team_meeting = team_meetings.schedule(
            jens, utcnow() + timedelta(days=7), ["employment", "health"], "Mødelokale 2", "Beskæftigelse", staff.id
        )
    steps = [step.slug for step in STEPS]
    return {
        "guides.article": [{"slug": "dagpenge"}, {"slug": "uddannelsesloeft"}],
        "selfchecks.start": [{"name": name} for name in CHECKS],
        "selfchecks.question": [{"name": name, "key": CHECKS[name]({}, date.today()).question} for name in CHECKS],
        "preparation.step": [{"slug": slug} for slug in steps],
        "meetings.detail": [{"public_id": meeting.public_id}],
        "meetings.request_page": [{"public_id": meeting.public_id, "action": a} for a in ("confirm", "move", "cancel")],
        "caseworker.edit_meeting": [{"public_id": meeting.public_id}],
        "caseworker.edit_activity": [{"public_id": activity.public_id}] if activity else [],
        "caseworker.citizen": [{"public_id": jens.public_id}],
        "caseworker.messages": [{"public_id": jens.public_id}],
        "caseworker.plan": [{"public_id": jens.public_id}],
        "caseworker.new_activity": [{"public_id": jens.public_id}],
        "caseworker.new_meeting": [{"public_id": jens.public_id}],
        "caseworker.new_minutes": [{"public_id": jens.public_id}],
        "caseworker.new_team_meeting": [{"public_id": jens.public_id}],
        "what_applies.question": [{"key": key} for key in ("benefit", "age", "education", "learning_danish")],
        "what_applies.ask": [{"key": "rkv"}],
        "caseworker.team_meeting": [{"public_id": team_meeting.public_id}],
    }


def pages(app, people) -> list[Page]:
    """One or more concrete pages for every GET route that is not excluded (inside an app context)."""
    fillers = _fillers(people)
    found = []
    with app.test_request_context():
        from flask import url_for

        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if "GET" not in rule.methods or rule.endpoint in EXCLUDED:
                continue
            for values in fillers.get(rule.endpoint, [{}] if not rule.arguments else []):
                found.append(Page(url_for(rule.endpoint, **values), rule.endpoint, audience(app, rule)))
    return found


def unplaced(app, people) -> set[str]:
    """GET routes that have neither an address nor a reason to be left out."""
    placed = {page.endpoint for page in pages(app, people)}
    return {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and rule.endpoint not in EXCLUDED and rule.endpoint not in placed
    }
