"""Which detector tells our eight languages apart better on citizens' messages: the trigram profiles learnt from the
guides (text.LanguageGuesser, in use) or lingua-language-detector? Run with lingua installed
(`pip install lingua-language-detector==2.1.1`); prints accuracy per language when the page is in Danish (so every
non-Danish message must be recognised), the time per message and the memory lingua adds. A measuring tool only.
"""

import resource
import time
from collections import Counter

from selfservice.assistant.evaluation import HELDOUT_DIR, load_cases
from selfservice.assistant.text import LanguageGuesser
from selfservice.guides.content import load_library


def main() -> None:
    from lingua import Language, LanguageDetectorBuilder

    cases = load_cases() + load_cases(HELDOUT_DIR)
    samples: dict[str, list[str]] = {}
    for article in load_library().articles.values():
        for lang, text in article.texts.items():
            samples.setdefault(lang, []).append(" ".join([text.title, text.summary, *text.questions]))
    ours = LanguageGuesser({lang: " ".join(parts) for lang, parts in samples.items()})
    codes = {
        Language.DANISH: "da", Language.ENGLISH: "en", Language.UKRAINIAN: "uk", Language.POLISH: "pl",
        Language.ARABIC: "ar", Language.TURKISH: "tr", Language.SOMALI: "so", Language.PERSIAN: "fa",
    }  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    detector = LanguageDetectorBuilder.from_languages(*codes).with_preloaded_language_models().build()
    lingua_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024

    def lingua_guess(text: str, default: str) -> str:
        found = detector.detect_language_of(text)
        return codes.get(found, default) if found else default

    for name, guess in (("trigram profiles (in use)", ours.guess), ("lingua 2.1.1", lingua_guess)):
        right, total = Counter(), Counter()
        started = time.perf_counter()
        for case in cases:
            total[case.lang] += 1
            right[case.lang] += guess(case.question, "da") == case.lang
        ms = (time.perf_counter() - started) / len(cases) * 1000
        per_lang = " ".join(f"{lang} {right[lang] / total[lang]:.0%}" for lang in sorted(total))
        print(f"{name:<26} all {sum(right.values()) / len(cases):.1%}  {per_lang}  ({ms:.2f} ms a message)")
    print(f"lingua's models for the eight languages: about {lingua_mb:.0f} MB")


if __name__ == "__main__":
    main()
