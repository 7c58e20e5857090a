"""The Enter key (a phone's "Go") does the page's main action: in the preparation form's repeating steps it saves
and continues, and never removes or adds an entry (issue 16: Enter in the second education silently deleted the
first). Driven in chromium at phone width, in English and Arabic."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import PreparationForm
from tests.browser.conftest import signed_in_cookie
from tests.helpers import citizen, seed_people

pytestmark = pytest.mark.browser

STEPS = [("education", "what", "work"), ("work", "job", "competences")]


def stored_entries(app, citizen_id, slug):
    with app.app_context():
        answers = db.session.scalar(select(PreparationForm.answers).where(PreparationForm.citizen_id == citizen_id))
    return [entry for entry in (answers or {}).get(slug, {}).get("entries", [])]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(("slug", "field", "following"), STEPS)
def test_enter_in_any_entry_saves_and_continues_and_keeps_every_entry(
    app, live_server, new_context, lang, slug, field, following
):
    people = seed_people(app)
    context = new_context()
    context.add_cookies([signed_in_cookie(app, live_server, citizen(people, "olena"))])
    page = context.new_page()
    page.goto(f"/me/form/{slug}?lang={lang}")
    page.fill(f"#entries-0-{field}", "First")
    page.press(f"#entries-0-{field}", "Enter")  # one entry: Enter must not add another
    expect(page).to_have_url(re.compile(f"/me/form/{following}$"))
    assert [e[field] for e in stored_entries(app, people["olena"], slug)] == ["First"]

    page.goto(f"/me/form/{slug}?lang={lang}")
    page.locator("button[name=action][value=add]").click()
    page.fill(f"#entries-1-{field}", "Second")
    page.press(f"#entries-1-{field}", "Enter")  # two entries: Enter must not remove the first
    expect(page).to_have_url(re.compile(f"/me/form/{following}$"))
    assert [e[field] for e in stored_entries(app, people["olena"], slug)] == ["First", "Second"]
