"""Who may see what: a citizen sees only their own data; a caseworker only their own team's citizens."""

import pytest

from tests.factories import public_id_of
from tests.helpers import citizen, csrf_token, sign_in_as, staff

pytestmark = pytest.mark.db


def test_anonymous_visitors_are_sent_to_sign_in(client, people):
    assert client.get("/me/").headers["Location"].startswith("/login")
    assert client.get("/staff/").headers["Location"].startswith("/staff/login")


def test_a_citizen_sees_only_their_own_page(app, client, people):
    sign_in_as(client, app, citizen(people, "amira"))
    page = client.get("/me/?lang=en").get_data(as_text=True)
    assert "Amira Hassan" in page
    assert "Jens Nielsen" not in page and "Olena" not in page


def test_a_citizen_cannot_reach_staff_pages_or_another_citizens_record(app, client, people):
    sign_in_as(client, app, citizen(people, "amira"))
    assert client.get("/staff/").status_code == 403
    jens = public_id_of(app, people["jens"])
    assert client.get(f"/staff/citizens/{jens}").status_code == 403


def test_a_caseworker_sees_only_citizens_of_their_own_team(app, client, people):
    sign_in_as(client, app, staff(people, "karen"))  # Team Nord: Amira, Jens, Reza
    listing = client.get("/staff/citizens?lang=en").get_data(as_text=True)  # the team list (Today is /staff/)
    assert "Amira Hassan" in listing and "Jens Nielsen" in listing
    assert "Olena Kovalenko" not in listing  # Team Syd
    assert client.get(f"/staff/citizens/{public_id_of(app, people['jens'])}").status_code == 200
    assert client.get(f"/staff/citizens/{public_id_of(app, people['olena'])}").status_code == 404


@pytest.mark.parametrize(
    ("viewer", "owner", "status"),
    [
        ("karen", "amira", 200),
        ("karen", "jens", 200),
        ("karen", "olena", 404),
        ("peter", "olena", 200),
        ("peter", "amira", 404),
        ("peter", "jens", 404),
        ("anne", "amira", 404),  # an administrator without a team sees no citizens
    ],
)
def test_cross_team_matrix(app, client, people, viewer, owner, status):
    sign_in_as(client, app, staff(people, viewer))
    assert client.get(f"/staff/citizens/{public_id_of(app, people[owner])}").status_code == status
    token = csrf_token(client, "/staff/")
    invitation = client.post(
        f"/staff/citizens/{public_id_of(app, people[owner])}/invitation", data={"csrf_token": token}
    )
    assert invitation.status_code == status


def test_staff_cannot_use_citizen_pages(app, client, people):
    sign_in_as(client, app, staff(people, "karen"))
    assert client.get("/me/").status_code == 403
    assert client.get("/me/access-log").status_code == 403


def test_an_invitation_session_reaches_only_the_preparation_pages(app, client, people):
    sign_in_as(client, app, citizen(people, "reza"), method="invitation")
    assert client.get("/me/").status_code == 200
    assert client.get("/me/access-log").status_code == 403
    assert client.get("/staff/").status_code == 403
