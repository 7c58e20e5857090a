"""Publishing a plan: the working copy becomes a numbered version with a list of what changed."""

from sqlalchemy import select

from ..extensions import db
from ..models import Citizen, Plan, PlanActivity, PlanVersion, StaffUser, utcnow
from ..notifications import notify_citizen
from ..rules import plan as rules


def activity_dict(activity: PlanActivity) -> dict:
    values = {field: getattr(activity, field) for field in rules.TRACKED}
    for field in ("start_date", "end_date"):
        values[field] = values[field].isoformat() if values[field] else None
    values["public_id"] = activity.public_id
    return values


def plan_for(citizen: Citizen, create: bool = True) -> Plan | None:
    plan = db.session.scalar(select(Plan).where(Plan.citizen_id == citizen.id))
    if plan is None and create:
        plan = Plan(citizen_id=citizen.id)
        db.session.add(plan)
        db.session.flush()
    return plan


def latest_version(plan: Plan | None) -> PlanVersion | None:
    if plan is None:
        return None
    return db.session.scalar(
        select(PlanVersion).where(PlanVersion.plan_id == plan.id).order_by(PlanVersion.number.desc()).limit(1)
    )


def published_version_of(citizen: Citizen) -> PlanVersion | None:
    """The citizen's latest published version in one query (the plan page is the most visited page)."""
    return db.session.scalar(
        select(PlanVersion)
        .join(Plan, Plan.id == PlanVersion.plan_id)
        .where(Plan.citizen_id == citizen.id)
        .order_by(PlanVersion.number.desc())
        .limit(1)
    )


def publish(plan: Plan, staff: StaffUser | None) -> PlanVersion | None:
    """Returns the new version, or None when nothing changed since the last one (publishing twice is harmless)."""
    previous = latest_version(plan)
    current = rules.snapshot(plan.goal_kind, plan.goal, [activity_dict(a) for a in plan.activities])
    found = rules.changes(previous.snapshot if previous else None, current)
    if previous is not None and not found:
        return None
    version = PlanVersion(
        plan_id=plan.id,
        number=(previous.number + 1) if previous else 1,
        snapshot=current,
        changes=found,
        published_at=utcnow(),
        published_by_id=staff.id if staff else None,
    )
    db.session.add(version)
    notify_citizen(plan.citizen, "mail/plan_changed", version=version)
    return version


def activities_of(version: PlanVersion | None) -> list[dict]:
    if version is None:
        return []
    return [dict(values, public_id=key) for key, values in version.snapshot["activities"].items()]
