"""Plan rules without Flask: what changed between versions, and how activities are grouped."""

from selfservice.rules import plan as rules


def activity(title, **values):
    base = {field: None for field in rules.TRACKED}
    return base | {"title": title, "status": "planned", "area": "employment"} | values


def snap(goal, **activities):
    return {"goal_kind": "job", "goal": goal, "activities": activities}


def test_the_first_version_lists_every_activity_as_new_and_the_goal():
    found = rules.changes(None, snap("Lager", a=activity("Praktik")))
    assert found == [{"kind": "goal", "title": "Lager"}, {"kind": "added", "title": "Praktik"}]


def test_changed_fields_ended_and_removed_activities_are_named():
    before = snap("Lager", a=activity("Praktik"), b=activity("Kursus"), c=activity("Mentor"))
    after = snap("Lager", a=activity("Praktik", hours_per_week=30), b=activity("Kursus", status="finished"))
    assert rules.changes(before, after) == [
        {"kind": "changed", "title": "Praktik", "fields": ["hours_per_week"]},
        {"kind": "ended", "title": "Kursus", "status": "finished"},
        {"kind": "removed", "title": "Mentor"},
    ]


def test_nothing_changed_gives_no_changes():
    same = snap("Lager", a=activity("Praktik"))
    assert rules.changes(same, same) == []


def test_activities_are_grouped_by_status_with_ongoing_first_then_by_area():
    items = [
        activity("Kursus", status="planned", area="education"),
        activity("Praktik", status="ongoing"),
        activity("Mentor", status="planned", area="social"),
    ]
    groups = rules.grouped(items)
    assert [status for status, _ in groups] == ["ongoing", "planned"]
    assert [area for area, _ in groups[1][1]] == ["social", "education"]
