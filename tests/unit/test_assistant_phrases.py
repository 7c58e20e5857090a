"""The assistant's data per language: every language has rule phrases for crisis, action and own case that content
editors can review, and training messages for every guide and every routing kind."""

from collections import Counter

import pytest

from selfservice.assistant import routing
from selfservice.assistant.classifier import corpus_examples, kind_of
from selfservice.guides.content import load_library
from selfservice.i18n import LANGUAGES

FILES = routing.phrase_files()
CORPUS = corpus_examples()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_language_has_crisis_action_and_own_case_phrases(lang):
    data = FILES[lang]
    assert len(data["crisis"]) >= 10
    assert data["action_verbs"] or (data["cannot_come"] and data["meeting_words"])
    assert sum(len(items) for items in data["own_case"].values()) >= 3


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_language_has_training_messages_for_every_guide_and_kind(lang):
    labels = Counter(example.label for example in CORPUS if example.lang == lang)
    for slug in load_library().articles:
        assert labels[slug] >= 8, (lang, slug)
    kinds = Counter(kind_of(label) for label in labels.elements())
    for kind in routing.KINDS:
        assert kinds[kind] >= 10, (lang, kind)


def test_every_training_label_is_a_guide_or_a_routing_kind():
    slugs = set(load_library().articles)
    assert {example.label for example in CORPUS if example.label not in slugs and not kind_of(example.label)} == set()


def test_violence_at_home_is_a_crisis_by_rule_in_every_language():
    for message in ["my husband hits me", "min mand slår mig", "mąż mnie bije", "kocam beni dövüyor", "زوجي يضربني"]:
        assert routing.is_crisis(message), message
