"""The test factories (tests/factories.py) build rows the app itself accepts: each shows up where the app shows it."""

import pytest

from tests.factories import (
    add_meeting,
    make_caseworker,
    make_citizen,
    make_meeting,
    make_meeting_request,
    make_plan,
    make_sent_form,
    make_team,
    public_id_of,
)
from tests.helpers import page, sign_in_as

pytestmark = pytest.mark.db


def test_a_citizen_built_by_the_factories_sees_their_meeting_plan_and_sent_form(app, client):
    with app.app_context():
        citizen = make_citizen(team=make_team())
        meeting = make_meeting(citizen, place="Mødelokale 7")
        make_plan(citizen, activities=[{"title": "Truckkursus"}])
        form = make_sent_form(citizen)
        key, meeting_id, reference = citizen.get_id(), meeting.public_id, form.reference
    sign_in_as(client, app, key)
    assert "Mødelokale 7" in page(client.get(f"/me/meetings/{meeting_id}?lang=en")).get_text()
    assert "Truckkursus" in page(client.get("/me/plan/?lang=en")).get_text()
    assert reference in page(client.get("/me/form/receipt?lang=en")).get_text()


def test_a_caseworker_built_by_the_factories_sees_only_their_own_teams_citizens(app):
    with app.app_context():
        team = make_team()
        caseworker, own = make_caseworker(team), make_citizen(team=team)
        other = make_citizen(team=make_team())
        make_meeting_request(make_meeting(own), reason="Jeg har en jobsamtale")
        key, own_name, own_id, other_id = caseworker.get_id(), own.name, own.id, other.id
    karen = app.test_client()
    sign_in_as(karen, app, key)
    assert own_name in page(karen.get("/staff/?lang=en")).get_text()
    assert "Jeg har en jobsamtale" in page(karen.get("/staff/inbox?lang=en")).get_text()
    assert karen.get(f"/staff/citizens/{public_id_of(app, own_id)}").status_code == 200
    assert karen.get(f"/staff/citizens/{public_id_of(app, other_id)}").status_code == 404


def test_every_factory_row_is_new(app):
    with app.app_context():
        first, second = make_citizen(), make_citizen()
        assert first.name != second.name and first.public_id != second.public_id
        assert make_caseworker().email != make_caseworker().email
        first_id = first.id
    one, two = add_meeting(app, first_id), add_meeting(app, first_id)
    assert one.public_id != two.public_id and one.booking_ref != two.booking_ref
