"""`make eval`: the assistant's accuracy on tests/eval, per language. `--verbose` lists every miss."""

import sys

from selfservice import create_app
from selfservice.assistant import assistant
from selfservice.assistant.evaluation import evaluate, format_scores, load_cases
from selfservice.config import TestConfig


def main() -> None:
    app = create_app(TestConfig())
    with app.test_request_context():
        scores = evaluate(assistant(), load_cases())
    print(format_scores(scores, verbose="--verbose" in sys.argv))


if __name__ == "__main__":
    main()
