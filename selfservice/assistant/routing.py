"""The rules that run before the model, where a rule is safer than a guess: crisis first, and the chat being asked
to act on a meeting.

Why rules at all, when a model understands better: a missed crisis or a "cancel my meeting" answered with a guide
does harm that no accuracy figure makes up for. These phrases only ever *add* such a route; the model
(classifier.py) catches what they miss. The phrases live in `data/phrases/<lang>.toml`, one file per language, for
content editors to review; every file is applied to every message, since people mix languages ("sygedagpenge" in
a Polish sentence).

Phrases are matched on folded text (lower case, no accents), word by word, each word as a word beginning, so
"aflyse" also catches "aflyser" and "aflysning". Out-of-scope words must match whole words unless marked with "*":
"læge" must not catch "lægeerklæring", which belongs to sickness benefit.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .text import words

CRISIS = "crisis"
ACTION = "action"
OWN_CASE = "own_case"
OUT_OF_SCOPE = "out_of_scope"
GREETING = "greeting"
KINDS = (CRISIS, ACTION, OWN_CASE, OUT_OF_SCOPE, GREETING)

PHRASES_DIR = Path(__file__).parent / "data" / "phrases"


@dataclass(frozen=True)
class Route:
    kind: str
    topic: str | None = None


@dataclass(frozen=True)
class Phrases:
    crisis: list[list[str]]
    action_verbs: list[list[str]]
    cannot_come: list[list[str]]
    meeting_words: list[list[str]]
    how_words: list[list[str]]
    greeting: set[str]
    own_case: dict[str, list[list[str]]]
    out_of_scope: dict[str, list[tuple[list[str], bool]]]
    what_applies: dict[str, list[list[str]]]


def phrase_files() -> dict[str, dict]:
    """Every language's phrase file, as written (for tests and for the training data)."""
    return {path.stem: tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(PHRASES_DIR.glob("*.toml"))}


def _folded(phrases: list[str]) -> list[list[str]]:
    return [words(phrase) for phrase in phrases if words(phrase)]


@cache
def phrases() -> Phrases:
    merged: dict = {}
    for data in phrase_files().values():
        for key, value in data.items():
            if isinstance(value, dict):
                for topic, items in value.items():
                    merged.setdefault(key, {}).setdefault(topic, []).extend(items)
            else:
                merged.setdefault(key, []).extend(value)
    return Phrases(
        crisis=_folded(merged.get("crisis", [])),
        action_verbs=_folded(merged.get("action_verbs", [])),
        cannot_come=_folded(merged.get("cannot_come", [])),
        meeting_words=_folded(merged.get("meeting_words", [])),
        how_words=_folded(merged.get("how_words", [])),
        greeting={w for phrase in merged.get("greeting", []) for w in words(phrase)},
        own_case={topic: _folded(items) for topic, items in merged.get("own_case", {}).items()},
        what_applies={topic: _folded(items) for topic, items in merged.get("what_applies", {}).items()},
        out_of_scope={
            topic: [(words(p.rstrip("*")), p.endswith("*")) for p in items]
            for topic, items in merged.get("out_of_scope", {}).items()
        },
    )


def _contains(message: list[str], phrase: list[str], whole_words: bool = False) -> bool:
    """The phrase's words appear in a row in the message, each as the beginning of a word (or the whole word)."""
    size = len(phrase)
    for start in range(len(message) - size + 1):
        window = message[start : start + size]
        if all(
            (word == part) if whole_words or len(part) < 4 else word.startswith(part)
            for word, part in zip(window, phrase, strict=True)
        ):
            return True
    return False


def _any(folded: list[str], phrase_list: list[list[str]]) -> bool:
    return any(_contains(folded, phrase) for phrase in phrase_list)


def is_crisis(message: str) -> bool:
    return _any(words(message), phrases().crisis)


def is_action(message: str) -> bool:
    """A request to the chat to act on a meeting, not a question about how to."""
    folded, known = words(message), phrases()
    if _any(folded, known.how_words):
        return False
    if _any(folded, known.action_verbs):
        return True
    return _any(folded, known.cannot_come) and _any(folded, known.meeting_words)


def own_case_topic(message: str) -> str | None:
    folded = words(message)
    for topic, phrase_list in phrases().own_case.items():
        if _any(folded, phrase_list):
            return topic
    return None


def what_applies_topic(message: str) -> str | None:
    """ "What are my duties", "can I get an education": for a signed-in citizen, answered from What applies to me."""
    folded = words(message)
    for topic, phrase_list in phrases().what_applies.items():
        if _any(folded, phrase_list):
            return topic
    return None


def out_of_scope_topic(message: str) -> str | None:
    folded = words(message)
    for topic, items in phrases().out_of_scope.items():
        if any(_contains(folded, phrase, whole_words=not prefix) for phrase, prefix in items):
            return topic
    return None


def is_greeting(message: str) -> bool:
    folded = words(message)
    return not folded or all(word in phrases().greeting for word in folded)


def route(message: str) -> Route | None:
    """What the rules alone say (the evaluation's baseline, and the safety net under the model)."""
    if not words(message):
        return Route(GREETING)
    if is_crisis(message):
        return Route(CRISIS)
    if is_action(message):
        return Route(ACTION)
    topic = own_case_topic(message)
    if topic:
        return Route(OWN_CASE, topic)
    topic = out_of_scope_topic(message)
    if topic:
        return Route(OUT_OF_SCOPE, topic)
    if is_greeting(message):
        return Route(GREETING)
    return None
