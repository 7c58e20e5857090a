"""Folding what a citizen typed so that spellings compare (case, accents, æ/ø/å typed as ae/oe/aa, Arabic and
Persian letter variants), and telling which of our languages a message is written in.

Why folding first: citizens type on phones, without æ, ø, å or diacritics; the model (classifier.py) and the rule
phrases (routing.py) both see the folded text, so "kan jeg faa" and "kan jeg få" are the same message.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

WORD = re.compile(r"[^\W_]+", re.UNICODE)
LATIN_WORD = re.compile(r"^[a-z]+$")
# Letters that tell Persian from Arabic, and Ukrainian from Russian-like text, at a glance.
PERSIAN_LETTERS = set("پچژگکی")
ARABIC_ONLY_LETTERS = set("ةيكىإأ")
# Letters only one of our Latin-script languages uses: a message with them is clearly in that language.
LETTERS_OF = {"pl": set("ąćęłńśźż"), "tr": set("ğış")}
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def fold(text: str) -> str:
    """Lower case, compatibility forms unified, accents and Arabic short vowels removed; æ/ø/å as Danes type them
    without those keys. Dotless ı and ğ/ş fold to i/g/s, so Turkish typed on a foreign keyboard still matches."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("ı", "i")
    text = text.replace("\u0640", "")  # Arabic tatweel (elongation), pure decoration
    text = text.replace("ي", "ی").replace("ك", "ک").replace("ى", "ی")  # one spelling for Arabic and Persian
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def trigrams(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


# --- Which language is a message written in? ---------------------------------------------------------------------


# Gibberish scores badly in every language; only text whose trigrams the language mostly knows can be "clearly" it.
KNOWN_SHARE = 0.7


class LanguageGuesser:
    """A character n-gram profile per language, learned from the guides themselves (all eight languages)."""

    def __init__(self, samples: dict[str, str]):
        self.profiles: dict[str, dict[str, float]] = {}
        for lang, text in samples.items():
            counts = Counter(g for w in WORD.findall(text.casefold()) for g in trigrams(w))
            total = sum(counts.values()) or 1
            self.profiles[lang] = {g: math.log(c / total) for g, c in counts.items()}
            self.profiles[lang][""] = math.log(0.5 / total)  # the floor for an unseen trigram

    def scores(self, text: str) -> dict[str, float]:
        grams = [g for w in WORD.findall(text.casefold()) for g in trigrams(w)]
        return {
            lang: sum(profile.get(g, profile[""]) for g in grams) / max(len(grams), 1)
            for lang, profile in self.profiles.items()
        }

    def guess(self, text: str, default: str) -> str:
        """The message's language when it is clearly one of ours, else `default` (the page's language)."""
        letters = [ch for ch in text if ch.isalpha()]
        if not letters:
            return default
        if ARABIC_SCRIPT.search(text):
            if default in ("ar", "fa"):
                persian = any(ch in PERSIAN_LETTERS for ch in text)
                arabic = any(ch in ARABIC_ONLY_LETTERS for ch in text)
                if persian == arabic:
                    return default
            return "fa" if any(ch in PERSIAN_LETTERS for ch in text) else "ar"
        if CYRILLIC.search(text):
            return "uk"
        for lang, marks in LETTERS_OF.items():
            if any(ch in marks for ch in text.casefold()) and len(WORD.findall(text)) >= 2:
                return lang
        latin = {lang: s for lang, s in self.scores(text).items() if lang not in ("ar", "fa", "uk")}
        if len(WORD.findall(text)) < 3 or not latin:
            return default
        ranked = sorted(latin.items(), key=lambda item: -item[1])
        best, runner_up = ranked[0], ranked[1]
        if best[0] == default:
            return default
        # "Clearly": the best language must beat the page's language by a margin, not by a whisker.
        margin = best[1] - latin.get(default, runner_up[1])
        grams = [g for w in WORD.findall(text.casefold()) for g in trigrams(w)]
        known = sum(g in self.profiles[best[0]] for g in grams) / max(len(grams), 1)
        return best[0] if margin > 0.6 and known >= KNOWN_SHARE else default
