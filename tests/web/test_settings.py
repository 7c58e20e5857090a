"""The citizen's settings: contact details and channels, language, and the private calendar feed."""

import re

import pytest
from icalendar import Calendar
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import Citizen
from tests.helpers import csrf_token, page

pytestmark = pytest.mark.db


def save(client, **values):
    token = csrf_token(client, "/me/settings")
    data = {"csrf_token": token, "email": "", "phone": "", "language": "da"} | values
    return client.post("/me/settings", data=data)


def test_contact_details_channels_and_language_are_saved(app, jens, people):
    response = save(jens, email="jens@example.dk", phone="20 30 40 50", notify_email="y", notify_sms="y", language="pl")
    assert response.status_code == 200
    assert page(response).find("html")["lang"] == "pl"
    with app.app_context():
        person = db.session.get(Citizen, people["jens"])
        assert (person.email, person.phone, person.notify_email, person.notify_sms, person.language) == (
            "jens@example.dk",
            "20 30 40 50",
            True,
            True,
            "pl",
        )


def test_text_messages_need_a_phone_number_and_the_typed_values_stay(jens):
    response = save(jens, email="jens@example.dk", notify_sms="y")
    assert response.status_code == 400
    html = page(response)
    assert html.find(id="phone-error")
    assert html.find("input", id="email")["value"] == "jens@example.dk"


def test_the_private_calendar_feed_works_without_signing_in_and_can_be_replaced_and_turned_off(app, jens, client):
    token = csrf_token(jens, "/me/settings")
    shown = page(jens.post("/me/settings/calendar", data={"csrf_token": token, "action": "on"}))
    url = shown.select_one(".feed-url").get_text(strip=True)
    path = re.sub(r"^https?://[^/]+", "", url)
    assert "/me/calendar/" in path and path.endswith(".ics")
    assert url not in jens.get("/me/settings").get_data(as_text=True)  # shown only once
    anonymous = app.test_client()
    feed = anonymous.get(path)
    assert feed.status_code == 200 and feed.mimetype == "text/calendar"
    assert len(list(Calendar.from_ical(feed.data).walk("VEVENT"))) == 1
    newer = page(jens.post("/me/settings/calendar", data={"csrf_token": token, "action": "on"}))
    assert anonymous.get(path).status_code == 404  # the old address no longer works
    new_path = re.sub(r"^https?://[^/]+", "", newer.select_one(".feed-url").get_text(strip=True))
    assert anonymous.get(new_path).status_code == 200
    jens.post("/me/settings/calendar", data={"csrf_token": token, "action": "off"})
    assert anonymous.get(new_path).status_code == 404
    with app.app_context():
        assert (
            db.session.scalar(select(Citizen.calendar_token_hash).where(Citizen.calendar_token_hash.is_not(None)))
            is None
        )


def test_a_language_link_changes_this_browsers_language_but_not_the_language_of_our_messages(app, jens, people):
    """A `?lang=` link can come from any site; it must not decide the language of e-mails and texts (review F15)."""
    response = jens.get("/guides?lang=so", headers={"Sec-Fetch-Site": "cross-site"})
    assert "lang=so" in response.headers["Set-Cookie"]
    assert page(jens.get("/me/")).html["lang"] == "so"  # the pages follow the choice
    with app.app_context():
        assert db.session.get(Citizen, people["jens"]).language == "da"  # the notices do not


def test_until_a_language_is_saved_the_settings_offer_the_one_the_citizen_reads_in(app, jens, people):
    with app.app_context():
        db.session.get(Citizen, people["jens"]).language = None
        db.session.commit()
    html = page(jens.get("/me/settings?lang=uk"))
    assert html.find("select", id="language").find("option", selected=True)["value"] == "uk"
    assert "e-mails and text messages" in page(jens.get("/me/settings?lang=en")).get_text()


def test_the_language_saved_in_the_settings_is_also_the_sites_even_over_an_earlier_link(app, jens, people):
    jens.get("/guides?lang=so")
    response = save(jens, language="pl")
    assert page(response).html["lang"] == "pl"
    assert page(jens.get("/me/")).html["lang"] == "pl"
    with app.app_context():
        assert db.session.get(Citizen, people["jens"]).language == "pl"
