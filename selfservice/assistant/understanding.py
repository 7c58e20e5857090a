"""From the model's probabilities to a decision: answer with a guide, ask back between two or three, route to a
kind (action, own case, out of scope, greeting), or say "I don't know" — and, apart from that, whether the crisis
help must lead.

Why crisis is decided apart: it errs on the side of help. A message is a crisis when a rule phrase says so or when
the model gives the crisis label even a modest probability; the crisis help is then shown first and the answer to
the rest of the message may follow. Everything else errs on the side of not answering wrongly: an answer needs a
clear winner; two close guides get a question back.

The thresholds below were set on the tuning set (tests/eval/*.tsv) and by cross-validation on the training data,
never on the held-out set (tests/eval/heldout/), which `make eval` reports apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import routing
from .classifier import Classifier, kind_of, topic_of
from .text import words

ANSWER = "answer"
CLARIFY = "clarify"
DONT_KNOW = "dont_know"
ACTION = routing.ACTION
OWN_CASE = routing.OWN_CASE
OUT_OF_SCOPE = routing.OUT_OF_SCOPE
GREETING = routing.GREETING

CRISIS_PROBABILITY = 0.18  # recall before precision: a false crisis box costs a moment, a missed one may cost a life
KIND_PROBABILITY = 0.35  # a routing kind must be the clear favourite
ANSWER_PROBABILITY = 0.3  # the leading guide …
ANSWER_RATIO = 2.0  # … and at least this many times as likely as the next one
CLARIFY_FLOOR = 0.15  # below this even the best guide is a guess: say "I don't know"
ONE_WORD_ANSWER = 0.75  # a single word ("uddannelse") is answered only when it names one guide almost surely
CLARIFY_SHARE = 0.35  # a guide joins the question back when it has this share of the leader's probability
RULE_OVERRIDE = 0.6  # a rule (own case, out of scope) gives way only to a guide this sure
FOLLOW_UP_WORDS = 8  # a short message may lean on the previous question ("and if I am ill?") …
FOLLOW_UP_OWN_TOPIC = 0.35  # … unless it already points to a guide of its own this clearly


@dataclass
class Meaning:
    decision: str
    crisis: bool = False
    guides: list[str] = field(default_factory=list)
    topic: str | None = None
    text: str = ""  # what the decision was made on: the message, or the previous question with it
    ranked: list[tuple[str, float]] = field(default_factory=list)


class Understanding:
    def __init__(self, classifier: Classifier) -> None:
        self.classifier = classifier

    def read(self, message: str, previous: str | None = None) -> Meaning:
        if not words(message):
            return Meaning(GREETING, text=message)
        ranked = self.classifier.ranked(message)
        likely = self.classifier.probability_of_kind(ranked, "crisis") >= CRISIS_PROBABILITY
        crisis = routing.is_crisis(message) or (likely and self.classifier.knows_words_of(message))
        meaning = self.decide(message, ranked)
        if previous and meaning.decision in (DONT_KNOW, CLARIFY) and self._leans_on_context(message, ranked):
            combined = f"{previous} {message}"
            follow_up = self.decide(combined, self.classifier.ranked(combined))
            if follow_up.decision == ANSWER:
                meaning = follow_up
        meaning.crisis = crisis
        return meaning

    @staticmethod
    def _leans_on_context(message: str, ranked: list[tuple[str, float]]) -> bool:
        """Short, and saying too little on its own to point anywhere ("and for how long?"); a short message that
        names a topic of its own ("uddannelse") is a new question, not a follow-up."""
        best_guide = next((p for label, p in ranked if kind_of(label) is None), 0.0)
        return len(words(message)) <= FOLLOW_UP_WORDS and best_guide < FOLLOW_UP_OWN_TOPIC

    def decide(self, text: str, ranked: list[tuple[str, float]]) -> Meaning:
        if routing.is_action(text):
            return Meaning(ACTION, text=text, ranked=ranked)
        others = [(label, p) for label, p in ranked if kind_of(label) != "crisis"]
        guides = [(label, p) for label, p in others if kind_of(label) is None]
        best_guide = guides[0][1] if guides else 0.0
        label, probability = others[0]
        kind = kind_of(label)
        if kind is not None and probability >= KIND_PROBABILITY:
            if kind == OWN_CASE:
                return Meaning(
                    OWN_CASE, topic=routing.own_case_topic(text) or topic_of(label), text=text, ranked=ranked
                )
            if kind == OUT_OF_SCOPE:
                topic = routing.out_of_scope_topic(text) or topic_of(label)
                return Meaning(OUT_OF_SCOPE, topic=topic, text=text, ranked=ranked)
            return Meaning(kind, text=text, ranked=ranked)
        topic = routing.own_case_topic(text)
        if topic and best_guide < RULE_OVERRIDE:
            return Meaning(OWN_CASE, topic=topic, text=text, ranked=ranked)
        topic = routing.out_of_scope_topic(text)
        if topic and best_guide < RULE_OVERRIDE:
            return Meaning(OUT_OF_SCOPE, topic=topic, text=text, ranked=ranked)
        if not guides or best_guide < CLARIFY_FLOOR:
            if routing.is_greeting(text):
                return Meaning(GREETING, text=text, ranked=ranked)
            return Meaning(DONT_KNOW, text=text, ranked=ranked)
        second = guides[1][1] if len(guides) > 1 else 0.0
        needed = ONE_WORD_ANSWER if len(words(text)) == 1 else ANSWER_PROBABILITY
        if best_guide >= needed and best_guide >= ANSWER_RATIO * second:
            return Meaning(ANSWER, guides=[guides[0][0]], text=text, ranked=ranked)
        close = [slug for slug, p in guides[:3] if p >= CLARIFY_SHARE * best_guide]
        if len(close) == 1:
            close.append(guides[1][0])
        return Meaning(CLARIFY, guides=close, text=text, ranked=ranked)
