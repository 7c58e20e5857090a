"""The assistant on the evaluation set in tests/eval: the floor the issue sets, and a set large enough to mean it."""

from collections import Counter

from selfservice.assistant.evaluation import evaluate, format_scores, load_cases, overall_top1
from selfservice.i18n import LANGUAGES

CASES = load_cases()


def test_the_evaluation_set_covers_every_language_with_messages_that_need_no_article():
    per_language = Counter(case.lang for case in CASES)
    assert set(per_language) == set(LANGUAGES)
    assert min(per_language.values()) >= 25 and len(CASES) >= 200
    assert sum(not case.wants_article for case in CASES) >= 0.2 * len(CASES)


def test_the_assistant_picks_the_right_article_first_for_at_least_85_percent(app):
    with app.test_request_context():
        scores = evaluate(app.extensions["assistant"], CASES)
    assert overall_top1(scores) >= 0.85, format_scores(scores, verbose=True)
    assert sum(score.wrong_article for score in scores.values()) <= 0.05 * sum(
        score.without_article for score in scores.values()
    ), format_scores(scores, verbose=True)
