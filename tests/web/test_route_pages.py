"""Every GET route of the app has an address in the page walks (tests/browser/routes.py) or a reason not to."""

from tests.browser.routes import ADMIN, CITIZEN, EXCLUDED, STAFF, pages, unplaced
from tests.helpers import seed_people


def test_every_get_route_is_walked_or_excluded_with_a_reason(app):
    people = seed_people(app)
    with app.app_context():
        assert unplaced(app, people) == set()
        walked = pages(app, people)
    routes = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert set(EXCLUDED) <= routes, "an exclusion names a route that no longer exists"
    assert {page.audience for page in walked} >= {CITIZEN, STAFF}


def test_the_walked_pages_answer(app, client):
    """A page the walks visit must exist: an address that 404s would make the walks prove nothing."""
    from tests.helpers import citizen, sign_in_as, staff

    people = seed_people(app)
    with app.app_context():
        walked = pages(app, people)
    for who, key in (
        (CITIZEN, citizen(people, "jens")),
        (STAFF, staff(people, "karen")),
        (ADMIN, staff(people, "anne")),
    ):
        sign_in_as(client, app, key)
        for page in (p for p in walked if p.audience == who):
            assert client.get(page.path).status_code in (200, 302), page.path
