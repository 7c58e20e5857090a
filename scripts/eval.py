"""`make eval`: the assistant on the tuning set and, apart, on the held-out set, per language.

`--verbose` lists every miss of the tuning set only: the held-out set is for measuring, not for reading misses
and tuning on them.
"""

import sys

from selfservice import create_app
from selfservice.assistant import assistant
from selfservice.assistant.evaluation import HELDOUT_DIR, evaluate, format_scores, load_cases
from selfservice.config import TestConfig


def main() -> None:
    app = create_app(TestConfig())
    with app.test_request_context():
        tuning = evaluate(assistant(), load_cases())
        heldout = evaluate(assistant(), load_cases(HELDOUT_DIR))
    print(format_scores(tuning, verbose="--verbose" in sys.argv, title="Tuning set (tests/eval): thresholds set here"))
    print()
    print(format_scores(heldout, title="Held-out set (tests/eval/heldout): never used for training or tuning"))


if __name__ == "__main__":
    main()
