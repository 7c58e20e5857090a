"""Consents: the citizen gives and withdraws with a history; the caseworker sees the current state."""

import pytest
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import Citizen, ConsentEvent
from tests.factories import make_citizen
from tests.helpers import citizen, csrf_token, page, seed_people, sign_in_as, staff

pytestmark = pytest.mark.db


def test_give_and_withdraw_with_history_and_the_caseworker_sees_the_state(
    app,
    client,
):
    people = seed_people(app)
    sign_in_as(client, app, citizen(people, "jens"))
    token = csrf_token(client, "/me/consents")
    for action in ("grant", "grant", "withdraw", "grant"):
        client.post("/me/consents", data={"csrf_token": token, "kind": "doctor", "action": action})
    with app.app_context():
        events = db.session.scalars(select(ConsentEvent).order_by(ConsentEvent.id)).all()
        assert [e.granted for e in events] == [True, False, True]  # pressing twice records one decision
        jens_id = db.session.get(Citizen, people["jens"]).public_id
    html = page(client.get("/me/consents?lang=en"))
    assert len(html.select("main ul li")) == 3
    assert "Yes, you have given your consent" in html.select("main section")[0].get_text()
    karen = app.test_client()
    sign_in_as(karen, app, staff(people, "karen"))
    state = page(karen.get(f"/staff/citizens/{jens_id}?lang=en")).get_text(" ")
    assert "Send a copy of my plan to my own doctor: Yes" in " ".join(state.split())
    assert "Let the region (hospitals and psychiatry) see my plan: No" in " ".join(state.split())


def test_an_unknown_consent_is_refused(app, client):
    with app.app_context():
        someone = make_citizen().get_id()
    sign_in_as(client, app, someone)
    token = csrf_token(client, "/me/consents")
    assert (
        client.post("/me/consents", data={"csrf_token": token, "kind": "everyone", "action": "grant"}).status_code
        == 400
    )
