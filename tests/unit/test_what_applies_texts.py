"""The words of What applies to me: every language has every sentence the rules can ask for, and every statement
points at a guide section that exists in every language and carries a source marker in the Danish text."""

from itertools import product

import pytest

from selfservice.guides.content import MARKER, load_library
from selfservice.guides.render import sections
from selfservice.i18n import LANGUAGES
from selfservice.rules.what_applies import (
    AGE_BANDS,
    OPTION_KEYS,
    Benefit,
    Education,
    Situation,
    duties,
    options,
    reason_keys,
    rights,
)
from selfservice.what_applies import texts

TODAY = __import__("datetime").date(2026, 12, 6)


def used_statements() -> set[tuple[str, str, int, str]]:
    found = set()
    for benefit, age, education in product(Benefit, AGE_BANDS, Education):
        situation = Situation(benefit, age, education)
        found |= {("duties", d.key, d.section, d.guide) for d in duties(situation)}
        found |= {("rights", r.key, r.section, r.guide) for r in rights(situation)}
        found |= {("options", o.key, o.section, o.guide) for o in options(situation, TODAY)}
    return found


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_language_has_every_sentence_and_nothing_else(lang):
    assert texts.keys(lang) == texts.keys("da")
    for group, key, _section, _guide in used_statements():
        if group == "options":
            assert texts.option(lang, key)["title"].strip() and texts.option(lang, key)["next"].strip()
        else:
            assert texts.statement(lang, group, key).strip(), (lang, group, key)
    for reason in reason_keys():
        assert texts.reason(lang, reason).strip(), (lang, reason)


def test_every_option_has_words():
    assert set(texts.load("da")["options"]) == set(OPTION_KEYS)


def test_every_statement_points_at_a_section_that_exists_and_has_a_source():
    library = load_library()
    for _group, key, number, slug in used_statements():
        article = library.get(slug, TODAY)
        assert article is not None, slug
        for lang, text in article.texts.items():
            assert number <= len(sections(text.body)), (slug, lang, number)
        danish = sections(article.danish.body)
        assert MARKER.search(danish[number - 1].markdown), f"{key}: section {number} of {slug} cites no source"
