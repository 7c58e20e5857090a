"""The caseworker's side of the preparation form: queue, reading, notes, print, e-mail and filling in together."""

import threading
from datetime import timedelta

import pytest
import requests
from bs4 import BeautifulSoup
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import (
    AuditEntry,
    Citizen,
    FormSubmission,
    Meeting,
    OutboxMessage,
    PreparationForm,
    Team,
    utcnow,
)
from tests.browser.conftest import signed_in_cookie
from tests.helpers import citizen, csrf_token, page, sign_in_as, staff
from tests.web.test_preparation import ARABIC, fill_everything, submit

pytestmark = pytest.mark.db


def citizen_client(app, people, name):
    client = app.test_client()
    sign_in_as(client, app, citizen(people, name))
    return client


def send_form(app, people, name, resources=True):
    client = citizen_client(app, people, name)
    fill_everything(client)
    if not resources:
        token = csrf_token(client, "/me/form/resources")
        client.post("/me/form/resources", data={"csrf_token": token, "action": "continue"})
    submit(client)
    return client


def reference_of(app, people, name):
    with app.app_context():
        return db.session.scalar(select(PreparationForm.reference).where(PreparationForm.citizen_id == people[name]))


def test_the_queue_shows_sent_forms_of_the_team_nearest_meeting_first_with_counts(app, people, karen):
    send_form(app, people, "jens")  # meeting in 8 days
    send_form(app, people, "amira")  # meeting in 3 days
    citizen_client(app, people, "reza")  # a draft stays the citizen's own: not in the queue
    queue = page(karen.get("/staff/forms?lang=en"))
    names = [row.select_one("td a").get_text() for row in queue.select("tbody tr")]
    assert names == ["Amira Hassan", "Jens Nielsen"]
    assert "Sent: 2" in queue.select_one(".status-counts").get_text(" ", strip=True).replace(" : ", ": ")


def test_the_queue_reads_its_forms_in_the_same_few_queries_however_many_there_are(app, people, karen):
    """A team's queue of a hundred forms must not make a hundred extra trips to the database."""
    from sqlalchemy import event

    with app.app_context():
        engine = db.engine

    def statements() -> int:
        counted = []

        def count(_conn, _cursor, statement, *_args):
            counted.append(statement)

        event.listen(engine, "before_cursor_execute", count)
        try:
            assert karen.get("/staff/forms").status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(counted)

    send_form(app, people, "jens")
    statements()  # the first visit also refreshes the session record and writes the access-log entries
    with_one = statements()
    send_form(app, people, "amira")
    statements()  # Amira's first entry in the access log
    assert statements() == with_one


def test_the_queue_filters_by_status_meeting_date_and_resources(app, people, karen):
    send_form(app, people, "jens", resources=False)
    send_form(app, people, "amira")
    with app.app_context():
        amira_day = db.session.scalar(select(Meeting.starts_at).where(Meeting.citizen_id == people["amira"])).date()

    def names(**query):
        html = page(karen.get("/staff/forms", query_string=query))
        return [row.select_one("td a").get_text() for row in html.select("tbody tr")]

    assert names(resources="yes") == ["Amira Hassan"]
    assert names(resources="no") == ["Jens Nielsen"]
    assert names(meeting_from=amira_day.isoformat(), meeting_to=amira_day.isoformat()) == ["Amira Hassan"]
    assert names(meeting_from=(amira_day + timedelta(days=1)).isoformat()) == ["Jens Nielsen"]
    assert names(status="reviewed") == []


def test_opening_a_form_shows_the_words_exactly_logs_it_and_marks_it_seen(app, people, karen):
    send_form(app, people, "amira")
    reference = reference_of(app, people, "amira")
    html = page(karen.get(f"/staff/forms/{reference}?lang=en"))
    assert ARABIC in html.get_text()
    assert "العربية" in html.get_text()  # written in Arabic
    with app.app_context():
        form = db.session.scalar(select(PreparationForm).where(PreparationForm.reference == reference))
        assert form.status == "seen" and form.seen_at is not None
        entries = db.session.scalars(select(AuditEntry).where(AuditEntry.citizen_id == people["amira"])).all()
        assert [(e.action, e.object) for e in entries] == [("read", "preparation_form")]
    home = page(citizen_client(app, people, "amira").get("/me/?lang=en")).get_text(" ")
    assert "Seen by your caseworker" in home


def test_a_caseworker_of_another_team_cannot_open_the_form_and_nothing_is_logged(app, people):
    send_form(app, people, "amira")
    peter = app.test_client()
    sign_in_as(peter, app, staff(people, "peter"))
    reference = reference_of(app, people, "amira")
    assert peter.get(f"/staff/forms/{reference}").status_code == 404
    assert peter.get(f"/staff/forms/{reference}/print").status_code == 404
    assert "Amira" not in peter.get("/staff/forms").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(AuditEntry)).all() == []


def test_a_citizen_cannot_open_the_caseworker_pages_of_their_own_form(app, people):
    client = send_form(app, people, "amira")
    assert client.get(f"/staff/forms/{reference_of(app, people, 'amira')}").status_code == 403


def test_resources_are_hidden_from_the_team_without_consent(app, people, karen):
    client = citizen_client(app, people, "amira")
    fill_everything(client)
    token = csrf_token(client, "/me/form/resources")
    client.post(
        "/me/form/resources",
        data={
            "csrf_token": token,
            "action": "continue",
            "economy-answer": "hard",
            "economy-text": "Stor gæld til SKAT",
        },
    )
    submit(client)
    html = page(karen.get(f"/staff/forms/{reference_of(app, people, 'amira')}?lang=en")).get_text()
    assert "Stor gæld til SKAT" not in html
    assert "has not agreed to share" in html


def test_mark_reviewed_notes_apart_from_the_words_and_discussed(app, people, karen):
    send_form(app, people, "jens")
    reference = reference_of(app, people, "jens")
    karen.get(f"/staff/forms/{reference}")
    token = csrf_token(karen, f"/staff/forms/{reference}")
    karen.post(f"/staff/forms/{reference}/status", data={"csrf_token": token, "status": "reviewed"})
    karen.post(f"/staff/forms/{reference}/notes", data={"csrf_token": token, "text": "Foreslå mentor"})
    assert karen.post(f"/staff/forms/{reference}/notes", data={"csrf_token": token, "text": ""}).status_code == 400
    karen.post(f"/staff/forms/{reference}/status", data={"csrf_token": token, "status": "discussed"})
    with app.app_context():
        form = db.session.scalar(select(PreparationForm).where(PreparationForm.reference == reference))
        assert form.status == "discussed" and form.reviewed_at and form.discussed_at
        assert [n.text for n in form.staff_notes] == ["Foreslå mentor"]
        assert "Foreslå mentor" not in str(form.answers)
    citizen_view = citizen_client(app, people, "jens")
    assert "Foreslå mentor" not in citizen_view.get("/me/form/check").get_data(as_text=True)
    assert "Talked about at the meeting" in citizen_view.get("/me/?lang=en").get_data(as_text=True)


def test_the_version_history_keeps_every_submission(app, people, karen):
    client = send_form(app, people, "jens")
    token = csrf_token(client, "/me/form/successes")
    client.post("/me/form/successes", data={"csrf_token": token, "action": "continue", "story": "Anden udgave"})
    submit(client)
    reference = reference_of(app, people, "jens")
    latest = page(karen.get(f"/staff/forms/{reference}?lang=en"))
    assert "Anden udgave" in latest.get_text()
    first = page(karen.get(f"/staff/forms/{reference}?version=1&lang=en"))
    assert "Anden udgave" not in first.get_text()
    assert "Version 2" in first.get_text()


def test_the_print_summary_has_no_navigation_and_sensible_page_breaks(app, people, karen):
    send_form(app, people, "jens")
    response = karen.get(f"/staff/forms/{reference_of(app, people, 'jens')}/print?lang=en")
    html = page(response)
    assert html.h1.get_text().startswith("Team meeting summary")
    assert len(html.select(".print-section")) >= 6
    css = app.static_folder + "/css/app.css"
    with open(css, encoding="utf-8") as handle:
        stylesheet = handle.read()
    assert "@media print" in stylesheet and "break-inside: avoid" in stylesheet and ".site-header" in stylesheet


def test_filling_in_together_records_it_and_the_caseworker_sees_it(app, people, karen):
    with app.app_context():
        reza = db.session.get(Citizen, people["reza"]).public_id
    base = f"/staff/citizens/{reza}/form"
    assert karen.get(base + "/").status_code == 200
    token = csrf_token(karen, base + "/")
    # Reza has written nothing yet, so the form can be started together without his code.
    assert karen.post(base + "/join", data={"csrf_token": token, "action": "new"}).status_code == 302
    token = csrf_token(karen, base + "/successes")
    response = karen.post(base + "/successes", data={"csrf_token": token, "action": "continue", "story": "Sammen"})
    assert response.headers["Location"] == base + "/goals"
    html = page(karen.get(base + "/check"))
    data = {i["name"]: i.get("value", "") for i in html.select(f"form[action='{base}/submit'] input")}
    assert karen.post(base + "/submit", data=data).headers["Location"] == base + "/receipt"
    with app.app_context():
        submission = db.session.scalar(select(FormSubmission))
        assert submission.filled_together_by.name == "Karen Holm"
        assert submission.answers["successes"]["story"] == "Sammen"
    detail = page(karen.get(f"/staff/forms/{reference_of(app, people, 'reza')}?lang=en")).get_text()
    assert "Together with Karen Holm" in detail


def test_a_caseworker_of_another_team_cannot_fill_in_the_form(app, people):
    peter = app.test_client()
    sign_in_as(peter, app, staff(people, "peter"))
    with app.app_context():
        reza = db.session.get(Citizen, people["reza"]).public_id
    assert peter.get(f"/staff/citizens/{reza}/form/").status_code == 404


def test_sending_e_mails_the_team_without_content_and_the_citizen_a_receipt(app, people, smtp_server):
    with app.app_context():
        team = db.session.scalar(select(Team).where(Team.name == "Team Nord"))
        team.notify_email = "team-nord@demokommune.dk"
        db.session.commit()
    client = citizen_client(app, people, "amira")
    fill_everything(client)
    submit(client, email="amira@example.dk")
    recipients = sorted(m["To"] for m in smtp_server.messages)
    assert recipients == ["amira@example.dk", "team-nord@demokommune.dk"]
    for message in smtp_server.messages:
        body = message.get_content()
        assert ARABIC not in body and "Gæld" not in body
        assert reference_of(app, people, "amira") in body
    receipt = next(m for m in smtp_server.messages if m["To"] == "amira@example.dk")
    assert any("\u0600" <= ch <= "\u06ff" for ch in receipt["Subject"])  # in Amira's language


def test_when_the_mail_server_is_down_the_mail_waits_in_the_outbox_and_goes_out_later(
    app, people, smtp_server, monkeypatch
):
    monkeypatch.setitem(app.config, "SMTP_PORT", 1)  # nothing listens on port 1
    monkeypatch.setitem(app.config, "TEAM_NOTIFY_EMAIL", "jobcenter@demokommune.dk")
    client = citizen_client(app, people, "jens")
    fill_everything(client)
    assert submit(client).headers["Location"] == "/me/form/receipt"  # the citizen is not troubled
    with app.app_context():
        waiting = db.session.scalars(select(OutboxMessage).where(OutboxMessage.sent_at.is_(None))).all()
        assert len(waiting) == 1 and waiting[0].attempts == 1
    monkeypatch.setitem(app.config, "SMTP_PORT", smtp_server.port)
    assert "sent 0" in app.test_cli_runner().invoke(args=["notifications", "send"]).output  # backing off
    with app.app_context():
        waiting = db.session.scalar(select(OutboxMessage))
        assert waiting.not_before > waiting.created_at
        waiting.not_before = utcnow()  # the backoff has passed
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["notifications", "send"])
    assert "sent 1" in result.output
    assert len(smtp_server.messages) == 1
    assert "sent 0" in app.test_cli_runner().invoke(args=["notifications", "send"]).output  # never twice


def test_two_submissions_at_the_same_moment_make_one(app, people, live_server):
    client = citizen_client(app, people, "jens")
    fill_everything(client)
    html = page(client.get("/me/form/check"))
    data = {i["name"]: i.get("value", "") for i in html.select("form[action='/me/form/submit'] input")}
    cookie = signed_in_cookie(app, live_server, citizen(people, "jens"))
    barrier = threading.Barrier(2)
    results = []
    tabs = []
    for _ in range(2):  # two tabs (or one double click): each has the check page open
        tab = requests.Session()
        tab.cookies.set(cookie["name"], cookie["value"])
        check = BeautifulSoup(tab.get(live_server + "/me/form/check").text, "html.parser")
        token = check.find("input", attrs={"name": "csrf_token"})["value"]
        tabs.append((tab, data | {"csrf_token": token}))

    def send(tab, form):
        barrier.wait()
        response = tab.post(live_server + "/me/form/submit", data=form, allow_redirects=False, timeout=30)
        results.append(response.status_code)

    threads = [threading.Thread(target=send, args=tab) for tab in tabs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [302, 302]
    with app.app_context():
        assert len(db.session.scalars(select(FormSubmission)).all()) == 1
        assert db.session.scalar(select(PreparationForm)).submitted_at <= utcnow()
