"""The one rule of who sees which part of a preparation form, as a table: every viewer × form state × consent ×
joint session. A row here is a promise the form's pages make to the citizen."""

import itertools

import pytest

from selfservice.rules.form_access import Viewer, Visible, visible_parts
from selfservice.rules.preparation import DISCUSSED, DRAFT, REVIEWED, SEEN, SUBMITTED

STATES = [DRAFT, SUBMITTED, SEEN, REVIEWED, DISCUSSED]
READERS = [Viewer.CASEWORKER, Viewer.PRINT, Viewer.API]


def expected(viewer, status, consent, has_resources, joint):
    sent = status != DRAFT
    if viewer == Viewer.CITIZEN:
        return Visible(True, sent, True, True)
    if viewer in READERS:
        return Visible(False, sent, sent and consent, False)
    if not joint:
        return Visible(False, False, False, False)
    return Visible(True, sent, consent, consent or not has_resources)


@pytest.mark.parametrize(
    ("viewer", "status", "consent", "has_resources", "joint"),
    list(itertools.product(list(Viewer), STATES, [True, False], [True, False], [True, False])),
)
def test_every_viewer_state_and_consent(viewer, status, consent, has_resources, joint):
    got = visible_parts(
        viewer, status=status, share_resources=consent, has_resources=has_resources, joint_session=joint
    )
    assert got == expected(viewer, status, consent, has_resources, joint)


@pytest.mark.parametrize("viewer", [Viewer.CASEWORKER, Viewer.PRINT, Viewer.API, Viewer.TOGETHER])
@pytest.mark.parametrize("status", STATES)
def test_no_one_but_the_citizen_sees_resources_without_consent(viewer, status):
    for joint in (True, False):
        parts = visible_parts(viewer, status=status, share_resources=False, has_resources=True, joint_session=joint)
        assert not parts.resources and not parts.resources_editable


@pytest.mark.parametrize("viewer", READERS)
def test_readers_of_what_was_sent_never_see_the_working_copy(viewer):
    for status, joint in itertools.product(STATES, (True, False)):
        assert not visible_parts(viewer, status=status, share_resources=True, joint_session=joint).working_copy


def test_a_caseworker_together_sees_the_draft_only_in_a_joint_session():
    assert not visible_parts(Viewer.TOGETHER, status=DRAFT, share_resources=True).working_copy
    assert visible_parts(Viewer.TOGETHER, status=DRAFT, share_resources=True, joint_session=True).working_copy
