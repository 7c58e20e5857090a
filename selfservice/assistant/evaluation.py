"""Measuring the assistant: per language, how often it answers directly with the right guide, offers it among
its choices, answers wrongly, finds crises, routes the other kinds right, and shows the crisis box to ordinary
messages.

Two sets, never mixed: the tuning set (tests/eval/*.tsv), on which the thresholds were set, and the held-out set
(tests/eval/heldout/*.tsv), written independently of the training data and never used for training or tuning.
`make eval` prints both; the test suite sets floors on both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import ROOT
from .classifier import kind_of
from .engine import Assistant

EVAL_DIR = ROOT / "tests" / "eval"
HELDOUT_DIR = EVAL_DIR / "heldout"


@dataclass
class Case:
    lang: str
    expected: tuple[str, ...]  # article slugs, or ("!kind",)
    question: str

    @property
    def wants_article(self) -> bool:
        return not self.expected[0].startswith("!")

    @property
    def kind(self) -> str | None:
        return None if self.wants_article else self.expected[0][1:]


@dataclass
class Score:
    with_article: int = 0
    direct: int = 0  # answered at once with the right guide
    among_choices: int = 0  # the right guide offered in a question back
    wrong: int = 0  # answered at once with another guide
    top3: int = 0  # the right guide among the model's three most likely guides
    crises: int = 0
    crisis_found: int = 0
    routed: int = 0  # own case, action, out of scope, greeting
    routed_right: int = 0
    ordinary: int = 0  # every message that is not a crisis
    false_crisis: int = 0
    misses: list[str] = field(default_factory=list)


def load_cases(directory: Path = EVAL_DIR) -> list[Case]:
    cases = []
    for path in sorted(directory.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            expected, question = line.split("\t", 1)
            cases.append(Case(path.stem, tuple(expected.split("|")), question.strip()))
    return cases


def evaluate(assistant: Assistant, cases: list[Case]) -> dict[str, Score]:
    """Runs inside an app and request context (replies are written with gettext and url_for)."""
    scores: dict[str, Score] = {}
    for case in cases:
        score = scores.setdefault(case.lang, Score())
        reply = assistant.reply(case.question, case.lang)
        crisis = reply.kind == "crisis"
        main = reply.follows if crisis and reply.follows is not None else reply
        if case.kind != "crisis":
            score.ordinary += 1
            if crisis:
                score.false_crisis += 1
                score.misses.append(f"{case.question!r}: crisis box (expected {'|'.join(case.expected)})")
        if case.wants_article:
            _score_article(assistant, case, main, score)
        elif case.kind == "crisis":
            score.crises += 1
            score.crisis_found += crisis
            if not crisis:
                score.misses.append(f"{case.question!r}: MISSED CRISIS, got {reply.kind} {reply.article or ''}")
        else:
            score.routed += 1
            if main.kind == case.kind:
                score.routed_right += 1
            else:
                score.misses.append(f"{case.question!r}: {main.kind} {main.article or ''} (expected !{case.kind})")
    return scores


def _score_article(assistant: Assistant, case: Case, reply, score: Score) -> None:
    score.with_article += 1
    if reply.kind == "answer" and reply.article in case.expected:
        score.direct += 1
    else:
        if reply.kind == "choices" and set(reply.choices) & set(case.expected):
            score.among_choices += 1
        elif reply.kind == "answer":
            score.wrong += 1
        shown = reply.article if reply.kind == "answer" else reply.choices
        score.misses.append(f"{case.question!r}: {reply.kind} {shown} (expected {'|'.join(case.expected)})")
    ranked = [label for label, _p in assistant.classifier.ranked(case.question) if kind_of(label) is None]
    score.top3 += bool(set(ranked[:3]) & set(case.expected))


def totals(scores: dict[str, Score]) -> Score:
    total = Score()
    for score in scores.values():
        for name in Score.__dataclass_fields__:
            if name != "misses":
                setattr(total, name, getattr(total, name) + getattr(score, name))
    return total


def share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def format_scores(scores: dict[str, Score], verbose: bool = False, title: str = "") -> str:
    header = (
        f"{'lang':<6}{'n':>4}{'direct':>8}{'choices':>9}{'wrong':>7}{'top-3':>7}"
        f"{'crisis':>9}{'routing':>9}{'false crisis':>14}"
    )
    lines = [title, header] if title else [header]
    for lang, s in [*scores.items(), ("all", totals(scores))]:
        n = s.with_article + s.crises + s.routed
        lines.append(
            f"{lang:<6}{n:>4}{share(s.direct, s.with_article):>8.0%}{share(s.among_choices, s.with_article):>9.0%}"
            f"{share(s.wrong, s.with_article):>7.0%}{share(s.top3, s.with_article):>7.0%}"
            f"{s.crisis_found:>5}/{s.crises:<3}{share(s.routed_right, s.routed):>9.0%}"
            f"{share(s.false_crisis, s.ordinary):>14.1%}"
        )
    if verbose:
        for lang, s in scores.items():
            lines += [f"  [{lang}] {miss}" for miss in s.misses]
    return "\n".join(lines)
