"""Consent rules without Flask."""

from selfservice.rules import consents as rules


def test_nothing_is_shared_without_a_consent():
    assert rules.current([]) == {"doctor": False, "departments": False, "region": False}
    assert not rules.may_share([], "doctor")


def test_the_latest_decision_counts_whatever_the_order_given():
    events = [("doctor", False, 3), ("doctor", True, 1), ("region", True, 2)]
    assert rules.current(events) == {"doctor": False, "departments": False, "region": True}
    assert rules.may_share(events, "region") and not rules.may_share(events, "doctor")
