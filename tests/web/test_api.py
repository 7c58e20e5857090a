"""The case system's API: tokens with scopes, upserts, forms, and the access matrix."""

import re

import pytest
from sqlalchemy import select

from selfservice.api.auth import create_token
from selfservice.extensions import db
from selfservice.models import AuditEntry, Citizen, Meeting, PlanVersion
from tests.helpers import citizen, seed_people, sign_in_as
from tests.web.test_preparation import fill_everything, submit

pytestmark = pytest.mark.db
ALL = ["citizens:write", "plans:write", "meetings:write", "forms:read", "forms:write"]


@pytest.fixture
def token(app):
    with app.app_context():
        return create_token("Fagsystem", ALL)[1]


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def put_citizen(client, token, external_id="CS-1001", **values):
    body = {
        "name": "Mona Ali",
        "team": "Team Nord",
        "birth_date": "1990-03-27",
        "language": "ar",
        "situation": "kontanthjaelp",
    } | values
    return client.put(f"/api/v1/citizens/{external_id}", json=body, headers=auth(token))


def test_the_openapi_document_is_published(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert "/citizens/{external_id}" in document["paths"]


def test_upserting_a_citizen_twice_updates_one_record_and_is_logged(app, client, token):
    first = put_citizen(client, token)
    assert first.status_code == 200 and first.get_json()["created"] is True
    second = put_citizen(client, token, name="Mona Ali Hassan")
    assert second.get_json()["created"] is False
    with app.app_context():
        people = db.session.scalars(select(Citizen).where(Citizen.external_id == "CS-1001")).all()
        assert [p.name for p in people] == ["Mona Ali Hassan"]
        assert {e.actor_kind for e in db.session.scalars(select(AuditEntry))} == {"api"}


def test_invalid_bodies_are_answered_with_the_fields_that_are_wrong(client, token):
    response = put_citizen(client, token, birth_date="27-03-1990", language="xx", extra="no")
    assert response.status_code == 422
    assert set(response.get_json()["fields"]) == {"birth_date", "language", "extra"}
    assert client.put("/api/v1/citizens/X", data="not json", headers=auth(token)).status_code == 400


def test_a_nul_character_or_a_blank_name_or_team_is_refused_as_the_document_says(client, token):
    document = client.get("/api/v1/openapi.json").get_json()
    assert "NUL" in document["info"]["description"]
    nul = put_citizen(client, token, name="Jens\u0000Nielsen")
    assert nul.status_code == 422 and "name" in nul.get_json()["fields"]
    blank = put_citizen(client, token, team="\u00a0")
    assert blank.status_code == 422 and blank.get_json()["fields"] == {"team": "must not be blank"}


def test_a_plan_upsert_publishes_a_version_with_what_changed(app, client, token):
    put_citizen(client, token)
    plan = {
        "goal_kind": "job",
        "goal": "Køkkenhjælper",
        "activities": [
            {
                "external_id": "A1",
                "title": "Praktik i køkken",
                "area": "employment",
                "status": "ongoing",
                "start_date": "2026-12-01",
                "end_date": "2027-01-15",
                "hours_per_week": 25,
                "legal_basis": "LAB § 125",
            }
        ],
    }
    first = client.put("/api/v1/citizens/CS-1001/plan", json=plan, headers=auth(token))
    assert first.get_json() == {"external_id": "CS-1001", "version": 1, "changed": True}
    same = client.put("/api/v1/citizens/CS-1001/plan", json=plan, headers=auth(token))
    assert same.get_json()["changed"] is False
    plan["activities"][0]["status"] = "finished"
    assert client.put("/api/v1/citizens/CS-1001/plan", json=plan, headers=auth(token)).get_json()["version"] == 2
    with app.app_context():
        latest = db.session.scalar(select(PlanVersion).order_by(PlanVersion.number.desc()))
        assert latest.changes == [{"kind": "ended", "title": "Praktik i køkken", "status": "finished"}]


def test_meetings_are_upserted_in_the_given_time_zone_and_cancelled(app, client, token):
    put_citizen(client, token)
    body = {"citizen": "CS-1001", "starts_at": "2030-10-28T10:00:00+01:00", "kind": "video"}
    response = client.put("/api/v1/meetings/M-1", json=body, headers=auth(token))
    assert response.status_code == 200 and len(response.get_json()["booking_ref"]) == 6
    assert (
        client.put(
            "/api/v1/meetings/M-1", json=body | {"starts_at": "2030-10-28 10:00"}, headers=auth(token)
        ).status_code
        == 422
    )
    assert client.post("/api/v1/meetings/M-1/cancel", headers=auth(token)).get_json()["status"] == "cancelled"
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.external_id == "M-1"))
        assert meeting.starts_at.hour == 9 and meeting.status == "cancelled"


def test_sent_forms_are_listed_fetched_without_unshared_resources_and_acknowledged(app, client, token):
    people = seed_people(app)
    with app.app_context():
        db.session.get(Citizen, people["amira"]).external_id = "CS-7"
        db.session.commit()
    amira = app.test_client()
    sign_in_as(amira, app, citizen(people, "amira"))
    fill_everything(amira)
    submit(amira)
    listing = client.get("/api/v1/preparation-forms?acknowledged=false", headers=auth(token)).get_json()["forms"]
    assert [f["citizen"] for f in listing] == ["CS-7"]
    reference = listing[0]["reference"]
    form = client.get(f"/api/v1/preparation-forms/{reference}", headers=auth(token)).get_json()
    assert form["language"] == "ar" and "successes" in form["answers"] and "resources" in form["answers"]
    client.post(f"/api/v1/preparation-forms/{reference}/acknowledge", headers=auth(token))
    assert client.get("/api/v1/preparation-forms?acknowledged=false", headers=auth(token)).get_json()["forms"] == []


@pytest.mark.parametrize(
    ("method", "path", "scope"),
    [
        ("put", "/api/v1/citizens/CS-1", "citizens:write"),
        ("put", "/api/v1/citizens/CS-1/plan", "plans:write"),
        ("put", "/api/v1/meetings/M-1", "meetings:write"),
        ("post", "/api/v1/meetings/M-1/cancel", "meetings:write"),
        ("get", "/api/v1/preparation-forms", "forms:read"),
        ("get", "/api/v1/preparation-forms/PF-X", "forms:read"),
        ("post", "/api/v1/preparation-forms/PF-X/acknowledge", "forms:write"),
    ],
)
def test_no_token_a_wrong_scope_or_a_revoked_token_gets_nothing(app, client, method, path, scope):
    with app.app_context():
        other_scopes = [s for s in ALL if s != scope]
        _, wrong = create_token("Wrong", other_scopes)
        record, revoked = create_token("Old", ALL)
        from selfservice.models import utcnow

        record.revoked_at = utcnow()
        db.session.commit()
    call = getattr(client, method)
    assert call(path, json={}).status_code == 401
    assert call(path, json={}, headers=auth("ss_not-a-token")).status_code == 401
    assert call(path, json={}, headers=auth(wrong)).status_code == 403
    assert call(path, json={}, headers=auth(revoked)).status_code == 401


def test_api_tokens_are_created_and_revoked_on_the_command_line_and_stored_hashed(app, client):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["api-tokens", "create", "--name", "KMD", "--scope", "forms:read"])
    token = result.output.strip().splitlines()[-1]
    assert client.get("/api/v1/preparation-forms", headers=auth(token)).status_code == 200
    from selfservice.models import ApiToken

    with app.app_context():
        record = db.session.scalar(select(ApiToken))
        assert token not in record.token_hash
        token_id = record.id
    runner.invoke(args=["api-tokens", "revoke", str(token_id)])
    assert client.get("/api/v1/preparation-forms", headers=auth(token)).status_code == 401


def test_unknown_api_paths_answer_in_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.get_json() == {"error": "not found"}


# --- December 2026 review: links (F10), dates (F11), caching (F19) ---------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(document.domain)",
        "javascript://example.com/%0aalert(1)",
        "data:text/html,x",
        "http://video.example/room",
        "https://",
    ],
)
def test_a_video_or_legal_link_must_be_an_https_address(app, client, token, address):
    put_citizen(client, token)
    meeting = {"citizen": "CS-1001", "starts_at": "2030-10-28T10:00:00+01:00", "kind": "video", "video_url": address}
    refused = client.put("/api/v1/meetings/M-1", json=meeting, headers=auth(token))
    assert refused.status_code == 422
    assert refused.get_json()["fields"] == {"video_url": "must be an https:// address"}
    activity = {"external_id": "A1", "title": "Praktik", "legal_basis": "LAB § 1", "legal_url": address}
    refused = client.put("/api/v1/citizens/CS-1001/plan", json={"activities": [activity]}, headers=auth(token))
    assert refused.status_code == 422
    assert set(refused.get_json()["fields"]) == {"activities.0.legal_url"}
    with app.app_context():
        assert db.session.scalar(select(Meeting).where(Meeting.external_id == "M-1")) is None


def test_https_links_are_taken(app, client, token):
    put_citizen(client, token)
    meeting = {
        "citizen": "CS-1001",
        "starts_at": "2030-10-28T10:00:00+01:00",
        "video_url": "https://video.example/r?x=1",
    }
    assert client.put("/api/v1/meetings/M-1", json=meeting, headers=auth(token)).status_code == 200
    activity = {"external_id": "A1", "title": "Praktik", "legal_url": "https://www.retsinformation.dk/eli/lta/2024/1"}
    assert (
        client.put("/api/v1/citizens/CS-1001/plan", json={"activities": [activity]}, headers=auth(token)).status_code
        == 200
    )


@pytest.mark.parametrize(
    "starts_at",
    ["0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00Z", "1999-12-31T12:00:00Z", "2101-01-01T10:00:00+01:00"],
)
def test_a_meeting_time_outside_the_years_2000_to_2100_is_refused_not_a_server_error(client, token, starts_at):
    put_citizen(client, token)
    response = client.put(
        "/api/v1/meetings/M-1", json={"citizen": "CS-1001", "starts_at": starts_at}, headers=auth(token)
    )
    assert response.status_code == 422
    assert response.get_json()["fields"] == {"starts_at": "must be in the years 2000 to 2100"}


def test_dates_outside_the_years_1900_to_2100_are_refused(client, token):
    response = put_citizen(client, token, birth_date="0001-01-01")
    assert response.status_code == 422 and set(response.get_json()["fields"]) == {"birth_date"}
    put_citizen(client, token)
    activity = {"external_id": "A1", "title": "Praktik", "end_date": "9999-12-31"}
    refused = client.put("/api/v1/citizens/CS-1001/plan", json={"activities": [activity]}, headers=auth(token))
    assert refused.status_code == 422 and set(refused.get_json()["fields"]) == {"activities.0.end_date"}


def test_the_published_document_states_the_link_and_date_rules(client):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert schemas["Meeting"]["properties"]["video_url"]["pattern"].startswith("^https://")
    assert schemas["Plan"]["properties"]["activities"]["items"]["properties"]["legal_url"]["pattern"].startswith(
        "^https://"
    )
    starts_at = schemas["Meeting"]["properties"]["starts_at"]
    assert "2000 to 2100" in starts_at["description"]
    assert re.search(starts_at["pattern"], "2030-10-28T10:00:00+01:00")
    assert not re.search(starts_at["pattern"], "9999-12-31T23:30:00Z")


def test_no_api_answer_is_ever_cached(app, client, token):
    """Form answers, errors and the document alike: an API answer is data for one caller (review F19)."""
    put_citizen(client, token)
    responses = [
        client.get("/api/v1/openapi.json"),
        client.get("/api/v1/preparation-forms", headers=auth(token)),
        client.get("/api/v1/preparation-forms/PF-X", headers=auth(token)),
        client.get("/api/v1/preparation-forms"),
        client.put("/api/v1/citizens/CS-1001", json={"name": ""}, headers=auth(token)),
        client.get("/api/v1/nothing-here"),
    ]
    assert [r.headers.get("Cache-Control") for r in responses] == ["no-store"] * len(responses)


def test_a_team_name_with_stray_spaces_is_the_same_team_and_a_blank_one_is_refused(app, client, token):
    """Review F19: "Team Nord " made a new team, and a citizen placed there was invisible to every caseworker."""
    assert put_citizen(client, token, "CS-1", team="Team Nord").status_code == 200
    assert put_citizen(client, token, "CS-2", team="  Team   Nord ").status_code == 200
    with app.app_context():
        teams = {
            c.team_id for c in db.session.scalars(select(Citizen).where(Citizen.external_id.in_(["CS-1", "CS-2"])))
        }
        assert len(teams) == 1
    blank = put_citizen(client, token, "CS-3", team="   ")
    assert blank.status_code == 422 and "team" in blank.get_json()["fields"]
