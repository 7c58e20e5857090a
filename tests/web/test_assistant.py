"""The assistant as citizens use it: a page that works without JavaScript, the JSON API, answers with sources,
choices, crisis numbers first, actions pointed to their receipts, own-case answers, masking, feedback and deletion."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from selfservice.extensions import db
from selfservice.models import Conversation, MeetingRequest, Message, Turn, utcnow
from tests.helpers import citizen, csrf_token, page, sign_in_as, staff

pytestmark = pytest.mark.db


def ask(client, message, lang="da", **extra):
    token = csrf_token(client, f"/assistant?lang={lang}")
    response = client.post(f"/assistant?lang={lang}", data={"csrf_token": token, "message": message, **extra})
    assert response.status_code == 302, response.status_code
    return page(client.get(f"/assistant?lang={lang}"))


def last_answer(html):
    return html.select("li.chat-turn")[-1].select_one(".chat-answer")


def test_the_page_says_it_is_automated_gives_guidance_not_decisions_and_warns_about_health_details(client):
    text = page(client.get("/assistant?lang=en")).get_text(" ")
    assert "automated assistant" in text
    assert "not decisions" in text
    assert "Do not write health details or your CPR number." in text


def test_a_question_gets_the_guides_short_text_a_link_its_sources_and_review_date_without_javascript(client, app):
    html = ask(client, "kan jeg tage en ven med til mødet?")
    answer = last_answer(html)
    summary = app.extensions["guides"].get("bisidder").danish.summary
    assert summary in answer.get_text(" ")
    assert answer.find("a", href="/guides/bisidder")
    assert answer.find("a", href="https://www.retsinformation.dk/eli/lta/2014/433")
    assert "Sidst gennemgået" in answer.get_text()


def test_close_articles_are_offered_as_choices_and_a_choice_gets_its_answer(client):
    html = ask(client, "uddannelse")
    choices = [field["value"] for field in last_answer(html).select(".chat-choice-list input[name=choose]")]
    assert 2 <= len(choices) <= 3
    html = ask(client, "", choose=choices[1])
    assert last_answer(html).find("a", href=f"/guides/{choices[1]}")


def test_a_crisis_gets_the_emergency_numbers_before_anything_else(client):
    html = ask(client, "jeg kan ikke mere, jeg vil tage mit eget liv", lang="en")
    answer = last_answer(html)
    text = answer.get_text(" ")
    assert text.index("112") < text.index("70 201 201")
    assert answer.find("a", href="tel:112") and answer.find("a", href="tel:70201201")
    assert answer.find("a", href="tel:1813")
    assert not answer.find("a", href=lambda h: h and h.startswith("/guides/"))


def test_cancelling_in_the_chat_is_explained_and_pointed_to_the_explicit_action(app, client, people):
    sign_in_as(client, app, citizen(people, "jens"))
    html = ask(client, "I want to cancel my meeting on Thursday", lang="en")
    answer = last_answer(html)
    assert "cannot receive your notice that you cannot come" in answer.get_text()
    assert answer.find("a", href="/me/meetings/")
    with app.app_context():
        assert db.session.scalar(select(func.count(MeetingRequest.id))) == 0


def test_a_signed_in_citizen_gets_their_next_meeting_with_a_link(app, client, people):
    sign_in_as(client, app, citizen(people, "jens"))
    answer = last_answer(ask(client, "when is my next meeting?", lang="en"))
    assert answer.get_text(" ").count("Your next meeting is") == 1
    assert answer.find("a", href=lambda h: h and h.startswith("/me/meetings/"))


def test_the_unread_count_is_said_in_singular_and_plural(app, client, people):
    """ "1 unread messages" reads as a mistake; Danish (the binding language) and English get the right form."""
    sign_in_as(client, app, citizen(people, "jens"))
    with app.app_context():
        for message in db.session.scalars(select(Message).where(Message.citizen_id == people["jens"])):
            message.read_at = message.read_at or utcnow()
        db.session.commit()

    def write_to_jens():
        with app.app_context():
            db.session.add(Message(citizen_id=people["jens"], from_citizen=False, staff_id=people["karen"], body="Hej"))
            db.session.commit()

    write_to_jens()
    assert "Du har 1 ulæst besked fra jobcentret." in last_answer(ask(client, "mine beskeder")).get_text(" ")
    assert "You have 1 unread message from the jobcentre." in last_answer(ask(client, "my messages", "en")).get_text()
    write_to_jens()
    assert "Du har 2 ulæste beskeder fra jobcentret." in last_answer(ask(client, "mine beskeder")).get_text(" ")
    assert "You have 2 unread messages from the jobcentre." in last_answer(ask(client, "my messages", "en")).get_text()


def test_own_case_questions_ask_an_anonymous_visitor_to_sign_in(client):
    answer = last_answer(ask(client, "what is in my plan", lang="en"))
    assert "sign in" in answer.get_text()
    assert answer.find("a", href=lambda h: h and h.startswith("/login"))


def test_out_of_scope_points_to_the_right_authority(client):
    answer = last_answer(ask(client, "hvordan får jeg mit skattekort", lang="en"))
    assert answer.find("a", href="https://skat.dk")


def test_an_unanswerable_question_can_be_sent_to_the_caseworker_masked(app, client, people):
    sign_in_as(client, app, citizen(people, "jens"))
    html = ask(client, "zxqv blorp 010190-1234 ring 12345678", lang="en")
    answer = last_answer(html)
    form = answer.find("form", action=lambda a: a and a.endswith("/send"))
    client.post(form["action"], data={"csrf_token": form.find("input")["value"]})
    with app.app_context():
        sent = db.session.scalars(select(Message).where(Message.from_citizen.is_(True))).all()[-1].body
        stored = db.session.scalars(select(Turn.question)).all()
    assert sent == "zxqv blorp [CPR] ring [phone]"
    assert stored == ["zxqv blorp [CPR] ring [phone]"]
    assert "Your question has been sent to your caseworker." in page(client.get("/assistant?lang=en")).get_text()


def test_an_anonymous_unanswerable_question_gets_the_jobcentres_contact_details(client, app):
    answer = last_answer(ask(client, "zxqv blorp", lang="en"))
    assert app.config["JOBCENTRE_PHONE"] in answer.get_text()
    assert answer.find("a", href="/contact")


def test_feedback_and_unanswered_questions_reach_the_content_editors_grouped_and_masked(app, people):
    for _ in range(2):
        visitor = app.test_client()
        ask(visitor, "Zxqv blorp 010190-1234")
    visitor = app.test_client()
    html = ask(visitor, "what is unemployment benefit", lang="en")
    form = last_answer(html).find("form", class_="chat-feedback")
    visitor.post(form["action"], data={"csrf_token": form.find("input")["value"], "feedback": "not_helpful"})
    assert "Thank you for your feedback." in page(visitor.get("/assistant?lang=en")).get_text()
    admin = app.test_client()
    sign_in_as(admin, app, staff(people, "anne"))
    rows = [
        [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in page(admin.get("/staff/assistant?lang=en")).select("tbody tr")
    ]
    assert ["Zxqv blorp [CPR]", "No answer", "2", "da 2"] in rows
    assert ["what is unemployment benefit", "Not helpful", "1", "en 1"] in rows
    caseworker = app.test_client()
    sign_in_as(caseworker, app, staff(people, "karen"))
    assert caseworker.get("/staff/assistant").status_code == 403


def test_a_conversation_belongs_to_its_session_and_can_be_deleted(app, client):
    ask(client, "hvad er dagpenge")
    stranger = app.test_client()
    assert not page(stranger.get("/assistant")).select("li.chat-turn")
    token = csrf_token(client, "/assistant")
    client.post("/assistant/delete", data={"csrf_token": token})
    assert not page(client.get("/assistant")).select("li.chat-turn")
    with app.app_context():
        assert db.session.scalar(select(func.count(Turn.id))) == 0


def test_flask_assistant_purge_deletes_conversations_older_than_the_retention_period(app, client):
    ask(client, "hvad er dagpenge")
    ask(app.test_client(), "hvad er sygedagpenge")
    with app.app_context():
        old = db.session.scalars(select(Conversation)).first()
        old.last_at = utcnow() - timedelta(days=31)
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["assistant", "purge"])
    assert result.output.strip() == "Deleted 1 conversation(s)."
    with app.app_context():
        assert db.session.scalar(select(func.count(Conversation.id))) == 1


def test_an_empty_or_too_long_question_is_explained_beside_the_field(client):
    token = csrf_token(client, "/assistant?lang=en")
    empty = client.post("/assistant?lang=en", data={"csrf_token": token, "message": "  "})
    assert empty.status_code == 422
    assert page(empty).find(class_="form-error-message").get_text(strip=True).endswith("Write your question")
    long = client.post("/assistant?lang=en", data={"csrf_token": token, "message": "ord " * 200})
    html = page(long)
    assert "at most 500 characters" in html.find(class_="form-error-message").get_text()
    assert html.find("textarea").get_text().strip().startswith("ord ord")


# --- The JSON API ---------------------------------------------------------------------------------------------------


def test_the_api_answers_anonymous_calls_without_session_or_token(app, client):
    response = client.post("/api/assistant", json={"message": "hvad er en bisidder", "lang": "da"})
    assert response.status_code == 200
    body = response.get_json()
    assert {k: body[k] for k in ("kind", "article", "choices", "lang")} == {
        "kind": "answer",
        "article": "bisidder",
        "choices": [],
        "lang": "da",
    }
    assert body["sources"][0]["url"].startswith("https://")
    assert body["reviewed"] == app.extensions["guides"].get(body["article"]).reviewed.isoformat()
    assert "Set-Cookie" not in response.headers


def test_the_api_answers_in_the_language_the_message_is_written_in(client):
    body = client.post("/api/assistant", json={"message": "I want to kill myself", "lang": "da"}).get_json()
    assert body["kind"] == "crisis" and body["lang"] == "en"
    assert body["text"].startswith("If you are in danger")


def test_the_api_rejects_bad_bodies_with_a_clear_error(client):
    assert client.post("/api/assistant", data="nope", content_type="application/json").status_code == 400
    assert client.post("/api/assistant", json={"message": 5}).status_code == 422
    assert client.post("/api/assistant", json={"message": "x" * 501}).status_code == 422
    assert client.post("/api/assistant", json={"message": "hej", "lang": "xx"}).status_code == 422
    assert client.post("/api/assistant", json={"message": " "}).status_code == 422


def test_a_signed_in_session_needs_the_csrf_token_and_then_joins_the_conversation(app, client, people):
    sign_in_as(client, app, citizen(people, "jens"))
    refused = client.post("/api/assistant", json={"message": "hvornår er mit næste møde"})
    assert refused.status_code == 400 and "X-CSRFToken" in refused.get_json()["error"]
    token = csrf_token(client, "/assistant")
    answered = client.post(
        "/api/assistant", json={"message": "hvornår er mit næste møde"}, headers={"X-CSRFToken": token}
    ).get_json()
    assert answered["kind"] == "own_case"
    assert 'id="turn-' in answered["html"]
    assert len(page(client.get("/assistant")).select("li.chat-turn")) == 1


def test_the_api_is_rate_limited_per_client_with_a_retry_time(app, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_ASSISTANT", "3 per minute")
    visitor = app.test_client()
    environ = {"REMOTE_ADDR": "203.0.113.9"}
    for _ in range(3):
        assert visitor.post("/api/assistant", json={"message": "hej"}, environ_base=environ).status_code == 200
    limited = visitor.post("/api/assistant", json={"message": "hej"}, environ_base=environ)
    assert limited.status_code == 429
    body = limited.get_json()
    assert 0 < body["retry_after"] <= 60 and int(limited.headers["Retry-After"]) == body["retry_after"]
    assert "Try again in" in body["message"]


# --- Who may hear about their own case (December 2026 review, F2) ----------------------------------------------------

OWN_CASE_QUESTIONS = ["when is my next meeting?", "what is in my plan", "my messages", "what is the status of my form"]
# What the own-case answers say (assistant/owncase.py), in English.
OWN_CASE_DATA = [
    "Your next meeting is",
    "You have no meetings",
    "The goal of your plan",
    "You do not have a plan",
    "unread message",
    "You sent your preparation form",
    "saved as a draft",
    "You have not started your preparation form",
    "has read your preparation form",
]


def test_a_code_session_hears_nothing_of_the_case_on_the_page_and_is_pointed_to_mitid(app, client, people):
    """A code and a birth date open the preparation form only; the assistant must not be a way round that."""
    sign_in_as(client, app, citizen(people, "jens"), method="invitation")
    for question in OWN_CASE_QUESTIONS:
        answer = last_answer(ask(client, question, lang="en"))
        text = answer.get_text(" ")
        assert "To see your plan and your meetings, you need MitID." in text, question
        assert not [fact for fact in OWN_CASE_DATA if fact in text], question
        assert answer.find("a", href=lambda h: h and h.startswith("/login"))
        assert not answer.find("a", href=lambda h: h and h.startswith(("/me/meetings", "/me/plan", "/me/messages")))


def test_a_code_session_hears_nothing_of_the_case_from_the_api(app, client, people):
    sign_in_as(client, app, citizen(people, "jens"), method="invitation")
    token = csrf_token(client, "/me/form/")
    for question in OWN_CASE_QUESTIONS:
        for headers in ({"X-CSRFToken": token}, {}):
            body = client.post("/api/assistant", json={"message": question, "lang": "en"}, headers=headers).get_json()
            assert body["kind"] == "own_case", question
            assert "you need MitID" in body["text"], question
            assert not [fact for fact in OWN_CASE_DATA if fact in body["text"] + body.get("html", "")], question


def test_the_same_questions_are_answered_from_the_case_after_signing_in_with_mitid(app, client, people):
    """The other side of the two tests above: the questions do reach the case when the sign-in allows it."""
    sign_in_as(client, app, citizen(people, "jens"))
    answers = [last_answer(ask(client, question, lang="en")).get_text(" ") for question in OWN_CASE_QUESTIONS]
    assert "Your next meeting is" in answers[0]
    assert "MitID" not in " ".join(answers)


# --- Nothing of a conversation in a shared browser's cache (F12) ------------------------------------------------------


def test_the_conversation_page_and_the_api_answers_are_never_cached(client):
    ask(client, "jeg har gæld og er deprimeret, hvad gør jeg")
    assert client.get("/assistant").headers["Cache-Control"] == "no-store"
    answered = client.post("/api/assistant", json={"message": "hvad er en bisidder"})
    assert answered.headers["Cache-Control"] == "no-store"
    assert client.post("/api/assistant", json={"message": 5}).headers["Cache-Control"] == "no-store"
