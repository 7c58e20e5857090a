"""Review that means something: an administrator records a review per guide and language with a note; the guide's
"last reviewed" comes from it; guides whose sources changed or whose rules change soon are listed as needing one."""

from datetime import datetime

import pytest
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.guides import reviews
from selfservice.models import ContentReview
from tests.helpers import csrf_token, page, sign_in_as, staff

pytestmark = pytest.mark.db


@pytest.fixture
def anne(app, people):
    client = app.test_client()
    sign_in_as(client, app, staff(people, "anne"))
    return client


def review(client, slug, lang, note):
    token = csrf_token(client, "/staff/content")
    return client.post(
        f"/staff/content/{slug}/review", data={"csrf_token": token, f"{slug}-lang": lang, f"{slug}-note": note}
    )


def test_an_administrator_records_a_review_and_the_guide_shows_its_date(app, anne):
    response = review(anne, "bisidder", "da", "Checked § 8 against retsinformation.dk")
    assert response.status_code == 302
    status = page(anne.get("/staff/content?lang=en"))
    block = status.find(id="review-bisidder").get_text(" ")
    assert "Anne Admin" in block and "Checked § 8 against retsinformation.dk" in block
    with app.app_context():  # a date no file carries, to see that the page reads the record
        db.session.scalar(select(ContentReview)).reviewed_at = datetime(2026, 11, 15, 10, 0)
        db.session.commit()
    assert "Last reviewed: November 15, 2026" in page(anne.get("/guides/bisidder?lang=en")).get_text(" ")


def test_a_review_without_a_note_is_answered_beside_the_field(app, anne):
    response = review(anne, "bisidder", "da", "")
    assert response.status_code == 400
    assert page(response).find(id="bisidder-note-error")
    with app.app_context():
        assert db.session.scalar(select(ContentReview)) is None


def test_a_caseworker_cannot_record_reviews(app, karen):
    token = csrf_token(karen, "/staff/")
    assert karen.post("/staff/content/bisidder/review", data={"csrf_token": token}).status_code == 403


def test_a_guide_whose_sources_changed_after_its_review_needs_review_again(app, anne):
    review(anne, "bisidder", "da", "Checked")
    with app.app_context():
        article = app.extensions["guides"].articles["bisidder"]
        latest = reviews.latest("bisidder")
        assert "sources_changed" not in reviews.needs_review(article, latest)
        latest["da"].sources_hash = "something else"
        assert "sources_changed" in reviews.needs_review(article, latest)
    assert "Never reviewed here" in page(anne.get("/staff/content?lang=en")).get_text(" ")  # the other guides


def test_flask_content_check_lists_guides_needing_a_recorded_review_and_can_insist(app, anne):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0 and "bisidder: never" in result.output
    strict = runner.invoke(args=["content", "check", "--strict-reviews"])
    assert strict.exit_code == 1
