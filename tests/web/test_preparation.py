"""The preparation form, as a citizen goes through it with the Flask test client (no JavaScript)."""

import pytest
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import FormSubmission, PreparationForm
from tests.helpers import citizen, csrf_token, page, sign_in_as

pytestmark = pytest.mark.db

ARABIC = "عملت في مطبخ مطعم في حلب لمدة ثلاث سنوات 👩‍🍳"
CYRILLIC = "Працювала кухарем у Києві — «дуже добре»"


@pytest.fixture
def amira(app, client, people):
    sign_in_as(client, app, citizen(people, "amira"))
    return client


def post_step(client, slug, data, action="continue", **query):
    token = csrf_token(client, f"/me/form/{slug}")
    return client.post(f"/me/form/{slug}", data={"csrf_token": token, "action": action, **data}, query_string=query)


def stored(app, name_id):
    with app.app_context():
        return db.session.scalar(select(PreparationForm).where(PreparationForm.citizen_id == name_id))


def fill_everything(client):
    post_step(
        client,
        "education",
        {
            "entries-0-what": "Kok",
            "entries-0-place": "Aleppo",
            "entries-0-country": "abroad",
            "entries-0-years": "2008 to 2010",
            "entries-0-finished": "yes",
        },
    )
    post_step(
        client,
        "work",
        {
            "entries-0-job": "Kok",
            "entries-0-workplace": "Restaurant",
            "entries-0-tasks": ARABIC,
            "entries-0-abroad": "y",
        },
    )
    post_step(
        client,
        "competences",
        {"checklist": ["languages", "practical"], "languages": "Arabisk, dansk", "other": CYRILLIC},
    )
    post_step(client, "successes", {"story": "Jeg lærte dansk på et år."})
    post_step(
        client, "goals", {"goal_kind": "job", "goal": "Kok i et køkken", "matters": "Dagarbejde", "first": "Praktik"}
    )
    return post_step(client, "resources", {"economy-answer": "hard", "economy-text": "Gæld", "consent": "y"})


def test_the_start_page_explains_the_form_in_plain_words(amira):
    text = page(amira.get("/me/form/?lang=en")).get_text(" ")
    for promise in ["own words", "15 to 30 minutes", "finish later", "caseworker can help you", "reads it"]:
        assert promise in text


def test_the_steps_come_from_the_registry_with_a_step_indicator(amira):
    education = page(amira.get("/me/form/education?lang=en"))
    assert education.h1.get_text(strip=True) == "Education"
    assert "Step 1 of 7" in education.select_one(".step-count").get_text()
    assert [li.get_text(strip=True) for li in education.select(".step-list li")] == [
        "Education",
        "Work experience",
        "Other competences",
        "Earlier successes",
        "Goals and wishes",
        "Resources and barriers",
        "Check and send",
    ]
    resources = page(amira.get("/me/form/resources?lang=en"))
    assert "optional" in resources.h1.get_text()
    assert amira.get("/me/form/no-such-step").status_code == 404


def test_continue_saves_on_the_server_and_goes_to_the_next_step(app, amira, people):
    response = post_step(amira, "education", {"entries-0-what": "Frisør", "entries-0-country": "denmark"})
    assert response.headers["Location"] == "/me/form/work"
    form = stored(app, people["amira"])
    assert form.answers["education"]["entries"][0]["what"] == "Frisør"
    assert form.completed_steps == ["education"]
    assert form.language == "ar"  # her saved language
    again = page(amira.get("/me/form/education"))
    assert again.find("input", id="entries-0-what")["value"] == "Frisør"


def test_no_education_after_primary_school_is_a_valid_answer(app, amira, people):
    response = post_step(amira, "education", {"none_after_primary": "y"})
    assert response.headers["Location"] == "/me/form/work"
    assert stored(app, people["amira"]).answers["education"]["none_after_primary"] is True


def test_add_another_works_without_javascript_and_empty_entries_are_not_kept(app, amira, people):
    added = post_step(amira, "work", {"entries-0-job": "Rengøring"}, action="add")
    assert added.headers["Location"].startswith("/me/form/work?add=1")
    form = page(amira.get("/me/form/work?add=1"))
    assert form.find("input", id="entries-0-job")["value"] == "Rengøring"
    assert form.find("input", id="entries-1-job") is not None
    post_step(amira, "work", {"entries-0-job": "Rengøring", "entries-1-job": "Lager", "entries-2-job": ""})
    entries = stored(app, people["amira"]).answers["work"]["entries"]
    assert [e["job"] for e in entries] == ["Rengøring", "Lager"]
    post_step(amira, "work", {"entries-0-job": "Rengøring", "entries-1-job": "Lager"}, action="remove-0")
    assert [e["job"] for e in stored(app, people["amira"]).answers["work"]["entries"]] == ["Lager"]


def test_too_long_text_is_answered_beside_the_field_and_in_the_summary_keeping_what_was_typed(app, amira, people):
    long_story = "ب" * 2001
    response = post_step(amira, "successes", {"story": long_story})
    assert response.status_code == 400
    html = page(response)
    # (HTML ignores the one line break the widget writes first inside a textarea)
    assert html.find("textarea", id="story").get_text().removeprefix("\r\n") == long_story
    assert "2000" in html.find(id="story-error").get_text()
    assert html.select_one(".error-summary a[href='#story']")
    assert html.title.get_text() != page(amira.get("/me/form/successes")).title.get_text()  # says "error" first
    assert stored(app, people["amira"]).answers.get("successes") is None


def test_exactly_2000_characters_of_any_script_are_accepted_and_stored_exactly(app, amira, people):
    story = ("😀" + ARABIC)[:1] * 2000
    assert post_step(amira, "successes", {"story": story}).status_code == 302
    assert stored(app, people["amira"]).answers["successes"]["story"] == story


def test_save_and_finish_later_keeps_everything_and_says_what_happens_next(app, amira, people):
    response = post_step(amira, "goals", {"goal": CYRILLIC}, action="save")
    assert response.headers["Location"] == "/me/form/saved"
    saved = page(amira.get("/me/form/saved?lang=en"))
    assert "Nothing has been sent yet" in saved.get_text()
    form = stored(app, people["amira"])
    assert form.answers["goals"]["goal"] == CYRILLIC
    assert form.completed_steps == []


def test_previous_step_saves_too(app, amira, people):
    response = post_step(amira, "work", {"entries-0-job": "Bager"}, action="back")
    assert response.headers["Location"] == "/me/form/education"
    assert stored(app, people["amira"]).answers["work"]["entries"][0]["job"] == "Bager"


def test_autosave_stores_typed_text_without_finishing_the_step(app, amira, people):
    token = csrf_token(amira, "/me/form/successes")
    response = amira.post("/me/form/successes/autosave", data={"csrf_token": token, "story": ARABIC})
    assert response.status_code == 200 and response.get_json()["saved"] is True
    form = stored(app, people["amira"])
    assert form.answers["successes"]["story"] == ARABIC
    assert "successes" not in form.completed_steps
    too_long = amira.post("/me/form/successes/autosave", data={"csrf_token": token, "story": "x" * 2001})
    assert too_long.status_code == 422
    assert stored(app, people["amira"]).answers["successes"]["story"] == ARABIC


def test_coming_back_continues_at_the_first_unfinished_step(app, amira):
    post_step(amira, "education", {"none_after_primary": "y"})
    post_step(amira, "work", {"none_yet": "y"})
    assert amira.get("/me/form/continue").headers["Location"] == "/me/form/competences"


def test_check_your_answers_shows_everything_exactly_with_a_change_link_per_step(app, amira):
    fill_everything(amira)
    check = page(amira.get("/me/form/check?lang=en"))
    text = check.get_text(" ")
    assert ARABIC in text and CYRILLIC in text
    assert "Abroad" in text and "I speak more than one language" in text
    changes = [a["href"] for a in check.select(".summary-section h2 a")]
    assert changes == [
        f"/me/form/{s}?return=check" for s in ["education", "work", "competences", "successes", "goals", "resources"]
    ]
    assert "You have agreed that the team may see this page." in text


def test_a_change_from_the_check_page_returns_to_the_check_page(amira):
    fill_everything(amira)
    response = post_step(amira, "successes", {"story": "Ny tekst"}, **{"return": "check"})
    assert response.headers["Location"] == "/me/form/check"


def submit(client, email=""):
    html = page(client.get("/me/form/check"))
    data = {i["name"]: i.get("value", "") for i in html.select("form[action='/me/form/submit'] input")}
    data["email"] = email
    return client.post("/me/form/submit", data=data)


def test_sending_gives_a_receipt_with_reference_date_and_what_happens_next(app, amira, people):
    fill_everything(amira)
    response = submit(amira)
    assert response.headers["Location"] == "/me/form/receipt"
    receipt = page(amira.get("/me/form/receipt?lang=en"))
    form = stored(app, people["amira"])
    assert f"{form.reference}-1" in receipt.select_one(".receipt-reference").get_text()
    assert "What happens next" in receipt.get_text()
    assert form.status == "submitted"
    home = page(amira.get("/me/?lang=en")).get_text(" ")
    assert "Sent" in home


def test_sending_twice_with_the_same_page_gives_one_submission(app, amira, people):
    fill_everything(amira)
    html = page(amira.get("/me/form/check"))
    data = {i["name"]: i.get("value", "") for i in html.select("form[action='/me/form/submit'] input")}
    first = amira.post("/me/form/submit", data=data)
    second = amira.post("/me/form/submit", data=data)
    assert first.headers["Location"] == second.headers["Location"] == "/me/form/receipt"
    with app.app_context():
        assert len(db.session.scalars(select(FormSubmission)).all()) == 1


def test_a_sent_form_can_be_changed_and_sent_again_as_a_new_version_until_it_is_seen(app, amira, people):
    fill_everything(amira)
    submit(amira)
    post_step(amira, "successes", {"story": "Version two"}, **{"return": "check"})
    check = page(amira.get("/me/form/check?lang=en"))
    assert "changed your answers since you sent them" in check.get_text()
    submit(amira)
    with app.app_context():
        versions = db.session.scalars(select(FormSubmission).order_by(FormSubmission.number)).all()
        assert [v.number for v in versions] == [1, 2]
        assert versions[0].answers["successes"]["story"] != versions[1].answers["successes"]["story"]


def test_once_seen_the_words_are_kept_and_the_citizen_adds_a_note_instead(app, amira, people):
    fill_everything(amira)
    submit(amira)
    with app.app_context():
        form = db.session.scalar(select(PreparationForm))
        form.status = "seen"
        db.session.commit()
    assert amira.get("/me/form/successes").headers["Location"] == "/me/form/check"
    refused = post_step_raw(amira, "successes", {"story": "changed"})
    assert refused.headers["Location"] == "/me/form/check"
    assert stored(app, people["amira"]).answers["successes"]["story"] != "changed"
    token = csrf_token(amira, "/me/form/check")
    noted = amira.post("/me/form/note", data={"csrf_token": token, "text": "Jeg har fået en ny adresse."})
    assert noted.headers["Location"] == "/me/form/check?noted=1"
    assert "Jeg har fået en ny adresse." in amira.get("/me/form/check").get_data(as_text=True)


def post_step_raw(client, slug, data):
    token = csrf_token(client, "/me/form/check")
    return client.post(f"/me/form/{slug}", data={"csrf_token": token, "action": "continue", **data})


def test_an_invitation_session_reaches_the_form_and_its_receipt_only(app, client, people):
    sign_in_as(client, app, citizen(people, "reza"), method="invitation")
    assert client.get("/me/form/").status_code == 200
    fill_everything(client)
    assert submit(client).headers["Location"] == "/me/form/receipt"
    assert client.get("/me/form/receipt").status_code == 200
    assert client.get("/me/access-log").status_code == 403


def test_a_citizen_never_sees_another_citizens_form(app, client, people):
    sign_in_as(client, app, citizen(people, "amira"))
    post_step(client, "successes", {"story": "Amira's words"})
    other = app.test_client()
    sign_in_as(other, app, citizen(people, "jens"))
    assert "Amira's words" not in other.get("/me/form/check").get_data(as_text=True)
    assert "Amira's words" not in other.get("/me/form/successes").get_data(as_text=True)
