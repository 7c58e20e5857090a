"""The secure message thread: the citizen starts it, both sides see when the other has read, drafts are kept."""

import pytest
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import Citizen, Meeting, Message
from tests.factories import make_meeting, public_id_of
from tests.helpers import citizen, csrf_token, page, sign_in_as, staff

pytestmark = pytest.mark.db


def write(client, path, body, reference=""):
    token = csrf_token(client, path)
    return client.post(path, data={"csrf_token": token, "body": body, "reference": reference})


def test_the_citizen_starts_a_thread_and_sees_when_the_team_has_read_it(app, jens, karen, people):
    assert write(jens, "/me/messages/", "Hej, jeg har fået nyt telefonnummer 🙂").status_code == 302
    assert "Not read yet" in jens.get("/me/messages/?lang=en").get_data(as_text=True)
    inbox = page(karen.get("/staff/inbox?lang=en"))
    assert inbox.find("a", string="Jens Nielsen")
    karen.get(f"/staff/citizens/{public_id_of(app, people['jens'])}/messages")
    thread = jens.get("/me/messages/?lang=en").get_data(as_text=True)
    assert "Read " in thread and "Not read yet" not in thread
    assert "Hej, jeg har fået nyt telefonnummer 🙂" in thread


def test_the_answer_reaches_the_citizen_with_a_notice_that_never_contains_it(app, jens, karen, people, smtp_server):
    with app.app_context():
        db.session.get(Citizen, people["jens"]).email = "jens@example.dk"
        db.session.commit()
    write(jens, "/me/messages/", "Kan vi flytte mødet?")
    write(karen, f"/staff/citizens/{public_id_of(app, people['jens'])}/messages", "Ja, det kan vi godt.")
    assert [m["To"] for m in smtp_server.messages] == ["jens@example.dk"]
    assert "Ja, det kan vi godt." not in smtp_server.messages[0].get_content()
    waiting_for_citizen = page(karen.get("/staff/inbox?show=citizen&lang=en"))
    assert waiting_for_citizen.find("a", string="Jens Nielsen")
    home = jens.get("/me/?lang=en").get_data(as_text=True)
    assert "You have a new message." in home
    jens.get("/me/messages/")
    team_view = karen.get(f"/staff/citizens/{public_id_of(app, people['jens'])}/messages?lang=en").get_data(
        as_text=True
    )
    assert "Read " in team_view
    assert not page(karen.get("/staff/inbox?show=citizen")).find("a", string="Jens Nielsen")


def test_a_message_can_refer_to_a_meeting(app, jens, people):
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.citizen_id == people["jens"]))
        reference = f"meeting:{meeting.public_id}"
    write(jens, "/me/messages/", "Om mødet", reference)
    with app.app_context():
        assert db.session.scalar(select(Message)).meeting_id is not None
    assert "About the meeting" in jens.get("/me/messages/?lang=en").get_data(as_text=True)
    bad = write(jens, "/me/messages/", "Om noget andet", "meeting:someone-elses")
    assert bad.status_code == 400


def test_an_empty_message_is_answered_beside_the_field(jens):
    response = write(jens, "/me/messages/", "")
    assert response.status_code == 400
    assert page(response).find(id="body-error")


def test_a_draft_is_kept_until_it_is_sent(app, jens):
    token = csrf_token(jens, "/me/messages/")
    assert jens.post("/me/messages/draft", data={"csrf_token": token, "body": "Halvt skrevet"}).status_code == 200
    form = page(jens.get("/me/messages/"))
    assert form.find("textarea", id="body").get_text().strip() == "Halvt skrevet"
    write(jens, "/me/messages/", "Halvt skrevet og nu sendt")
    assert page(jens.get("/me/messages/")).find("textarea", id="body").get_text().strip() == ""


def test_a_draft_keeps_only_a_reference_to_the_citizens_own_meetings(app, jens):
    """Review F19: a draft stored any reference, also another citizen's meeting."""
    from selfservice.models import MessageDraft

    with app.app_context():
        foreign = f"meeting:{make_meeting().public_id}"  # someone else's
    token = csrf_token(jens, "/me/messages/")
    jens.post("/me/messages/draft", data={"csrf_token": token, "body": "Om mødet", "reference": foreign})
    with app.app_context():
        assert db.session.scalar(select(MessageDraft.reference)) is None


def test_nobody_else_reads_the_thread(app, jens, people):
    write(jens, "/me/messages/", "Privat besked")
    amira = app.test_client()
    sign_in_as(amira, app, citizen(people, "amira"))
    assert "Privat besked" not in amira.get("/me/messages/").get_data(as_text=True)
    peter = app.test_client()
    sign_in_as(peter, app, staff(people, "peter"))
    assert peter.get(f"/staff/citizens/{public_id_of(app, people['jens'])}/messages").status_code == 404
    assert "Jens" not in peter.get("/staff/inbox").get_data(as_text=True)
