"""Min Plan as the citizen and the caseworker use it: published versions, history, minutes, access."""

import pytest
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import AuditEntry, PlanActivity, PlanVersion
from tests.factories import activity_form, public_id_of
from tests.helpers import citizen, csrf_token, page, sign_in_as, staff

pytestmark = pytest.mark.db


def test_the_citizen_sees_goal_and_activities_grouped_with_every_detail(jens):
    html = page(jens.get("/me/plan/?lang=en"))
    text = html.get_text(" ")
    assert "Fast job som lagermedarbejder" in text
    headings = [h.get_text(strip=True) for h in html.select("main section > h2")]
    assert headings == ["Ongoing", "Planned", "Finished"]
    assert "Virksomhedspraktik som lagermedarbejder" in html.select("main section")[0].get_text()
    for detail in ["Sub-goal", "Hours per week", "Responsible department", "Caseworker", "Legal basis", "Agreed"]:
        assert detail in text
    link = html.find("a", string="LAB § 125")
    assert link["href"].startswith("https://www.retsinformation.dk/")


def test_the_caseworker_changes_the_plan_and_the_citizen_sees_it_only_when_published(app, jens, karen, people):
    jens_id = public_id_of(app, people["jens"])
    token = csrf_token(karen, f"/staff/citizens/{jens_id}/plan")
    response = karen.post(
        f"/staff/citizens/{jens_id}/plan/activities/new",
        data={"csrf_token": token, **activity_form(title="Samtaler med mentor")},
    )
    assert response.status_code == 302
    assert "Samtaler med mentor" not in jens.get("/me/plan/").get_data(as_text=True)
    with app.app_context():
        practice = db.session.scalar(select(PlanActivity).where(PlanActivity.title.like("Virksomhedspraktik%")))
        practice_id = practice.public_id
    edit = page(karen.get(f"/staff/plan/activities/{practice_id}/edit"))
    data = {i["name"]: i.get("value", "") for i in edit.select("main form input") if i.get("name")}
    data |= {"status": "finished", "area": "employment", "description": ""}
    data.pop("agreed", None)
    assert karen.post(f"/staff/plan/activities/{practice_id}/edit", data=data).status_code == 302
    karen.post(f"/staff/citizens/{jens_id}/plan/publish", data={"csrf_token": token})
    plan_page = jens.get("/me/plan/?lang=en").get_data(as_text=True)
    assert "Samtaler med mentor" in plan_page and "Version 2" in plan_page
    history = page(jens.get("/me/plan/history?lang=en")).get_text(" ")
    assert "New activity: Samtaler med mentor" in history
    assert "Ended: Virksomhedspraktik som lagermedarbejder (finished)" in history


def test_publishing_twice_without_changes_makes_no_new_version(app, karen, people):
    jens_id = public_id_of(app, people["jens"])
    token = csrf_token(karen, f"/staff/citizens/{jens_id}/plan")
    karen.post(f"/staff/citizens/{jens_id}/plan/publish", data={"csrf_token": token})
    with app.app_context():
        assert len(db.session.scalars(select(PlanVersion)).all()) == 1


def test_an_activity_cannot_end_before_it_starts(app, karen, people):
    jens_id = public_id_of(app, people["jens"])
    token = csrf_token(karen, f"/staff/citizens/{jens_id}/plan")
    response = karen.post(
        f"/staff/citizens/{jens_id}/plan/activities/new",
        data={
            "csrf_token": token,
            **activity_form(title="Kursus", area="education", start_date="2030-05-10", end_date="2030-05-01"),
        },
    )
    assert response.status_code == 400
    assert page(response).find(id="end_date-error")


def test_published_minutes_reach_the_citizen(app, jens, karen, people):
    jens_id = public_id_of(app, people["jens"])
    token = csrf_token(karen, f"/staff/citizens/{jens_id}/minutes/new")
    karen.post(
        f"/staff/citizens/{jens_id}/minutes/new",
        data={"csrf_token": token, "meeting_date": "2026-11-20", "text": "Teamet anbefaler en mentor."},
    )
    html = page(jens.get("/me/plan/?lang=en"))
    link = html.select_one("a[href^='/me/plan/minutes/']")
    assert "Teamet anbefaler en mentor." in jens.get(link["href"]).get_data(as_text=True)


def test_the_print_view_has_the_whole_plan(jens):
    html = page(jens.get("/me/plan/print?lang=en"))
    assert "Truckcertifikat (AMU-kursus)" in html.get_text()
    assert html.select(".print-section")


def test_nobody_else_sees_the_plan_and_staff_work_on_it_is_logged(app, people, karen):
    amira = app.test_client()
    sign_in_as(amira, app, citizen(people, "amira"))
    assert "Fast job som lagermedarbejder" not in amira.get("/me/plan/").get_data(as_text=True)
    peter = app.test_client()
    sign_in_as(peter, app, staff(people, "peter"))
    jens_id = public_id_of(app, people["jens"])
    assert peter.get(f"/staff/citizens/{jens_id}/plan").status_code == 404
    with app.app_context():
        activity_id = db.session.scalar(select(PlanActivity.public_id))
    assert peter.get(f"/staff/plan/activities/{activity_id}/edit").status_code == 404
    karen.get(f"/staff/citizens/{jens_id}/plan")
    with app.app_context():
        assert db.session.scalar(select(AuditEntry.object).where(AuditEntry.citizen_id == people["jens"])) == "plan"
