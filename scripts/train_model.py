"""`make model`: train the assistant's classifier from the repository's data and cache it (.cache/assistant/).

Start-up and every test worker then load it instead of training. Reproducible: the same data and settings give the
same file name (a fingerprint of both) and the same model (seeded)."""

import time
import warnings

from selfservice.assistant.classifier import CACHE_DIR, all_examples, fingerprint, load_or_train
from selfservice.guides.content import load_library


def main() -> None:
    warnings.filterwarnings("ignore", category=UserWarning)
    library = load_library()
    examples = all_examples(library)
    started = time.perf_counter()
    classifier = load_or_train(library)
    by_source = {source: sum(e.source == source for e in examples) for source in ("corpus", "guide", "phrases")}
    print(
        f"assistant model {fingerprint(examples)}: {len(examples)} examples {by_source}, "
        f"{len(classifier.labels)} labels, ready in {time.perf_counter() - started:.1f} s ({CACHE_DIR})"
    )


if __name__ == "__main__":
    main()
