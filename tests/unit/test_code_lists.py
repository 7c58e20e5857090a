"""One definition per code list (issue 17): the enums in rules/ are what models store, labels name, the API accepts
and the self-check forms offer."""

import re

import pytest

from selfservice import labels
from selfservice.api import schema
from selfservice.config import PACKAGE
from selfservice.rules.meetings import MeetingStatus, RequestStatus
from selfservice.rules.plan import ActivityStatus, Area
from selfservice.rules.preparation import FormStatus
from selfservice.selfchecks.forms import QUESTIONS


@pytest.mark.parametrize(
    "codes, named",
    [
        (MeetingStatus, labels.MEETING_STATUSES),
        (RequestStatus, labels.REQUEST_STATUSES),
        (ActivityStatus, labels.ACTIVITY_STATUSES),
        (Area, labels.AREAS),
        (FormStatus, labels.FORM_STATUSES),
    ],
)
def test_every_code_has_a_label_and_every_label_a_code(codes, named):
    assert set(named) == set(codes)


def test_the_api_accepts_exactly_the_codes_of_the_rules():
    activity = schema.PLAN["properties"]["activities"]["items"]["properties"]
    assert activity["area"]["enum"] == list(Area)
    assert set(activity["status"]["enum"]) == set(ActivityStatus)


def offered(name: str) -> set[str]:
    codes = set()
    for form in QUESTIONS[name].values():
        field = getattr(form, "answer", None)
        if field is not None:
            codes |= {choice.value for choice in field.kwargs["choices"]}  # WTForms SelectChoice options
    return codes


def test_every_answer_the_self_check_rules_look_for_is_offered_by_a_question():
    """A rule comparing with a code no form offers is a rule that can never apply."""
    source = (PACKAGE / "rules" / "selfchecks.py").read_text()
    compared = set(re.findall(r'(?:==|!=) "([a-z0-9_]+)"', source))
    everything_offered = set().union(*(offered(name) for name in QUESTIONS))
    assert compared, "the rules compare with no answer codes (the pattern needs updating)"
    assert compared - everything_offered == set()


def test_one_list_of_activity_fields():
    """What the citizen is told changed, what the API sets and what the pages name are the same fields."""
    from selfservice.rules.plan import EDITABLE, TRACKED

    assert set(labels.PLAN_FIELDS) == set(TRACKED)
    assert set(EDITABLE) | {"start_date", "end_date"} == set(TRACKED)
    activity = schema.PLAN["properties"]["activities"]["items"]["properties"]
    assert set(activity) - {"external_id"} == set(TRACKED)
