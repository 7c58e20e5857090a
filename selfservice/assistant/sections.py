"""The part of a guide that answers the question: its heading, the first sentences, and a link to that heading.

Why: the "in brief" of a guide answers "what is dagpenge", but not "how long can I get it"; the section under
"How long?" does. Sections are compared with the question in the classifier's own feature space (the same
character and word n-grams), so a typo or a missing accent counts the same here as there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..guides.render import sections

EXCERPT_CHARACTERS = 320
# Below this similarity no section is named: the summary and "read the whole guide" say more than a weak guess.
MINIMUM_SIMILARITY = 0.08


@dataclass(frozen=True)
class FoundSection:
    anchor: str
    heading: str
    excerpt: str


def excerpt(text: str, limit: int = EXCERPT_CHARACTERS) -> str:
    """The first sentences up to about `limit` characters, ending at a sentence or, failing that, a word."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if end > limit // 3:
        return cut[: end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + " …"


class SectionFinder:
    def __init__(self, guides, classifier) -> None:
        self.features = classifier.pipeline.named_steps["features"]
        self.found: dict[tuple[str, str], tuple[tuple, object]] = {}
        for slug, article in guides.articles.items():
            for lang, text in article.texts.items():
                parts = sections(text.body)
                if parts:
                    matrix = self.features.transform([f"{part.heading} {part.text}" for part in parts])
                    self.found[(slug, lang)] = (parts, matrix)

    def best(self, slug: str, lang: str, question: str) -> FoundSection | None:
        entry = self.found.get((slug, lang))
        if entry is None or not question.strip():
            return None
        parts, matrix = entry
        similarity = (matrix @ self.features.transform([question]).T).toarray().ravel()
        index = int(np.argmax(similarity))
        if similarity[index] < MINIMUM_SIMILARITY:
            return None
        part = parts[index]
        return FoundSection(part.anchor, part.heading, excerpt(part.text))
