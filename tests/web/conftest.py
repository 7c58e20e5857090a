"""Fixtures shared by the web tests: the demo people, and Jens (citizen) and Karen (caseworker) signed in."""

import pytest

from tests.helpers import citizen, seed_people, sign_in_as, staff


@pytest.fixture
def people(app):
    return seed_people(app)


@pytest.fixture
def jens(app, client, people):
    sign_in_as(client, app, citizen(people, "jens"))
    return client


@pytest.fixture
def karen(app, people):
    client = app.test_client()
    sign_in_as(client, app, staff(people, "karen"))
    return client
