"""Bad input, generated (Hypothesis): random Unicode with right-to-left marks and control characters, oversized
fields, missing and extra fields, wrong types — into every form and the JSON APIs. Never a server error, and where a
form accepts what was sent, what is stored is exactly what was accepted.

The forms are read from the pages themselves, as a browser would: every field of every form on the page is filled
(or left out) by Hypothesis, with a valid CSRF token, so a new field is fuzzed without anyone listing it here.
`EXAMPLES` × the targets below is over 10,000 generated inputs per database.
"""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.input import clean
from selfservice.models import Citizen, Meeting, Message, PreparationForm, utcnow
from tests.helpers import citizen, sign_in_as, staff

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
        response = client.post(target, data={**data, "csrf_token": token}, check=False)
        assert response.status_code < 500, (target, data)
        if after is not None:
            after(data, response)

    check()


@pytest.fixture
def jens_client(app, people):
    client = app.test_client()
    sign_in_as(client, app, citizen(people, "jens"))
    return client


@pytest.fixture
def karen_client(app, people):
    client = app.test_client()
    sign_in_as(client, app, staff(people, "karen"))
    return client


def jens_public_id(app, people):
    with app.app_context():
        return db.session.get(Citizen, people["jens"]).public_id


def jens_meeting(app, people) -> str:
    with app.app_context():
        meeting = Meeting(citizen_id=people["jens"], starts_at=utcnow() + timedelta(days=3), place="Rum 1")
        db.session.add(meeting)
        db.session.commit()
        return meeting.public_id


@pytest.mark.parametrize("slug", ["education", "work", "competences", "successes", "goals", "resources"])
def test_every_preparation_step_takes_any_input_and_stores_what_it_accepted(app, people, jens_client, slug):
    def stored_as_accepted(data, response):
        if response.status_code != 302:
            return
        with app.app_context():
            answers = db.session.scalar(
                select(PreparationForm.answers).where(PreparationForm.citizen_id == people["jens"])
            )
        for name, value in data.items():
            if name in ("story", "other", "matters", "languages", "goal") and isinstance(value, str):
                stored, accepted = (answers.get(slug) or {}).get(name), clean(value)
                assert stored in (accepted, accepted.strip()) or (not accepted.strip() and not stored), name

    fuzz_form(jens_client, f"/me/form/{slug}", after=stored_as_accepted)


def test_the_message_form_stores_exactly_the_accepted_text(app, people, jens_client):
    def stored_as_accepted(data, response):
        if response.status_code == 302:
            with app.app_context():
                body = db.session.scalars(select(Message.body).order_by(Message.id.desc())).first()
            assert body == clean(data["body"]).strip() or body == clean(data["body"])

    fuzz_form(jens_client, "/me/messages/", after=stored_as_accepted)


@pytest.mark.parametrize("action", ["confirm", "move", "cancel"])
def test_meeting_requests_take_any_input(app, people, jens_client, action):
    fuzz_form(jens_client, f"/me/meetings/{jens_meeting(app, people)}/{action}")


@pytest.mark.parametrize("path", ["/me/settings", "/me/consents"])
def test_citizen_settings_take_any_input(jens_client, path):
    fuzz_form(jens_client, path)


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
def test_caseworker_forms_take_any_input(app, people, karen_client, path):
    fuzz_form(karen_client, path.format(jens=jens_public_id(app, people)))


def test_the_staff_meeting_form_stores_the_place_it_accepted(app, people, karen_client):
    meeting = jens_meeting(app, people)

    def stored_as_accepted(data, response):
        if response.status_code == 302 and isinstance(data.get("place"), str):
            with app.app_context():
                place = db.session.scalar(select(Meeting.place).where(Meeting.public_id == meeting))
            assert (place or "") == clean(data["place"]).strip()

    fuzz_form(karen_client, f"/staff/meetings/{meeting}/edit", field_hint="place", after=stored_as_accepted)


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


def test_the_assistant_api_answers_any_json_without_a_server_error(app):
    app.config["RATELIMIT_ASSISTANT"] = "100000 per minute"
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
        response = client.post("/api/assistant", json=body)
        assert response.status_code in (200, 400, 422), (body, response.status_code)
        if response.status_code == 200:
            assert set(response.get_json()) >= {"kind", "article", "choices", "text", "sources", "reviewed", "lang"}

    try:
        check()
    finally:
        app.config["RATELIMIT_ASSISTANT"] = "1000 per minute"
