"""schemathesis generates requests from the published OpenAPI document and checks every answer against it:
never a server error, always a documented status code, content type and response shape.

Driven through hypothesis directly (schemathesis' own pytest plugin does not load under this pytest version).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from selfservice.api.auth import create_token

pytestmark = pytest.mark.db
ALL = ["citizens:write", "plans:write", "meetings:write", "forms:read", "forms:write"]


def operations(app):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    # The document states in words that no text may contain NUL (the 422 for it is tested in test_bad_input); a
    # pattern cannot say it beside the fields' own patterns, so the generated texts leave NUL out.
    schema.config.generation.update(allow_x00=False)
    return [result.ok() for result in schema.get_all_operations()]


def test_the_api_keeps_its_published_promises(app):
    with app.app_context():
        token = create_token("schemathesis", ALL)[1]
    # Schemathesis asks for gzip but its WSGI transport does not unpack it; compression is tested in test_static_files.
    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
    found = operations(app)
    assert len(found) == 7
    for operation in found:

        @settings(
            max_examples=60,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        @given(case=operation.as_strategy())
        def check(case):
            case.call_and_validate(headers=headers)

        check()


def test_the_assistant_api_keeps_its_published_promises(app, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_ASSISTANT", "100000 per minute")
    schema = schemathesis.openapi.from_wsgi("/api/assistant/openapi.json", app)
    (operation,) = [result.ok() for result in schema.get_all_operations()]

    @settings(
        max_examples=300,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=operation.as_strategy())
    def check(case):
        case.call_and_validate(headers={"Accept-Encoding": "identity"})

    check()
