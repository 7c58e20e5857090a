"""Publishing a plan: the working copy becomes a numbered version with a list of what changed."""

from sqlalchemy import select

from .. import audit
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


def get_plan(citizen: Citizen) -> Plan | None:
    """The citizen's plan (the working copy), or None if no one has started one (reading never creates it)."""
    return db.session.scalar(select(Plan).where(Plan.citizen_id == citizen.id))


def plan_for(citizen: Citizen) -> Plan:
    """The citizen's plan, created empty (flushed, not committed) the first time."""
    plan = get_plan(citizen)
    if plan is None:
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


def apply_from_case_system(citizen: Citizen, goal_kind: str | None, goal: str | None, items: list[dict]):
    """The case system sends the whole plan: update the working copy to match it and publish what changed.

    Activities are matched on the case system's id; one it no longer sends is removed. Returns the new version,
    or None when nothing changed.
    """
    plan = plan_for(citizen)
    plan.goal_kind, plan.goal, plan.updated_at = goal_kind, goal, utcnow()
    existing = {a.external_id: a for a in plan.activities}
    for item in items:
        activity = existing.pop(item["external_id"], None)
        if activity is None:
            activity = PlanActivity(plan_id=plan.id, external_id=item["external_id"])
            db.session.add(activity)
        for field in rules.EDITABLE:
            if field in item:
                setattr(activity, field, item[field])
        activity.area = activity.area or rules.Area.EMPLOYMENT
        activity.status = activity.status or rules.ActivityStatus.PLANNED
        activity.agreed = bool(activity.agreed)
        activity.start_date, activity.end_date = item.get("start_date"), item.get("end_date")
    for leftover in existing.values():
        db.session.delete(leftover)
    db.session.flush()
    db.session.refresh(plan)
    version = publish(plan, None)
    audit.record(citizen, audit.WRITE, "plan", "case_system", api=True)
    db.session.commit()
    return version


def activity_by_public_id(public_id: str) -> PlanActivity | None:
    return db.session.scalar(select(PlanActivity).where(PlanActivity.public_id == public_id))
