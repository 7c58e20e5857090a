"""Filling in together: the caseworker sees the citizen's unsent words only after the citizen opens a joint session,
never the resources page the citizen chose not to share, and every together page is in the citizen's access log.

The first test is the security review's F1 reproduction (../shared/audits/security-2026-12.md)."""

import re
import threading

import pytest
import requests
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from selfservice.extensions import db
from selfservice.models import AuditEntry, PreparationForm
from selfservice.preparation.together import MAX_CODE_ATTEMPTS
from tests.factories import public_id_of
from tests.helpers import citizen, csrf_token, page, sign_in_as, staff

pytestmark = pytest.mark.db

MENTAL = "NOT-SHARED-MENTAL-HEALTH-DETAIL"
DEBT = "NOT-SHARED-DEBT-DETAIL"
DRAFT = "UNSENT-DRAFT-STORY"
TOGETHER_PAGES = ["/", "/continue", "/check", "/receipt", "/saved", "/education", "/successes", "/resources"]


def audit_count(app, citizen_id):
    with app.app_context():
        return db.session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.citizen_id == citizen_id)
        )


def post(client, path, data):
    return client.post(path, data={"csrf_token": csrf_token(client, path), **data})


@pytest.fixture
def reza(app, people):
    """Reza, signed in with his invitation code, as in the review."""
    client = app.test_client()
    sign_in_as(client, app, citizen(people, "reza"), method="invitation")
    return client


def write_private_draft(client, consent=False):
    resources = {"mental-answer": "hard", "mental-text": MENTAL, "economy-answer": "hard", "economy-text": DEBT}
    if consent:
        resources["consent"] = "y"
    post(client, "/me/form/resources", {"action": "continue", **resources})
    post(client, "/me/form/successes", {"action": "save", "story": DRAFT})


def show_code(client) -> str:
    html = page(
        client.post("/me/form/together", data={"csrf_token": csrf_token(client, "/me/form/together"), "action": "code"})
    )
    return re.sub(r"\D", "", html.select_one(".together-code").get_text())


def join(karen, base, code):
    return karen.post(
        base + "/join", data={"csrf_token": csrf_token(karen, base + "/"), "action": "code", "code": code}
    )


def test_review_f1_a_caseworker_sees_neither_the_draft_nor_unshared_resources_and_every_page_is_logged(
    app, people, reza, karen
):
    write_private_draft(reza)
    base = f"/staff/citizens/{public_id_of(app, people['reza'])}/form"
    for path in TOGETHER_PAGES:
        before = audit_count(app, people["reza"])
        response = karen.get(base + path, follow_redirects=True)
        text = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert MENTAL not in text and DEBT not in text and DRAFT not in text, path
        assert audit_count(app, people["reza"]) > before, f"{path} left no entry in the citizen's access log"
    # Writing is refused too: the caseworker cannot overwrite what they may not read.
    token = csrf_token(karen, base + "/")
    response = karen.post(base + "/successes", data={"csrf_token": token, "action": "continue", "story": "x"})
    assert response.headers["Location"].endswith("/form/?closed=1")
    with app.app_context():
        form = db.session.scalar(select(PreparationForm).where(PreparationForm.citizen_id == people["reza"]))
        assert form.answers["successes"]["story"] == DRAFT


def test_with_the_citizens_code_the_draft_opens_but_unshared_resources_stay_closed(app, people, reza, karen):
    write_private_draft(reza)
    base = f"/staff/citizens/{public_id_of(app, people['reza'])}/form"
    code = show_code(reza)
    assert join(karen, base, code).status_code == 302
    check = karen.get(base + "/check?lang=en").get_data(as_text=True)
    assert DRAFT in check
    assert MENTAL not in check and DEBT not in check
    assert "The citizen has not agreed to share this page with the team." in check
    resources = karen.get(base + "/resources?lang=en")
    assert MENTAL not in resources.get_data(as_text=True)
    assert "has not shared this page" in resources.get_data(as_text=True)
    token = csrf_token(karen, base + "/education")
    overwrite = {"csrf_token": token, "action": "continue", "mental-answer": "skip"}
    assert karen.post(base + "/resources", data=overwrite).status_code == 403
    assert karen.post(base + "/resources/autosave", data=overwrite).status_code == 403
    with app.app_context():
        form = db.session.scalar(select(PreparationForm).where(PreparationForm.citizen_id == people["reza"]))
        assert form.answers["resources"]["mental"]["text"] == MENTAL


def test_resources_the_citizen_shares_are_seen_and_can_be_filled_in_together(app, people, reza, karen):
    write_private_draft(reza, consent=True)
    base = f"/staff/citizens/{public_id_of(app, people['reza'])}/form"
    join(karen, base, show_code(reza))
    assert MENTAL in karen.get(base + "/check").get_data(as_text=True)
    assert MENTAL in karen.get(base + "/resources").get_data(as_text=True)


def test_after_sending_the_check_page_still_hides_unshared_resources(app, people, reza, karen):
    write_private_draft(reza)
    html = page(reza.get("/me/form/check"))
    data = {i["name"]: i.get("value", "") for i in html.select("form[action='/me/form/submit'] input")}
    assert reza.post("/me/form/submit", data=data).status_code == 302
    base = f"/staff/citizens/{public_id_of(app, people['reza'])}/form"
    join(karen, base, show_code(reza))
    check = karen.get(base + "/check").get_data(as_text=True)
    assert DRAFT in check and MENTAL not in check and DEBT not in check
    receipt = karen.get(base + "/receipt")
    assert receipt.status_code == 200 and MENTAL not in receipt.get_data(as_text=True)


def test_a_code_works_once_and_a_wrong_code_says_so_beside_the_field(app, people, reza, karen):
    write_private_draft(reza)
    base = f"/staff/citizens/{public_id_of(app, people['reza'])}/form"
    code = show_code(reza)
    wrong = "000000" if code != "000000" else "111111"
    refused = join(karen, base, wrong)
    assert refused.status_code == 400
    html = page(refused)
    assert html.select_one("#code-error") is not None
    assert html.select_one("input#code")["value"] == wrong  # what was typed is kept
    assert join(karen, base, code).status_code == 302
    assert DRAFT in karen.get(base + "/check").get_data(as_text=True)
    # The citizen stops sharing: the caseworker's next page asks for a new code, and the old one is spent.
    reza.post("/me/form/together", data={"csrf_token": csrf_token(reza, "/me/form/together"), "action": "stop"})
    assert karen.get(base + "/check").headers["Location"].endswith("/form/?closed=1")
    assert join(karen, base, code).status_code == 400


def test_the_citizen_sees_for_how_long_their_form_is_open_and_what_happens_next(app, people, reza, karen):
    intro = page(reza.get("/me/form/together?lang=en")).get_text()
    assert "Show a code for my caseworker" in intro
    code = show_code(reza)
    base = f"/staff/citizens/{public_id_of(app, people['reza'])}/form"
    join(karen, base, code)
    state = page(reza.get("/me/form/together?lang=en")).get_text()
    assert "Your caseworker can see and change your answers until" in state
    assert "Stop sharing now" in state


def test_an_empty_form_can_be_started_together_without_a_code_but_a_written_one_cannot(app, people, reza, karen):
    base = f"/staff/citizens/{public_id_of(app, people['reza'])}/form"
    write_private_draft(reza)
    token = csrf_token(karen, base + "/")
    assert karen.post(base + "/join", data={"csrf_token": token, "action": "new"}).status_code == 400
    assert DRAFT not in karen.get(base + "/check", follow_redirects=True).get_data(as_text=True)


def test_another_team_cannot_use_a_code(app, people, reza):
    peter = app.test_client()
    sign_in_as(peter, app, staff(people, "peter"))
    base = f"/staff/citizens/{public_id_of(app, people['reza'])}/form"
    assert peter.get(base + "/").status_code == 404
    code = show_code(reza)
    token = csrf_token(peter, "/staff/")
    assert peter.post(base + "/join", data={"csrf_token": token, "action": "code", "code": code}).status_code == 404


def test_parallel_wrong_codes_cannot_outrun_the_limit(app, people, reza, live_server):
    """Wrong guesses are counted in one UPDATE each: a burst of them still kills the code after the limit."""
    code = show_code(reza)
    wrong = "000000" if code != "000000" else "111111"
    base = f"{live_server}/staff/citizens/{public_id_of(app, people['reza'])}/form"
    guessers = []
    for _ in range(12):
        session = requests.Session()
        sign_in_cookie = sign_in_as(app.test_client(), app, staff(people, "karen"))
        session.cookies.set(app.config["SESSION_COOKIE_NAME"], sign_in_cookie)
        html = BeautifulSoup(session.get(base + "/").text, "html.parser")
        guessers.append((session, html.find("input", attrs={"name": "csrf_token"})["value"]))
    barrier = threading.Barrier(len(guessers))
    statuses = []

    def guess(session, token):
        barrier.wait()
        statuses.append(
            session.post(base + "/join", data={"csrf_token": token, "action": "code", "code": wrong}).status_code
        )

    threads = [threading.Thread(target=guess, args=guesser) for guesser in guessers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [400] * len(guessers)
    with app.app_context():
        form = db.session.scalar(select(PreparationForm).where(PreparationForm.citizen_id == people["reza"]))
        assert form.together_code_attempts == MAX_CODE_ATTEMPTS
    session, token = guessers[0]
    right = session.post(base + "/join", data={"csrf_token": token, "action": "code", "code": code})
    assert right.status_code == 400  # the code is spent: the citizen shows a new one
