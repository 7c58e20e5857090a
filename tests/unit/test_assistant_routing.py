"""The assistant's routing, masking and language detection, without Flask: the messages where a wrong article
would do harm are recognised before any article is looked up."""

import pytest

from selfservice.assistant.engine import Assistant
from selfservice.assistant.privacy import mask
from selfservice.assistant.routing import ACTION, CRISIS, GREETING, OUT_OF_SCOPE, OWN_CASE, Route, route
from selfservice.guides.content import load_library

ASSISTANT = Assistant(load_library())


@pytest.mark.parametrize(
    "message",
    [
        "jeg vil tage mit eget liv",
        "Jeg har tanker om selvmord",
        "i want to kill myself",
        "Я не хочу жити",
        "chcę umrzeć",
        "أريد أن أموت",
        "intihar etmek istiyorum",
        "waxaan rabaa inaan dhinto",
        "به خودکشی فکر میکنم",
        "min mand slår mig",
    ],
)
def test_a_crisis_is_recognised_in_every_language(message):
    assert route(message) == Route(CRISIS)


@pytest.mark.parametrize(
    "message",
    [
        "jeg vil aflyse mit møde",
        "kan jeg flytte mødet til fredag",
        "jeg melder mig syg",
        "please cancel my appointment",
        "I'm sick and cant come to the meeting today",
        "nie mogę przyjść na spotkanie",
        "randevumu iptal etmek istiyorum",
        "لا أستطيع الحضور غدا",
    ],
)
def test_an_action_on_a_meeting_is_never_taken_as_a_question(message):
    assert route(message) == Route(ACTION)


@pytest.mark.parametrize(
    "message",
    ["how do I tell you I am sick and cannot come to the meeting", "jeg er syg og kan ikke arbejde, får jeg penge"],
)
def test_asking_how_or_being_ill_without_a_meeting_is_a_question_not_an_action(message):
    assert route(message) is None


def test_a_crisis_comes_before_an_action_in_the_same_message():
    assert route("jeg kan ikke komme for jeg vil ikke leve mere") == Route(CRISIS)


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("hvornår er mit næste møde?", "meeting"),
        ("When is my meeting", "meeting"),
        ("hvad står der i min plan", "plan"),
        ("has my caseworker read my form", "form"),
        ("har jeg fået svar fra min sagsbehandler", "messages"),
        ("randevum ne zaman", "meeting"),
    ],
)
def test_questions_about_the_citizens_own_case_are_recognised(message, topic):
    assert route(message) == Route(OWN_CASE, topic)


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("hvordan får jeg mit skattekort", "tax"),
        ("kan jeg få boligstøtte", "housing"),
        ("I need a passport", "residence"),
    ],
)
def test_other_authorities_matters_are_out_of_scope(message, topic):
    assert route(message) == Route(OUT_OF_SCOPE, topic)


def test_out_of_scope_words_match_whole_words_only():
    assert route("skal jeg have en lægeerklæring til sygedagpenge") is None


@pytest.mark.parametrize("message", ["hej", "Hello!", "Merhaba", "سلام", "  ", "tak"])
def test_a_bare_greeting_is_a_greeting(message):
    assert route(message) == Route(GREETING)


def test_an_ordinary_question_goes_to_the_knowledge_base():
    assert route("hej, hvad er dagpenge") is None


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("mit cpr er 010190-1234", "mit cpr er [CPR]"),
        ("cpr 0101901234 tak", "cpr [CPR] tak"),
        ("ring på 12 34 56 78", "ring på [phone]"),
        ("+45 20304050", "[phone]"),
        ("skriv til anna.b@example.dk", "skriv til [e-mail]"),
        ("mødet 2026-12-01 kl. 10", "mødet 2026-12-01 kl. 10"),
        ("jeg er 45 år og har 3 børn", "jeg er 45 år og har 3 børn"),
    ],
)
def test_cpr_phone_and_e_mail_are_masked_and_nothing_else(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize(
    ("message", "page", "expected"),
    [
        ("what happens if I miss my meeting tomorrow", "da", "en"),
        ("hvad sker der hvis jeg ikke kommer til mødet", "en", "da"),
        ("Що буде, якщо я не прийду на зустріч?", "da", "uk"),
        ("co się stanie jeśli nie przyjdę na spotkanie", "da", "pl"),
        ("toplantıya gelmezsem ne olur", "da", "tr"),
        ("maxaa dhacaya haddii aanan imaan kulanka", "da", "so"),
        ("ماذا يحدث إذا لم أحضر الاجتماع", "da", "ar"),
        ("اگر به جلسه نروم چه می شود", "da", "fa"),
        ("ok", "pl", "pl"),
        ("dagpenge", "en", "en"),
    ],
)
def test_a_message_clearly_in_another_of_our_languages_is_answered_in_it(message, page, expected):
    assert ASSISTANT.language_of(message, page) == expected


def test_a_danish_benefit_word_in_an_english_question_keeps_the_answer_in_english():
    assert ASSISTANT.language_of("what is kontanthjælp and can I get it", "en") == "en"
