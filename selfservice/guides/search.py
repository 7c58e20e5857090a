"""The search box on /guides: simple, forgiving word matching that needs no JavaScript and no index server.

Why this simple: there are a few dozen articles. A query is matched in the reader's language and in Danish (many
citizens search with the Danish word they saw in a letter), without accents, and word beginnings count, so
"sygedagp" and "sygedagpenge" both find the sickness-benefit guide.
"""

import re
import unicodedata

from .content import Article, Library
from .render import plain_text

WORD = re.compile(r"\w+", re.UNICODE)
WEIGHTS = {"title": 4.0, "summary": 2.0, "questions": 2.0, "body": 1.0}


def normalise(text: str) -> str:
    """Case-folded, without accents or Arabic short vowels; æ, ø and å spelled as Danes type them without them."""
    text = text.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return WORD.findall(normalise(text))


def _fields(article: Article, lang: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {name: [] for name in WEIGHTS}
    for text in {article.text_for(lang), article.danish}:
        fields["title"] += words(text.title + " " + article.slug.replace("-", " "))
        fields["summary"] += words(text.summary)
        fields["questions"] += words(" ".join(text.questions))
        fields["body"] += words(plain_text(text.body))
    return fields


def score(article: Article, lang: str, query_words: list[str]) -> float:
    fields = _fields(article, lang)
    total = 0.0
    for query_word in query_words:
        best = 0.0
        for name, field_words in fields.items():
            if any(w == query_word or (len(query_word) >= 4 and w.startswith(query_word)) for w in field_words):
                best = max(best, WEIGHTS[name])
        if best == 0.0:
            return 0.0  # every word must be found somewhere, as in any search box
        total += best
    return total


def search(library: Library, query: str, lang: str) -> list[Article]:
    query_words = [w for w in words(query) if len(w) > 1]
    if not query_words:
        return []
    scored = [(score(article, lang, query_words), article) for article in library.in_order()]
    return [article for points, article in sorted(scored, key=lambda pair: -pair[0]) if points > 0]
