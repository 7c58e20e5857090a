"""Retrieval over the guides: which article answers this question, and how sure are we?

Why TF-IDF over question phrasings, built in memory at start-up: the knowledge base is a few hundred short texts,
the machine has no GPU and no network, and an answer must come back in milliseconds. Every article contributes
several documents per language (each question phrasing, and its title with its summary); an article's score is its
best document's cosine similarity to the message. An inverted index keeps the work proportional to the words in
the message, not to the size of the knowledge base.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from ..guides.content import Library
from ..guides.render import plain_text
from .text import features, trigrams

# Tuned on tests/eval (see `make eval`): above ANSWER with a clear lead, answer; above CHOICES, offer choices.
ANSWER_THRESHOLD = 0.3
LEAD = 1.12  # the best article must beat the runner-up by this factor to be answered outright
CHOICES_THRESHOLD = 0.12
MAX_CHOICES = 3
# An article's score blends its best single phrasing with the whole article (title, summary, questions, body):
# the phrasing catches the question as people ask it, the whole text the words only the body uses.
WHOLE = "whole:"
ASKED = "asked:"  # all of an article's phrasings in one language, as one document
PHRASING_WEIGHT, WHOLE_WEIGHT, ASKED_WEIGHT = 0.3, 0.3, 0.4
SEARCH_OWN_LANGUAGE_AND_DANISH = False
# A feature shared by thousands of documents is read only for the documents where it weighs most: this bounds the
# work per message as the knowledge base grows, at a cost only to documents where the feature barely matters.
MAX_POSTINGS = 600
# How alike (trigram Jaccard) an unknown word must be to a known one to count as a typo of it.
TYPO_SIMILARITY = 0.45
# Features that occur in more than this share of documents say nothing about which article is meant.
MAX_DOCUMENT_SHARE = 0.5


@dataclass(frozen=True)
class Hit:
    slug: str
    score: float


@dataclass(frozen=True)
class Result:
    kind: str  # answer | choices | dont_know
    hits: tuple[Hit, ...]


class Index:
    def __init__(self) -> None:
        self.documents: list[str] = []  # the article slug of each document
        self.languages: list[str] = []  # and its language
        self.postings: dict[str, list[tuple[int, float]]] = {}
        self.idf: dict[str, float] = {}
        self.stems_by_gram: dict[str, set[str]] = defaultdict(set)

    @classmethod
    def build(cls, library: Library) -> Index:
        texts: list[tuple[str, str, str]] = []
        for article in library.articles.values():
            for lang, text in article.texts.items():
                if not article.is_current(lang):
                    continue
                for question in text.questions:
                    texts.append((article.slug, lang, question))
                texts.append((article.slug, lang, f"{text.title}. {text.title}. {text.summary}"))
                whole = " ".join([text.title, text.title, text.summary, *text.questions, plain_text(text.body)])
                texts.append((WHOLE + article.slug, lang, whole))
                texts.append((ASKED + article.slug, lang, " ".join([text.title, *text.questions])))
        return cls.from_texts(texts)

    @classmethod
    def from_texts(cls, texts: list[tuple[str, str, str]]) -> Index:
        index = cls()
        vectors = []
        document_frequency: dict[str, int] = defaultdict(int)
        for slug, lang, text in texts:
            vector = features(text, lang)
            vectors.append(vector)
            index.documents.append(slug)
            index.languages.append(lang)
            for feature in vector:
                document_frequency[feature] += 1
        count = len(vectors)
        limit = max(3, int(count * MAX_DOCUMENT_SHARE))
        index.idf = {f: math.log((1 + count) / (1 + df)) + 1.0 for f, df in document_frequency.items() if df <= limit}
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for number, vector in enumerate(vectors):
            weighted = {f: v * index.idf[f] for f, v in vector.items() if f in index.idf}
            norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
            for feature, weight in weighted.items():
                postings[feature].append((number, weight / norm))
        # Best-weighted documents first: a query reads only the head of a long list (see MAX_POSTINGS).
        index.postings = {f: sorted(p, key=lambda item: -item[1]) for f, p in postings.items()}
        for feature in index.idf:
            if feature.startswith("w:") and len(feature) >= 6:
                for gram in set(trigrams(feature[2:])):
                    index.stems_by_gram[gram].add(feature)
        return index

    def correct(self, stem_feature: str) -> tuple[str, float] | None:
        """The known stem closest to an unknown one (a typo), by shared trigrams, if it is close enough."""
        grams = set(trigrams(stem_feature[2:]))
        candidates: dict[str, int] = defaultdict(int)
        for gram in grams:
            for known in self.stems_by_gram.get(gram, ()):
                candidates[known] += 1
        best, similarity = None, 0.0
        for known, shared in candidates.items():
            jaccard = shared / (len(grams) + len(set(trigrams(known[2:]))) - shared)
            if jaccard > similarity or (jaccard == similarity and best is not None and known < best):
                best, similarity = known, jaccard
        return (best, similarity) if best is not None and similarity >= TYPO_SIMILARITY else None

    def query(self, message: str, lang: str) -> dict[str, float]:
        """The message's weighted features; a word we have never seen counts as the known word it is closest to."""
        found = features(message, lang)
        for feature, value in list(found.items()):
            if feature.startswith("w:") and feature not in self.idf and len(feature) >= 6:
                corrected = self.correct(feature)
                if corrected is not None:
                    found[corrected[0]] += value * corrected[1]
        return {f: v * self.idf[f] for f, v in found.items() if f in self.idf}

    def scores(self, message: str, lang: str) -> list[Hit]:
        """Every article with any overlap, best first; the score is the best cosine among its documents."""
        query = self.query(message, lang)
        norm = math.sqrt(sum(w * w for w in query.values())) or 1.0
        totals: dict[int, float] = defaultdict(float)
        for feature, weight in query.items():
            scaled = weight / norm
            for number, document_weight in self.postings.get(feature, ())[:MAX_POSTINGS]:
                totals[number] += scaled * document_weight
        best: dict[str, float] = {}
        whole: dict[str, float] = {}
        asked: dict[str, float] = {}
        searched = {lang, "da"} if SEARCH_OWN_LANGUAGE_AND_DANISH else None
        for number, score in totals.items():
            if searched is not None and self.languages[number] not in searched:
                continue
            slug = self.documents[number]
            if slug.startswith(WHOLE):
                slug = slug.removeprefix(WHOLE)
                whole[slug] = max(whole.get(slug, 0.0), score)
            elif slug.startswith(ASKED):
                slug = slug.removeprefix(ASKED)
                asked[slug] = max(asked.get(slug, 0.0), score)
            elif score > best.get(slug, 0.0):
                best[slug] = score
        combined = {
            slug: PHRASING_WEIGHT * best.get(slug, 0.0)
            + WHOLE_WEIGHT * whole.get(slug, 0.0)
            + ASKED_WEIGHT * asked.get(slug, 0.0)
            for slug in best.keys() | whole.keys() | asked.keys()
        }
        return [Hit(slug, score) for slug, score in sorted(combined.items(), key=lambda item: (-item[1], item[0]))]

    def search(self, message: str, lang: str) -> Result:
        hits = self.scores(message, lang)
        if not hits or hits[0].score < CHOICES_THRESHOLD:
            return Result("dont_know", tuple(hits[:MAX_CHOICES]))
        top = hits[0]
        runner_up = hits[1].score if len(hits) > 1 else 0.0
        if top.score >= ANSWER_THRESHOLD and top.score >= runner_up * LEAD:
            return Result("answer", tuple(hits[:MAX_CHOICES]))
        close = [hit for hit in hits[:MAX_CHOICES] if hit.score >= CHOICES_THRESHOLD and hit.score >= top.score * 0.75]
        if len(close) == 1:
            return Result("answer" if top.score >= ANSWER_THRESHOLD else "choices", tuple(hits[:MAX_CHOICES]))
        return Result("choices", tuple(close))
