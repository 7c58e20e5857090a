"""How the assistant understands (issue 14): the crisis help leads whenever a message may be a crisis, with the
answer to the rest after it; the chat never acts but points to the explicit action; close guides get a question
back; a follow-up leans on the previous question; an answer names the part of the guide that answers; bad input
gets a calm answer. Through the JSON API and the page, as clients and citizens see it."""

import pytest

from tests.helpers import csrf_token, page

pytestmark = pytest.mark.db


def api(client, message, lang="en", **extra):
    response = client.post("/api/assistant", json={"message": message, "lang": lang, **extra})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def conversation(client, lang="en"):
    """A browser session with the page open: its API calls join one conversation."""
    token = csrf_token(client, f"/assistant?lang={lang}")

    def say(message):
        response = client.post(
            "/api/assistant", json={"message": message, "lang": lang}, headers={"X-CSRFToken": token}
        )
        assert response.status_code == 200
        return response.get_json()

    return say


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "i dont want to wake up tomorrow, nobody would even notice if i was gone"),
        ("en", "he locks me in when he goes to work and i am scared of him"),
        ("da", "jeg har samlet piller sammen i et stykke tid"),
        ("uk", "чоловік б'є мене і погрожує вбити"),
        ("pl", "maz mnie bije i zamyka w domu"),
        ("ar", "زوجي يضربني كل يوم وانا خايفة"),
        ("tr", "kocam beni dovuyor ve tehdit ediyor"),
        ("so", "ninkeyga wuu i garaacaa oo wuu i handadaa"),
        ("fa", "شوهرم منو میزنه و تهدیدم میکنه"),
    ],
)
def test_a_crisis_said_indirectly_or_about_violence_at_home_gets_the_crisis_help_first(client, lang, message):
    reply = api(client, message, lang)
    assert reply["kind"] == "crisis"
    assert "112" in reply["text"] and "1888" in reply["text"]  # Lev Uden Vold beside the emergency number


def test_the_crisis_help_leads_and_the_answer_to_the_rest_of_the_message_follows(client):
    reply = api(client, "I have been saving up pills. I lost my job last week, can I get kontanthjælp?")
    assert reply["kind"] == "crisis" and reply["follows"]["kind"] == "answer"
    assert reply["follows"]["article"] == reply["article"] == "kontanthjaelp"
    token = csrf_token(client, "/assistant?lang=en")
    client.post(
        "/assistant?lang=en",
        data={"csrf_token": token, "message": "I have been saving up pills. Can I get kontanthjælp?"},
    )
    answer = page(client.get("/assistant?lang=en")).select("li.chat-turn")[-1].select_one(".chat-answer")
    text = answer.get_text(" ")
    assert "chat-crisis" in answer["class"]
    assert text.index("112") < text.index("Sources")
    assert answer.select_one(".chat-follows a[href='/guides/kontanthjaelp']")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "I won't come on Monday, please register it"),
        ("en", "book me a new time"),
        ("en", "send my sick note to my caseworker"),
        ("da", "kan du aflyse mit møde i morgen"),
    ],
)
def test_asking_the_chat_to_act_gets_the_action_answer_and_never_an_article(client, lang, message):
    reply = api(client, message, lang)
    assert reply["kind"] == "action"


def test_close_guides_get_a_question_back_with_the_guides_as_choices(client):
    reply = api(client, "uddannelse", "da")
    assert reply["kind"] == "choices" and len(reply["choices"]) >= 2
    assert "?" in reply["text"]


def test_an_answer_names_the_part_of_the_guide_that_answers_with_a_link_to_it(client):
    reply = api(client, "how long can I get dagpenge", "en")
    assert reply["kind"] == "answer" and reply["article"] == "dagpenge"
    assert reply["section"]["heading"] == "How long?"
    assert reply["section"]["url"].startswith("/guides/dagpenge#section-")
    anchor = reply["section"]["url"].split("#")[1]
    assert page(client.get("/guides/dagpenge?lang=en")).find(id=anchor).get_text() == "How long?"


def test_a_short_follow_up_leans_on_the_previous_question(app, client):
    say = conversation(client)
    first = say("what is dagpenge")
    assert first["article"] == "dagpenge"
    alone = api(app.test_client(), "and for how many years?")
    follow_up = say("and for how many years?")
    assert follow_up["kind"] == "answer" and follow_up["article"] == "dagpenge"
    assert alone.get("article") != "dagpenge" or alone["kind"] != "answer"


@pytest.mark.parametrize(
    "message",
    ["😀😀😀", "0101901234", "x" * 10000, "مرحبا hello cześć привіт", "?!?!", "a" * 3000 + " dagpenge"],
)
def test_bad_input_gets_a_calm_answer(client, message):
    reply = api(client, message[:500], "en")  # longer is refused with a clear 422 (test_assistant.py)
    assert reply["kind"] in ("greeting", "dont_know", "choices", "answer")
    assert "0101901234" not in str(reply)
