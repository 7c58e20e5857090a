"""The caseworker's workspace (issue 18): Today, the team list, the citizen at a glance and the team meeting."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from selfservice.extensions import db
from selfservice.kiosk.admin import today_bounds
from selfservice.models import (
    AuditEntry,
    Citizen,
    Invitation,
    Meeting,
    Message,
    Plan,
    PlanActivity,
    StaffUser,
    TeamMeeting,
    TeamMinutes,
    utcnow,
)
from selfservice.rules import invitations
from tests.factories import make_citizen, make_meeting, make_meeting_request, make_sent_form
from tests.helpers import citizen, csrf_token, page, sign_in_as, staff

pytestmark = pytest.mark.db


def karen_team(app, people):
    with app.app_context():
        return db.session.get(StaffUser, people["karen"]).team


def section(html_page, heading_id):
    found = html_page.find(id=heading_id)
    assert found is not None, heading_id
    return found.find_parent("section")


def count_of(html_page, heading_id) -> int:
    return int(section(html_page, heading_id).find(class_="work-count").get_text())


def test_today_says_nothing_waiting_when_nothing_waits(app, people, karen):
    today = page(karen.get("/staff/"))
    assert today.h1.get_text() == "I dag"
    for heading in ("today-requests", "today-messages", "today-forms"):
        assert count_of(today, heading) == 0
        assert "Der venter ikke noget." in section(today, heading).get_text()


def test_today_shows_what_waits_for_the_team_with_counts_and_how_long(app, people, karen):
    with app.app_context():
        team = db.session.get(StaffUser, people["karen"]).team
        jens = db.session.get(Citizen, people["jens"])
        amira = db.session.get(Citizen, people["amira"])
        make_sent_form(jens)
        start, _end = today_bounds(utcnow())
        arrived = make_meeting(amira, starts_at=start + timedelta(hours=14), checked_in_at=utcnow())
        make_meeting_request(make_meeting(jens), kind="sick", reason=None)
        db.session.add(
            Message(citizen_id=amira.id, from_citizen=True, body="Hej", created_at=utcnow() - timedelta(days=3))
        )
        plan = Plan(citizen_id=amira.id)
        db.session.add(plan)
        db.session.flush()
        ending = utcnow().date() + timedelta(days=10)
        db.session.add(PlanActivity(plan_id=plan.id, title="Praktik i Netto", status="ongoing", end_date=ending))
        db.session.add(
            PlanActivity(plan_id=plan.id, title="Kursus senere", status="ongoing", end_date=ending + timedelta(days=30))
        )
        db.session.add(
            Invitation(
                citizen_id=jens.id,
                code_hash=invitations.code_hash("ABCD-EFGH-2345"),
                expires_at=utcnow() + timedelta(days=2),
            )
        )
        syd = make_citizen(db.session.get(StaffUser, people["peter"]).team, name="Syd Borger")
        make_sent_form(syd)
        db.session.commit()
        assert team is not None and arrived.checked_in_at is not None
    today = page(karen.get("/staff/"))
    text = today.get_text(" ", strip=True)
    assert count_of(today, "today-forms") == 1
    assert "Jens Nielsen" in section(today, "today-forms").get_text()
    assert count_of(today, "today-requests") == 1
    assert "Melder sig syg" in section(today, "today-requests").get_text()
    messages = section(today, "today-messages").get_text(" ", strip=True)
    assert "Amira Hassan" in messages and "har ventet 3 dage" in messages and "forsinket" in messages
    meetings = section(today, "today-meetings").get_text(" ", strip=True)
    assert "Amira Hassan" in meetings and "Ankommet" in meetings
    ending_soon = section(today, "today-ending").get_text()
    assert "Praktik i Netto" in ending_soon and "Kursus senere" not in ending_soon
    assert "Jens Nielsen" in section(today, "today-codes").get_text()
    assert "Syd Borger" not in text  # another team's citizen is never on Karen's page


def test_today_writes_one_read_entry_for_each_citizen_it_shows(app, people, karen):
    with app.app_context():
        make_sent_form(db.session.get(Citizen, people["jens"]))
    karen.get("/staff/")
    with app.app_context():
        shown = db.session.scalar(
            select(func.count()).where(AuditEntry.citizen_id == people["jens"], AuditEntry.object == "citizen_list")
        )
    assert shown == 1


def populate(app, team, count: int) -> None:
    with app.app_context():
        team = db.session.merge(team)
        for number in range(count):
            db.session.add(Citizen(name=f"Borger {number:03d}", team=team, situation="dagpenge"))
        db.session.commit()


def test_the_team_list_pages_fifty_at_a_time(app, people, karen):
    populate(app, karen_team(app, people), 117)  # with Jens, Amira and Reza: 120
    first = page(karen.get("/staff/citizens"))
    assert len(first.select("tbody tr")) == 50
    assert "120 borgere" in first.get_text()
    last = page(karen.get("/staff/citizens?page=3"))
    assert len(last.select("tbody tr")) == 20
    assert page(karen.get("/staff/citizens?page=99")).select("tbody tr") == last.select("tbody tr")


def test_a_search_by_name_is_kept_on_the_server_never_in_the_address(app, people, karen):
    token = csrf_token(karen, "/staff/citizens")
    sent = karen.post("/staff/citizens", data={"csrf_token": token, "q": "amira", "sort": "name"})
    assert sent.status_code == 302 and "amira" not in sent.headers["Location"].lower()
    found = page(karen.get(sent.headers["Location"]))
    assert [row.th.get_text(strip=True) for row in found.select("tbody tr")] == ["Amira Hassan"]
    assert found.find("input", attrs={"name": "q"})["value"] == "amira"
    cleared = karen.post("/staff/citizens", data={"csrf_token": token, "clear": "1"})
    assert len(page(karen.get(cleared.headers["Location"])).select("tbody tr")) == 3  # Jens, Amira and Reza


def test_filters_and_sorting_answer_who_needs_me(app, people, karen):
    with app.app_context():
        jens = db.session.get(Citizen, people["jens"])
        make_meeting_request(make_meeting(jens))
        make_sent_form(db.session.get(Citizen, people["amira"]))
    token = csrf_token(karen, "/staff/citizens")
    karen.post("/staff/citizens", data={"csrf_token": token, "open_request": "y", "sort": "name"})
    rows = page(karen.get("/staff/citizens")).select("tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == ["Jens Nielsen"]
    assert rows[0].find_all("td")[4].get_text(strip=True) == "1"  # open requests
    karen.post("/staff/citizens", data={"csrf_token": token, "form_status": "submitted", "sort": "name"})
    rows = page(karen.get("/staff/citizens")).select("tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == ["Amira Hassan"]
    karen.post("/staff/citizens", data={"csrf_token": token, "sort": "waiting"})
    rows = page(karen.get("/staff/citizens")).select("tbody tr")
    assert rows[0].th.get_text(strip=True) == "Jens Nielsen"


def test_a_bad_filter_is_answered_beside_the_field_and_keeps_what_was_typed(app, people, karen):
    token = csrf_token(karen, "/staff/citizens")
    answer = karen.post("/staff/citizens", data={"csrf_token": token, "q": "x" * 101, "sort": "name"})
    assert answer.status_code == 400
    shown = page(answer)
    assert shown.find("input", attrs={"name": "q"})["value"] == "x" * 101
    assert shown.select_one(".form-error")


def test_the_citizen_at_a_glance_links_every_section_to_its_page_and_keeps_drafts_private(app, people, karen):
    with app.app_context():
        jens = db.session.get(Citizen, people["jens"])
        make_sent_form(jens)
        db.session.add(Message(citizen_id=jens.id, from_citizen=True, body="Kan jeg få en tolk?"))
        make_meeting_request(make_meeting(jens), kind="move")
        db.session.commit()
        jens_id = jens.public_id
        amira_id = db.session.get(Citizen, people["amira"]).public_id
    glance = page(karen.get(f"/staff/citizens/{jens_id}"))
    for heading in (
        "glance-form",
        "glance-plan",
        "glance-meetings",
        "glance-requests",
        "glance-messages",
        "glance-consents",
        "glance-log",
    ):
        assert glance.find(id=heading), heading
    assert "Lagermedarbejder" in section(glance, "glance-form").get_text()  # the citizen's own goal
    assert "Kan jeg få en tolk?" in section(glance, "glance-messages").get_text()
    assert "Beder om at flytte mødet" in section(glance, "glance-requests").get_text()
    assert glance.find("a", href=f"/staff/citizens/{jens_id}/team-meetings/new")
    # Amira has only a draft: the caseworker sees "not sent yet", never its content.
    with app.app_context():
        from selfservice.preparation import store

        form = store.form_for(db.session.get(Citizen, people["amira"]))
        store.save_step(
            form, "goals", store.step_answers("goals", {"goal": "Hemmelig drøm"}), complete=True, language="da"
        )
    draft = page(karen.get(f"/staff/citizens/{amira_id}")).get_text()
    assert "Hemmelig drøm" not in draft and "Ikke sendt endnu" in draft


def schedule(app, people, karen, who="jens"):
    with app.app_context():
        public_id = db.session.get(Citizen, people[who]).public_id
    token = csrf_token(karen, f"/staff/citizens/{public_id}/team-meetings/new")
    day = (utcnow() + timedelta(days=7)).date().isoformat()
    done = karen.post(
        f"/staff/citizens/{public_id}/team-meetings/new",
        data={
            "csrf_token": token,
            "date": day,
            "time": "13:00",
            "place": "Mødelokale 2",
            "departments": ["employment", "health"],
        },
    )
    assert done.status_code == 302, done.get_data(as_text=True)[:500]
    return done.headers["Location"], token


def test_a_team_meeting_from_agenda_to_minutes_the_citizen_reads(app, client, people, karen):
    with app.app_context():
        make_sent_form(
            db.session.get(Citizen, people["jens"]),
            answers={
                "goals": {"goal_kind": "job", "goal": "Truckfører", "matters": "", "first": ""},
                "resources": {"health": "Ondt i ryggen", "share": "y"},
            },
        )
    agenda_url, token = schedule(app, people, karen)
    agenda = page(karen.get(agenda_url))
    assert "Truckfører" in agenda.get_text()  # the citizen's own words
    # The citizen sees the team meeting among their meetings.
    sign_in_as(client, app, citizen(people, "jens"))
    assert "Teammøde" in page(client.get("/me/meetings/")).get_text()

    public_id = agenda_url.rsplit("/", 1)[1]
    early = karen.post(f"/staff/team-meetings/{public_id}/minutes", data={"csrf_token": token, "text": "For tidligt"})
    assert early.status_code == 400  # nothing recorded yet: no minutes
    missing = karen.post(
        f"/staff/team-meetings/{public_id}/record",
        data={
            "csrf_token": token,
            "recommendation": "Virksomhedspraktik på et lager",
            "outcome": "Karen finder en praktik",
        },
    )
    assert missing.status_code == 400
    shown = page(missing)
    assert "Vælg, hvad teamet besluttede om en mentor" in shown.get_text() or shown.select_one("#mentor-error")
    assert "Virksomhedspraktik på et lager" in shown.get_text()  # what was typed is kept
    recorded = karen.post(
        f"/staff/team-meetings/{public_id}/record",
        data={
            "csrf_token": token,
            "recommendation": "Virksomhedspraktik på et lager",
            "mentor": "recommended",
            "mentor_reason": "",
            "outcome": "Karen finder en praktik inden 1. februar",
        },
    )
    assert recorded.status_code == 302
    draft = page(karen.get(agenda_url)).find("textarea", attrs={"name": "text"}).get_text()
    assert "Virksomhedspraktik på et lager" in draft and "Karen finder en praktik" in draft
    for _ in range(2):  # the second press changes nothing
        published = karen.post(f"/staff/team-meetings/{public_id}/minutes", data={"csrf_token": token, "text": draft})
        assert published.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(TeamMinutes)) == 1
        entries = db.session.scalar(
            select(func.count()).where(AuditEntry.citizen_id == people["jens"], AuditEntry.object == "team_meeting")
        )
        assert entries >= 4  # scheduled, read, recorded, published
    plan = page(client.get("/me/plan/"))
    link = plan.find("a", href=lambda h: h and h.startswith("/me/plan/minutes/"))
    minutes = page(client.get(link["href"])).get_text()
    assert "Virksomhedspraktik på et lager" in minutes
    assert "anbefaler" in minutes and "mentor" in minutes  # the mentor decision in the citizen's language


def test_the_agenda_shows_resources_and_barriers_only_with_consent(app, people, karen):
    with app.app_context():
        make_sent_form(
            db.session.get(Citizen, people["jens"]),
            answers={"resources": {"health": "Ondt i ryggen", "share": ""}},
        )
    agenda_url, _token = schedule(app, people, karen)
    text = page(karen.get(agenda_url)).get_text()
    assert "Ondt i ryggen" not in text


def test_another_team_gets_404_on_every_team_meeting_and_citizen_page(app, people, karen):
    agenda_url, _token = schedule(app, people, karen)
    public_id = agenda_url.rsplit("/", 1)[1]
    peter = app.test_client()
    sign_in_as(peter, app, staff(people, "peter"))
    token = csrf_token(peter, "/staff/citizens")
    with app.app_context():
        jens_id = db.session.get(Citizen, people["jens"]).public_id
    for path in (
        f"/staff/citizens/{jens_id}",
        f"/staff/citizens/{jens_id}/team-meetings/new",
        f"/staff/team-meetings/{public_id}",
    ):
        assert peter.get(path, check=False).status_code == 404, path
    for path in ("notes", "record", "minutes"):
        assert peter.post(f"/staff/team-meetings/{public_id}/{path}", data={"csrf_token": token}).status_code == 404
    assert "Jens Nielsen" not in peter.get("/staff/citizens").get_data(as_text=True)
    assert "Jens Nielsen" not in peter.get("/staff/").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(TeamMeeting)) == 1
        assert db.session.scalar(select(func.count()).select_from(Meeting).where(Meeting.kind == "team")) == 1
