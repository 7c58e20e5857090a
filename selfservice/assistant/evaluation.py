"""Measuring the assistant on tests/eval: per language, top-1 accuracy, recall@3, and wrong articles given to
messages that should get none. Used by `make eval` (which prints it) and by the test suite (which sets a floor)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import ROOT
from .engine import Assistant

EVAL_DIR = ROOT / "tests" / "eval"


@dataclass
class Case:
    lang: str
    expected: tuple[str, ...]  # article slugs, or ("!kind",)
    question: str

    @property
    def wants_article(self) -> bool:
        return not self.expected[0].startswith("!")


@dataclass
class Score:
    with_article: int = 0
    top1: int = 0
    recall3: int = 0
    without_article: int = 0
    wrong_article: int = 0
    right_route: int = 0
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
        ranked = [reply.article] if reply.kind == "answer" else list(reply.choices)
        if case.wants_article:
            score.with_article += 1
            if ranked[:1] and ranked[0] in case.expected:
                score.top1 += 1
            else:
                score.misses.append(
                    f"{case.question!r}: {reply.kind} {ranked[:3]} (expected {'|'.join(case.expected)})"
                )
            lang = assistant.language_of(case.question, case.lang)
            top3 = [hit.slug for hit in assistant.index.scores(case.question, lang)[:3]]
            if set(top3) & set(case.expected):
                score.recall3 += 1
        else:
            score.without_article += 1
            if reply.kind in ("answer", "choices"):
                score.wrong_article += 1
                score.misses.append(f"{case.question!r}: got {reply.kind} {ranked[:3]} (expected {case.expected[0]})")
            elif reply.kind == case.expected[0][1:]:
                score.right_route += 1
            else:
                score.misses.append(f"{case.question!r}: routed {reply.kind} (expected {case.expected[0]})")
    return scores


def overall_top1(scores: dict[str, Score]) -> float:
    total = sum(s.with_article for s in scores.values())
    return sum(s.top1 for s in scores.values()) / total if total else 0.0


def format_scores(scores: dict[str, Score], verbose: bool = False) -> str:
    lines = [f"{'lang':<5}{'questions':>10}{'top-1':>8}{'recall@3':>10}{'no-article':>12}{'got one':>9}{'routed':>8}"]
    for lang, s in scores.items():
        n = max(s.with_article, 1)
        lines.append(
            f"{lang:<5}{s.with_article + s.without_article:>10}{s.top1 / n:>8.0%}{s.recall3 / n:>10.0%}"
            f"{s.without_article:>12}{s.wrong_article:>9}{s.right_route:>8}"
        )
    total_with = sum(s.with_article for s in scores.values())
    total_without = sum(s.without_article for s in scores.values())
    wrong = sum(s.wrong_article for s in scores.values())
    recall = sum(s.recall3 for s in scores.values()) / max(total_with, 1)
    lines.append(
        f"all: {total_with + total_without} questions, top-1 {overall_top1(scores):.1%}, recall@3 {recall:.1%}, "
        f"{wrong} of {total_without} no-article messages got an article"
    )
    if verbose:
        for lang, s in scores.items():
            lines += [f"  [{lang}] {miss}" for miss in s.misses]
    return "\n".join(lines)
