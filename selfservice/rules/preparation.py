"""Rules of the preparation form, without Flask: which step comes next, who may still change it, the reference.

Why here: the same rules decide what a citizen sees, what a caseworker sees and what the API will say, and they are
worth testing on their own.
"""

import secrets
from collections.abc import Sequence
from enum import StrEnum

from .invitations import ALPHABET

TEXT_LIMIT = 2000
SHORT_LIMIT = 200
MAX_ENTRIES = 10


class FormStatus(StrEnum):
    """Stored as its value: a draft only the citizen sees, then sent, seen, reviewed and discussed at the meeting."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    SEEN = "seen"
    REVIEWED = "reviewed"
    DISCUSSED = "discussed"


DRAFT, SUBMITTED, SEEN, REVIEWED, DISCUSSED = list(FormStatus)


def new_reference() -> str:
    """Short enough to read over the phone, with no look-alike characters."""
    return "PF-" + "".join(secrets.choice(ALPHABET) for _ in range(6))


def first_unfinished(step_slugs: Sequence[str], completed: Sequence[str]) -> str | None:
    for slug in step_slugs:
        if slug not in completed:
            return slug
    return None


def next_step(step_slugs: Sequence[str], current: str) -> str | None:
    index = list(step_slugs).index(current)
    return step_slugs[index + 1] if index + 1 < len(step_slugs) else None


def previous_step(step_slugs: Sequence[str], current: str) -> str | None:
    index = list(step_slugs).index(current)
    return step_slugs[index - 1] if index > 0 else None


def citizen_may_change(status: str) -> bool:
    """The citizen's words are theirs to change until a caseworker has opened the form; then notes are added."""
    return status in (DRAFT, SUBMITTED)


def has_unsent_changes(status: str, answers: dict, last_submitted: dict | None) -> bool:
    return status == SUBMITTED and last_submitted is not None and answers != last_submitted


def has_resources(resources: dict | None) -> bool:
    """True when the citizen said something about resources or barriers (anything but 'skip' and blanks)."""
    if not resources:
        return False
    for key, area in resources.items():
        if key == "consent" or not isinstance(area, dict):
            continue
        if area.get("answer") in ("helps", "hard") or (area.get("text") or "").strip():
            return True
    return False


def clean_entries(entries: list[dict]) -> list[dict]:
    """Drop repeated-group entries the citizen left completely empty."""
    return [entry for entry in entries if any(str(v).strip() for v in entry.values() if v not in (None, False))]
