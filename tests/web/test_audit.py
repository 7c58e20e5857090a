"""The audit log: every staff read or write of a citizen's data is logged, and the citizen can see it."""

import json

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import AuditEntry
from tests.factories import public_id_of
from tests.helpers import citizen, csrf_token, sign_in_as, staff

pytestmark = pytest.mark.db


def entries(app, citizen_id):
    with app.app_context():
        return [
            (e.actor_kind, e.action, e.object, e.purpose, e.actor_role, e.actor_department)
            for e in db.session.scalars(select(AuditEntry).where(AuditEntry.citizen_id == citizen_id))
        ]


def test_a_caseworker_opening_a_record_is_logged_with_purpose(app, client, people):
    sign_in_as(client, app, staff(people, "karen"))
    client.get(f"/staff/citizens/{public_id_of(app, people['jens'])}")
    assert entries(app, people["jens"]) == [("staff", "read", "profile", "casework", "caseworker", "employment")]


def test_issuing_a_code_is_logged_as_a_write(app, client, people):
    sign_in_as(client, app, staff(people, "karen"))
    token = csrf_token(client, "/staff/")
    client.post(f"/staff/citizens/{public_id_of(app, people['jens'])}/invitation", data={"csrf_token": token})
    assert ("staff", "write", "invitation", "invitation", "caseworker", "employment") in entries(app, people["jens"])


def test_a_refused_look_at_another_teams_citizen_leaves_no_entry(app, client, people):
    sign_in_as(client, app, staff(people, "peter"))
    assert client.get(f"/staff/citizens/{public_id_of(app, people['jens'])}").status_code == 404
    assert entries(app, people["jens"]) == []


def test_the_citizen_sees_department_role_time_and_why_but_never_the_name(app, client, people):
    caseworker = app.test_client()
    sign_in_as(caseworker, app, staff(people, "karen"))
    caseworker.get(f"/staff/citizens/{public_id_of(app, people['jens'])}")
    sign_in_as(client, app, citizen(people, "jens"))
    page = BeautifulSoup(client.get("/me/access-log?lang=en").data, "html.parser")
    rows = page.select("tbody tr")
    assert len(rows) == 1
    text = rows[0].get_text(" ", strip=True)
    assert "Employment department" in text and "caseworker" in text
    assert "Work on your case" in text and "Your basic information" in text
    assert "Karen" not in page.get_text()


def test_another_citizens_access_log_is_not_shown(app, client, people):
    caseworker = app.test_client()
    sign_in_as(caseworker, app, staff(people, "karen"))
    caseworker.get(f"/staff/citizens/{public_id_of(app, people['jens'])}")
    sign_in_as(client, app, citizen(people, "amira"))
    page = BeautifulSoup(client.get("/me/access-log?lang=en").data, "html.parser")
    assert page.select("tbody tr") == []


def test_the_data_protection_officer_exports_one_citizens_log(app, client, people):
    sign_in_as(client, app, staff(people, "karen"))
    client.get(f"/staff/citizens/{public_id_of(app, people['jens'])}")
    result = app.test_cli_runner().invoke(args=["audit", "export", "--citizen", str(people["jens"])])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 1
    assert lines[0]["actor"] == "karen.holm@demokommune.dk"
    assert lines[0]["purpose"] == "casework" and lines[0]["at_utc"].endswith("Z")
    unknown = app.test_cli_runner().invoke(args=["audit", "export", "--citizen", "nobody"])
    assert unknown.exit_code != 0
