"""Consent rules without Flask: the current state is the latest decision; nothing is shared without a grant."""

from typing import Any

KINDS = ["doctor", "departments", "region"]


def current(events: list[tuple[str, bool, Any]]) -> dict[str, bool]:
    """events: (kind, granted, at) in any order; returns kind -> granted now (False when never asked)."""
    state = dict.fromkeys(KINDS, False)
    for kind, granted, _at in sorted(events, key=lambda event: event[2]):
        if kind in state:
            state[kind] = granted
    return state


def may_share(events: list[tuple[str, bool, Any]], kind: str) -> bool:
    return current(events).get(kind, False)
