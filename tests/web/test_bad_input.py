"""Bad input, generated (Hypothesis): random Unicode with right-to-left marks and control characters, oversized
fields, missing and extra fields, wrong types — into every form and the JSON APIs. Never a server error, and where a
form accepts what was sent, what is stored is exactly what was accepted.

The forms are read from the pages themselves, as a browser would: every field of every form on the page is filled
(or left out) by Hypothesis, with a valid CSRF token, so a new field is fuzzed without anyone listing it here. A field
gets one of the choices the page offers or the value the page filled in about half the time, and generated text
otherwise, so that forms with required dates and choices also accept some submissions and what they store is checked.
`EXAMPLES` × the targets below is over 10,000 generated inputs per database.
"""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from wtforms.fields.core import UnboundField

from selfservice.extensions import db
from selfservice.input import clean
from selfservice.models import Meeting, Message, PreparationForm
from selfservice.preparation.steps import BY_SLUG
from tests.factories import add_meeting, public_id_of

pytestmark = pytest.mark.db

EXAMPLES = 450
SPECIALS = [
    "\u200f\u202eevil\u202c",  # right-to-left mark and override
    "\x00\x01\x1b[31m",  # NUL and control characters
    "مرحبا بالعالم",
    "😀👍🏽\u0301\u0301",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%(name)s {0} {{ 7*7 }}",
    "\ud7ff\ue000\uffff",
]
TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=80),
    st.sampled_from(SPECIALS),
    st.integers(min_value=1, max_value=30_000).map(lambda n: "x" * n),  # oversized
    st.integers().map(str),
)


def form_fields(html: str, field_hint: str | None = None):
    """The first POST form in the page's main content (or the first with a field of that name): action and fields."""
    soup = BeautifulSoup(html, "html.parser").find("main")
    forms = [
        f
        for f in soup.find_all("form", method=lambda m: m and m.lower() == "post")
        if not field_hint or f.find(attrs={"name": field_hint})
    ]
    form = forms[0]
    fields: dict[str, list[str]] = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or name == "csrf_token":
            continue
        options = [o.get("value", o.get_text()) for o in element.find_all("option")] if element.name == "select" else []
        if element.get("type") in ("radio", "checkbox"):
            options = [element.get("value", "y")]
        elif element.name == "input" and element.get("value"):
            options = [element["value"]]  # what the page filled in, sent back as a browser would if left alone
        elif element.name == "textarea" and element.get_text():
            options = [element.get_text()]
        fields.setdefault(name, []).extend(options)
    token = form.find("input", attrs={"name": "csrf_token"})
    return form.get("action"), fields, token["value"] if token else None


@st.composite
def submissions(draw, fields: dict[str, list[str]]):
    data = {}
    for name, options in fields.items():
        choice = draw(st.integers(0, 9))
        if choice == 0:
            continue  # a missing field
        if options and choice < 6:
            data[name] = draw(st.sampled_from(options))
        else:
            data[name] = draw(TEXT)
    if draw(st.booleans()):
        data[draw(st.text(min_size=1, max_size=10))] = draw(TEXT)  # an extra field
    return data


def fuzz_form(client, page_url: str, field_hint: str | None = None, after=None):
    """Post generated submissions to the form on the page; none may give a server error.

    `after(data, response)` checks what a submission stored and returns True when it compared something, which it
    can only do for a submission the form accepted. A run in which it never compared anything proves nothing (the
    form refused every example, or the check looks for fields the form does not have), so it fails.
    """
    response = client.get(page_url)
    assert response.status_code == 200, page_url
    action, fields, token = form_fields(response.get_data(as_text=True), field_hint)
    target = action or page_url

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    @given(data=submissions(fields))
    def check(data):
        nonlocal compared
        response = client.post(target, data={**data, "csrf_token": token}, check=False)
        assert response.status_code < 500, (target, data)
        if after is not None and after(data, response):
            compared += 1
            event("accepted, and what was stored compared")

    compared = 0
    check()
    assert after is None or compared > 0, f"{target}: no accepted submission was checked in {EXAMPLES} examples"


# The preparation form's free-text fields, by the name the page gives them (the other fields are choices).
STEP_TEXTS = {"story", "other", "matters", "languages", "goal", "first"}
ENTRY_TEXTS = {"what", "place", "years", "job", "workplace", "period", "tasks"}
AREAS = {"economy", "housing", "family", "physical", "mental", "other"}


def stored_text(answers: dict, name: str) -> tuple[bool, str | None]:
    """(is a free-text field, what the step stored for it): `goal` is stored at answers["goal"], `entries-0-job` at
    answers["entries"][0]["job"] (the page shows one entry) and `mental-text` at answers["mental"]["text"]."""
    parts = name.split("-")
    if len(parts) == 1 and name in STEP_TEXTS:
        return True, answers.get(name)
    if len(parts) == 3 and parts[:2] == ["entries", "0"] and parts[2] in ENTRY_TEXTS:
        entries = answers.get("entries") or [{}]  # an entry left empty is not stored
        return True, entries[0].get(parts[2])
    if len(parts) == 2 and parts[0] in AREAS and parts[1] == "text":
        return True, (answers.get(parts[0]) or {}).get("text")
    return False, None


@pytest.mark.parametrize("slug", ["education", "work", "competences", "successes", "goals", "resources"])
def test_every_preparation_step_takes_any_input_and_stores_what_it_accepted(app, people, jens, slug):
    own_fields = {name for name, value in vars(BY_SLUG[slug].form_class).items() if isinstance(value, UnboundField)}

    def stored_as_accepted(data, response):
        if response.status_code != 302:
            return False
        with app.app_context():
            answers = db.session.scalar(
                select(PreparationForm.answers).where(PreparationForm.citizen_id == people["jens"])
            )
        compared = 0
        for name, value in data.items():
            is_text, stored = stored_text(answers.get(slug) or {}, name)
            # Only the step's own fields: a generated extra field may be named like another step's ("other").
            if is_text and isinstance(value, str) and name.split("-")[0] in own_fields:
                accepted = clean(value)
                assert stored in (accepted, accepted.strip()) or (not accepted.strip() and not stored), name
                compared += 1
        return compared > 0

    fuzz_form(jens, f"/me/form/{slug}", after=stored_as_accepted)


def test_the_message_form_stores_exactly_the_accepted_text(app, people, jens):
    def stored_as_accepted(data, response):
        if response.status_code != 302:
            return False
        with app.app_context():
            body = db.session.scalars(select(Message.body).order_by(Message.id.desc())).first()
        assert body == clean(data["body"]).strip() or body == clean(data["body"])
        return True

    fuzz_form(jens, "/me/messages/", after=stored_as_accepted)


@pytest.mark.parametrize("action", ["confirm", "move", "cancel"])
def test_meeting_requests_take_any_input(app, people, jens, action):
    meeting = add_meeting(app, people["jens"]).public_id
    fuzz_form(jens, f"/me/meetings/{meeting}/{action}")


@pytest.mark.parametrize("path", ["/me/settings", "/me/consents"])
def test_citizen_settings_take_any_input(jens, path):
    fuzz_form(jens, path)


@pytest.mark.parametrize(
    "path",
    [
        "/staff/citizens/new",
        "/staff/citizens/{jens}/meetings/new",
        "/staff/citizens/{jens}/plan/activities/new",
        "/staff/citizens/{jens}/minutes/new",
        "/staff/citizens/{jens}/messages",
    ],
)
def test_caseworker_forms_take_any_input(app, people, karen, path):
    fuzz_form(karen, path.format(jens=public_id_of(app, people["jens"])))


def test_the_staff_meeting_form_stores_the_place_it_accepted(app, people, karen):
    meeting = add_meeting(app, people["jens"]).public_id

    def stored_as_accepted(data, response):
        if response.status_code != 302 or not isinstance(data.get("place"), str):
            return False
        with app.app_context():
            place = db.session.scalar(select(Meeting.place).where(Meeting.public_id == meeting))
        assert (place or "") == clean(data["place"]).strip()
        return True

    fuzz_form(karen, f"/staff/meetings/{meeting}/edit", field_hint="place", after=stored_as_accepted)


@pytest.mark.parametrize(
    "path", ["/login/code", "/assistant", "/self-checks/uddannelsesloeft/benefit", "/self-checks/moede/reason"]
)
def test_public_forms_take_any_input(app, people, path):
    fuzz_form(app.test_client(), path)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=10,
)


def test_the_assistant_api_answers_any_json_without_a_server_error(app, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_ASSISTANT", "100000 per minute")
    client = app.test_client()

    @settings(max_examples=EXAMPLES * 2, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(
        body=st.one_of(
            st.fixed_dictionaries(
                {"message": TEXT}, optional={"lang": TEXT | st.sampled_from(["da", "ar"]), "choose": JSON_VALUES}
            ),
            JSON_VALUES,
        )
    )
    def check(body):
        nonlocal answered
        response = client.post("/api/assistant", json=body)
        assert response.status_code in (200, 400, 422), (body, response.status_code)
        if response.status_code == 200:
            assert set(response.get_json()) >= {"kind", "article", "choices", "text", "sources", "reviewed", "lang"}
            answered += 1
            event("answered, and the answer's fields checked")

    answered = 0
    check()
    assert answered > 0, "the assistant refused every generated message: the answer's fields were never checked"
