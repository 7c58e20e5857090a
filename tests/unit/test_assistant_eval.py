"""The assistant on its two evaluation sets. The tuning set (tests/eval) is where the thresholds were set; the
held-out set (tests/eval/heldout) was written independently of the training data and is never tuned on, so the
floors on it are the ones that say how the assistant does on messages it has not seen.

The floors sit a little under the figures measured when this was written (README, "The assistant"), so a change
that makes the assistant worse fails here."""

from collections import Counter

import pytest

from selfservice.assistant.evaluation import HELDOUT_DIR, evaluate, format_scores, load_cases, share, totals
from selfservice.i18n import LANGUAGES

TUNING = load_cases()
HELDOUT = load_cases(HELDOUT_DIR)


def test_both_sets_cover_every_language_and_every_kind_of_message():
    for cases, least in ((TUNING, 25), (HELDOUT, 40)):
        per_language = Counter(case.lang for case in cases)
        assert set(per_language) == set(LANGUAGES) and min(per_language.values()) >= least
    kinds = Counter((case.lang, case.kind) for case in HELDOUT if case.kind)
    for lang in LANGUAGES:
        for kind in ("crisis", "action", "own_case", "out_of_scope"):
            assert kinds[(lang, kind)] >= 3, (lang, kind)


def test_no_held_out_message_is_also_a_training_or_tuning_message():
    """Short greetings ("hej", "tak") are the same everywhere; anything longer must not be seen in training."""
    from selfservice.assistant.classifier import corpus_examples

    seen = {example.text.casefold() for example in corpus_examples()} | {c.question.casefold() for c in TUNING}
    longer = [case.question for case in HELDOUT if len(case.question.split()) > 3]
    assert [question for question in longer if question.casefold() in seen] == []


@pytest.fixture(scope="module")
def heldout(app):
    with app.test_request_context():
        return evaluate(app.extensions["assistant"], HELDOUT)


def test_on_the_held_out_set_the_right_guide_comes_first_and_wrong_answers_are_rare(heldout):
    total = totals(heldout)
    report = format_scores(heldout)
    assert share(total.direct, total.with_article) >= 0.85, report
    assert share(total.wrong, total.with_article) <= 0.05, report
    for lang, score in heldout.items():
        assert share(score.direct, score.with_article) >= 0.75, (lang, report)


def test_on_the_held_out_set_crises_are_found_and_ordinary_messages_rarely_get_the_crisis_box(heldout):
    total = totals(heldout)
    report = format_scores(heldout)
    assert share(total.crisis_found, total.crises) >= 0.9, report
    assert share(total.false_crisis, total.ordinary) <= 0.02, report
    assert share(total.routed_right, total.routed) >= 0.85, report


def test_on_the_tuning_set_the_figures_hold(app):
    with app.test_request_context():
        scores = evaluate(app.extensions["assistant"], TUNING)
    total = totals(scores)
    assert share(total.direct, total.with_article) >= 0.82, format_scores(scores, verbose=True)
    assert total.crisis_found == total.crises, format_scores(scores, verbose=True)
