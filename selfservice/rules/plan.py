"""Plan rules without Flask: the snapshot a version keeps, and a readable "what changed" between two versions."""

from collections.abc import Iterable
from enum import StrEnum


class ActivityStatus(StrEnum):
    """Stored as its value; the members' order is the order the citizen sees them in."""

    ONGOING = "ongoing"
    PLANNED = "planned"
    FINISHED = "finished"
    CANCELLED = "cancelled"


class Area(StrEnum):
    EMPLOYMENT = "employment"
    SOCIAL = "social"
    HEALTH = "health"
    EDUCATION = "education"


STATUSES = list(ActivityStatus)
AREAS = list(Area)
ENDED = (ActivityStatus.FINISHED, ActivityStatus.CANCELLED)
# Fields whose change the citizen is told about, in the order they are listed.
TRACKED = [
    "title",
    "description",
    "sub_goal",
    "area",
    "status",
    "start_date",
    "end_date",
    "hours_per_week",
    "department",
    "caseworker",
    "legal_basis",
    "legal_url",
    "agreed",
]
# The fields set as they are sent (dates are parsed first); one list for the API and the working copy.
EDITABLE = [field for field in TRACKED if field not in ("start_date", "end_date")]


def snapshot(goal_kind: str | None, goal: str | None, activities: Iterable[dict]) -> dict:
    return {
        "goal_kind": goal_kind,
        "goal": goal,
        "activities": {a["public_id"]: {k: a.get(k) for k in TRACKED} for a in activities},
    }


def changes(before: dict | None, after: dict) -> list[dict]:
    """Added, changed (with the fields) and ended activities, and a changed goal."""
    before = before or {"goal_kind": None, "goal": None, "activities": {}}
    found: list[dict] = []
    if (before.get("goal_kind"), before.get("goal")) != (after.get("goal_kind"), after.get("goal")):
        found.append({"kind": "goal", "title": after.get("goal") or ""})
    old, new = before["activities"], after["activities"]
    for key, activity in new.items():
        if key not in old:
            found.append({"kind": "added", "title": activity["title"]})
            continue
        fields = [f for f in TRACKED if old[key].get(f) != activity.get(f)]
        ended = "status" in fields and activity.get("status") in ENDED
        if ended:
            found.append({"kind": "ended", "title": activity["title"], "status": activity["status"]})
        elif fields:
            found.append({"kind": "changed", "title": activity["title"], "fields": fields})
    for key, activity in old.items():
        if key not in new:
            found.append({"kind": "removed", "title": activity["title"]})
    return found


def grouped(activities: list[dict]) -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    """Activities by status (ongoing first), and within a status by area; empty groups left out."""
    result: list[tuple[str, list[tuple[str, list[dict]]]]] = []
    for status in STATUSES:
        in_status = [a for a in activities if a.get("status") == status]
        if not in_status:
            continue
        areas = [(area, [a for a in in_status if a.get("area") == area]) for area in AREAS]
        result.append((status, [(area, items) for area, items in areas if items]))
    return result
