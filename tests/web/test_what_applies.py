"""What applies to me (issue 19): from what the service knows, corrections for the page only, the anonymous
questions, "ask my caseworker about this", and the assistant answering from the citizen's own result."""

import json

import pytest
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import Citizen, Message
from tests.helpers import csrf_token, page

pytestmark = pytest.mark.db


def headings(html_page) -> list[str]:
    return [h.get_text(strip=True) for h in html_page.select("main h3")]


def answer_education(client, education="unskilled", **extra):
    token = csrf_token(client, "/me/what-applies")
    data = {"csrf_token": token, "benefit": "dagpenge", "age": "52", "education": education, "learning_danish": ""}
    return client.post("/me/what-applies/change", data=data | extra)


def test_the_page_starts_from_what_the_service_knows_and_asks_only_what_it_does_not(app, people, jens):
    first = page(jens.get("/me/what-applies"))
    text = first.get_text(" ", strip=True)
    assert "Dagpenge" in text and "52" in text  # from his case: dagpenge, born 3 September 1974
    checked = first.find("input", attrs={"name": "benefit", "value": "dagpenge"})
    assert checked.has_attr("checked")
    assert first.find("input", attrs={"name": "age"})["value"] == "52"
    assert not first.select("input[name=education][checked]")  # his education is not known: he is asked


def test_a_correction_is_for_this_page_only_and_never_in_the_address(app, people, jens):
    done = answer_education(jens, age="29")
    assert done.status_code == 302 and "29" not in done.headers["Location"]
    result = page(jens.get(done.headers["Location"]))
    assert "Uddannelsesløft: bliv faglært med 110 % af dagpengene" in headings(result)
    udd = result.find(id="option-uddannelsesloeft").find_parent("article")
    assert "Sandsynligvis ikke" in udd.get_text() or "Probably not" in udd.get_text()
    with app.app_context():
        jens_now = db.session.get(Citizen, people["jens"])
        assert (jens_now.situation, jens_now.birth_date.year) == ("dagpenge", 1974)  # the case did not change


def test_jens_sees_duties_rights_and_options_that_fit_a_52_year_old_on_dagpenge(app, people, jens):
    answer_education(jens)
    result = page(jens.get("/me/what-applies"))
    duties = result.find(id="duties").find_parent("section").get_text(" ", strip=True)
    assert "rådighed" in duties and "joblog" in duties and "arbejdspligt" not in duties
    rights = result.find(id="rights").find_parent("section").get_text(" ", strip=True)
    assert "bisidder" in rights and "tolk" in rights and "klage" in rights
    first = result.select("main article.what-option")[0]
    assert "what-likely" in first["class"]
    likely = [a.h3.get_text(strip=True) for a in result.select("article.what-likely")]
    assert "Uddannelsesløft: bliv faglært med 110 % af dagpengene" in likely
    assert "STU: særligt tilrettelagt ungdomsuddannelse" not in likely
    for origin in result.select(".what-origin"):
        guide, source = origin.find_all("a")[:2]
        assert guide["href"].startswith("/guides/") and "#section-" in guide["href"]
        assert source["href"].startswith("https://")
    assert "vejledning, ikke en afgørelse" in result.get_text() or "not a decision" in result.get_text()


def test_asking_my_caseworker_sends_a_message_naming_the_option_with_a_receipt(app, people, jens):
    answer_education(jens)
    token = csrf_token(jens, "/me/what-applies/ask/uddannelsesloeft")
    sent = jens.post(
        "/me/what-applies/ask/uddannelsesloeft", data={"csrf_token": token, "words": "Jeg vil gerne være smed."}
    )
    assert sent.status_code == 302
    receipt = page(jens.get(sent.headers["Location"])).get_text(" ", strip=True)
    assert "Uddannelsesløft" in receipt and "Beskeder" in receipt
    with app.app_context():
        message = db.session.scalar(select(Message).where(Message.citizen_id == people["jens"]))
        assert message.from_citizen and "Uddannelsesløft" in message.body and "smed" in message.body
    assert "Jeg vil gerne være smed." in jens.get("/me/messages/").get_data(as_text=True)
    assert jens.get("/me/what-applies/ask/not-an-option", check=False).status_code == 404


def test_anyone_answers_four_questions_one_per_page_and_bad_input_is_answered_beside_the_field(client):
    assert client.get("/what-applies/result").headers["Location"].endswith("/what-applies/benefit")
    token = csrf_token(client, "/what-applies/benefit")
    wrong = client.post("/what-applies/age", data={"csrf_token": token, "answer": "hundred"})
    assert wrong.status_code == 422
    shown = page(wrong)
    assert shown.find("input", attrs={"name": "answer"})["value"] == "hundred"
    assert shown.select_one(".form-error")
    for key, value in [
        ("benefit", "kontanthjaelp"),
        ("age", "23"),
        ("education", "unskilled"),
        ("learning_danish", "yes"),
    ]:
        step = client.post(f"/what-applies/{key}", data={"csrf_token": token, "answer": value})
        assert step.status_code == 302 and value not in step.headers["Location"]
    result = page(client.get("/what-applies/result"))
    likely = [a.h3.get_text(strip=True) for a in result.select("article.what-likely")]
    assert "Danskuddannelse på et sprogcenter" in likely
    maybe = [a.h3.get_text(strip=True) for a in result.select("article.what-maybe")]
    assert "STU: særligt tilrettelagt ungdomsuddannelse" in maybe
    assert not result.select("a[href^='/me/what-applies/ask/']")  # asking needs signing in
    duties = result.find(id="duties").find_parent("section").get_text(" ", strip=True)
    assert "arbejdspligt" in duties


def test_the_assistant_answers_a_signed_in_citizen_from_their_own_result(app, people, jens):
    answer_education(jens)
    headers = {"X-CSRFToken": csrf_token(jens, "/assistant")}
    reply = jens.post("/api/assistant", json={"message": "Hvad er mine pligter?"}, headers=headers).get_json()
    assert reply["kind"] == "own_case"
    assert "rådighed" in reply["text"]
    jens.post("/assistant", data={"csrf_token": headers["X-CSRFToken"], "message": "mine pligter"})
    shown = page(jens.get("/assistant"))
    assert shown.select("main a[href^='/me/what-applies']")  # the answer links the page it comes from
    reply = jens.post("/api/assistant", json={"message": "kan jeg få en uddannelse"}, headers=headers).get_json()
    assert reply["kind"] == "own_case" and "Uddannelsesløft" in reply["text"]


def test_anyone_asking_the_assistant_the_same_gets_a_guide_not_someone_elses_case(client):
    reply = client.post("/api/assistant", json={"message": "kan jeg få en uddannelse"}).get_json()
    assert reply["kind"] != "own_case" or "Log ind" in json.dumps(reply, ensure_ascii=False)
