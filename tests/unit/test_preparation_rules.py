"""Rules of the preparation form, without Flask."""

from selfservice.rules import preparation as rules

SLUGS = ["education", "work", "competences", "successes", "goals", "resources"]


def test_the_first_unfinished_step_is_where_a_returning_citizen_continues():
    assert rules.first_unfinished(SLUGS, []) == "education"
    assert rules.first_unfinished(SLUGS, ["education", "work"]) == "competences"
    assert rules.first_unfinished(SLUGS, ["work", "education", "goals"]) == "competences"
    assert rules.first_unfinished(SLUGS, SLUGS) is None


def test_next_and_previous_steps_follow_the_registry():
    assert rules.next_step(SLUGS, "education") == "work"
    assert rules.next_step(SLUGS, "resources") is None
    assert rules.previous_step(SLUGS, "work") == "education"
    assert rules.previous_step(SLUGS, "education") is None


def test_the_citizen_may_change_their_words_until_a_caseworker_has_opened_them():
    assert rules.citizen_may_change("draft")
    assert rules.citizen_may_change("submitted")
    for status in ("seen", "reviewed", "discussed"):
        assert not rules.citizen_may_change(status)


def test_unsent_changes_are_noticed_only_after_a_submission():
    assert rules.has_unsent_changes("submitted", {"a": 1}, {"a": 2})
    assert not rules.has_unsent_changes("submitted", {"a": 1}, {"a": 1})
    assert not rules.has_unsent_changes("draft", {"a": 1}, None)


def test_resources_count_only_when_something_was_said():
    assert not rules.has_resources(None)
    assert not rules.has_resources({"economy": {"answer": "skip", "text": "  "}, "consent": True})
    assert rules.has_resources({"economy": {"answer": "hard", "text": ""}})
    assert rules.has_resources({"housing": {"answer": None, "text": "Jeg bor hos min søster"}})


def test_empty_repeated_entries_are_dropped_and_others_kept_in_order():
    entries = [{"what": "", "finished": None}, {"what": "Kok"}, {"what": " ", "abroad": False}, {"what": "Frisør"}]
    assert rules.clean_entries(entries) == [{"what": "Kok"}, {"what": "Frisør"}]


def test_references_are_short_and_readable():
    reference = rules.new_reference()
    assert reference.startswith("PF-") and len(reference) == 9
    assert not set(reference[3:]) & set("01OIL")
