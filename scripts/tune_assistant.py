"""Cross-validation on the training data only: how the thresholds in understanding.py behave on messages the model
did not learn from. Prints crisis recall and false-crisis rate per threshold, and how often each kind is routed
right. Never reads the held-out set. A tuning tool, not a test: its figures are tuning figures.

    .venv/bin/python scripts/tune_assistant.py [folds]
"""

import sys
import time
from collections import Counter

import numpy as np
from sklearn.model_selection import StratifiedKFold

from selfservice.assistant.classifier import Classifier, corpus_examples, guide_examples, kind_of, phrase_examples
from selfservice.guides.content import load_library


def main() -> None:
    folds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    corpus = corpus_examples()
    always = guide_examples(load_library()) + phrase_examples()
    labels = [f"{e.label}|{e.lang}" if Counter(x.label for x in corpus)[e.label] >= folds else e.label for e in corpus]
    counts = Counter(labels)
    labels = [label if counts[label] >= folds else label.split("|")[0] for label in labels]
    crisis_p, is_crisis, top_right, kinds = [], [], 0, Counter()
    started = time.perf_counter()
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=7)
    for train, test in splitter.split(corpus, labels):
        model = Classifier.train([corpus[i] for i in train] + always)
        for i in test:
            example = corpus[i]
            ranked = model.ranked(example.text)
            crisis_p.append(model.probability_of_kind(ranked, "crisis"))
            is_crisis.append(example.label == "crisis")
            best = next(label for label, _p in ranked if kind_of(label) != "crisis")
            right = best == example.label or (kind_of(best) and kind_of(best) == kind_of(example.label))
            top_right += bool(right) if example.label != "crisis" else 0
            kinds[(kind_of(example.label) or "guide", bool(right))] += example.label != "crisis"
    crisis_p, is_crisis = np.array(crisis_p), np.array(is_crisis)
    print(f"{folds}-fold cross-validation on {len(corpus)} corpus messages ({time.perf_counter() - started:.0f} s)")
    for threshold in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5):
        found = (crisis_p >= threshold) & is_crisis
        false = (crisis_p >= threshold) & ~is_crisis
        print(
            f"  crisis threshold {threshold:.2f}: recall {found.sum() / is_crisis.sum():.1%}, "
            f"false crisis {false.sum() / (~is_crisis).sum():.2%}"
        )
    for kind in ("guide", "action", "own_case", "out_of_scope", "greeting"):
        right, wrong = kinds[(kind, True)], kinds[(kind, False)]
        print(f"  top label right for {kind}: {right / max(right + wrong, 1):.1%} of {right + wrong}")


if __name__ == "__main__":
    main()
