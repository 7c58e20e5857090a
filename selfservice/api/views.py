"""The API endpoints. Every request body is checked against the published schema; errors are JSON."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import g, jsonify, request

from .. import audit
from ..access import public
from ..citizen import store as citizens
from ..extensions import csrf, db
from ..meetings import store as meetings
from ..models import Citizen, FormSubmission, Meeting, PreparationForm
from ..plan.publishing import apply_from_case_system
from ..preparation import store as forms
from ..rules.form_access import Viewer, visible_parts
from . import bp
from .auth import api_error, token_required
from .openapi import document
from .schema import CITIZEN, MEETING, PLAN, validate

csrf.exempt(bp)  # token-authenticated, no cookies: CSRF does not apply


def _body(schema: dict):
    """The JSON body if it is valid, else (None, error response)."""
    body = request.get_json(silent=True)
    if body is None:
        return None, api_error(400, "the body must be a JSON object")
    problems = validate(schema, body)
    if problems:
        return None, api_error(422, "invalid", fields=problems)
    return body, None


def _date(value):
    return date.fromisoformat(value) if value else None


@bp.get("/openapi.json")
@public
def openapi():
    return jsonify(document())


@bp.put("/citizens/<external_id>")
@token_required("citizens:write")
def upsert_citizen(external_id: str):
    body, error = _body(CITIZEN)
    if error:
        return error
    team_name = " ".join(body["team"].split())  # "Team Nord " is Team Nord, not a new team nobody can see
    if not team_name:
        return api_error(422, "invalid", fields={"team": "must not be blank"})
    fields = {name: body[name] for name in citizens.FIELDS if name in body}
    if "birth_date" in fields:
        fields["birth_date"] = _date(fields["birth_date"])
    try:
        citizen, created = citizens.upsert_from_case_system(external_id, body["name"], team_name, fields)
    except citizens.Conflict:
        return api_error(409, "conflict")
    return jsonify(external_id=external_id, public_id=citizen.public_id, created=created)


def _citizen(external_id: str) -> Citizen | None:
    return citizens.by_external_id(external_id)


@bp.put("/citizens/<external_id>/plan")
@token_required("plans:write")
def upsert_plan(external_id: str):
    body, error = _body(PLAN)
    if error:
        return error
    citizen = _citizen(external_id)
    if citizen is None:
        return api_error(404, "no such citizen")
    ids = [a["external_id"] for a in body["activities"]]
    if len(ids) != len(set(ids)):
        return api_error(409, "activity external_id values must be unique")
    items = [
        item | {"start_date": _date(item.get("start_date")), "end_date": _date(item.get("end_date"))}
        for item in body["activities"]
    ]
    version = apply_from_case_system(citizen, body.get("goal_kind"), body.get("goal"), items)
    return jsonify(external_id=external_id, version=version.number if version else None, changed=version is not None)


@bp.put("/meetings/<external_id>")
@token_required("meetings:write")
def upsert_meeting(external_id: str):
    body, error = _body(MEETING)
    if error:
        return error
    citizen = _citizen(body["citizen"])
    if citizen is None:
        return api_error(404, "no such citizen")
    starts = datetime.fromisoformat(body["starts_at"].replace("Z", "+00:00"))
    meeting = meetings.by_external_id(external_id)
    created = meeting is None
    if meeting is None:
        meeting = Meeting(external_id=external_id, citizen_id=citizen.id, citizen=citizen)
    elif meeting.citizen_id != citizen.id:
        return api_error(409, "the meeting belongs to another citizen")
    fields = {name: body[name] for name in meetings.FIELDS if name in body}
    meetings.save(meeting, starts.astimezone(ZoneInfo("UTC")).replace(tzinfo=None), fields, meetings.CASE_SYSTEM)
    return jsonify(external_id=external_id, booking_ref=meeting.booking_ref, created=created)


@bp.post("/meetings/<external_id>/cancel")
@token_required("meetings:write")
def cancel_meeting(external_id: str):
    meeting = meetings.by_external_id(external_id)
    if meeting is None:
        return api_error(404, "no such meeting")
    meetings.cancel(meeting, meetings.CASE_SYSTEM)
    return jsonify(external_id=external_id, status=meeting.status)


def _form_summary(form: PreparationForm) -> dict:
    return {
        "reference": form.reference,
        "citizen": form.citizen.external_id,
        "status": form.status,
        "submitted_at": form.submitted_at.isoformat() + "Z" if form.submitted_at else None,
        "acknowledged": form.acknowledged_at is not None,
        "versions": len(form.submissions),
    }


@bp.get("/preparation-forms")
@token_required("forms:read")
def list_forms():
    status = request.args.get("status")
    acknowledged = request.args.get("acknowledged")
    if status not in (None, "submitted", "seen", "reviewed", "discussed") or acknowledged not in (
        None,
        "true",
        "false",
    ):
        return api_error(400, "unknown filter value")
    known = None if acknowledged is None else acknowledged == "true"
    return jsonify(forms=[_form_summary(form) for form in forms.sent(status, known, limit=500)])


def _sent_form(reference: str) -> PreparationForm | None:
    return forms.sent_by_reference(reference)


@bp.get("/preparation-forms/<reference>")
@token_required("forms:read")
def get_form(reference: str):
    form = _sent_form(reference)
    if form is None:
        return api_error(404, "no such form")
    latest: FormSubmission = form.submissions[-1]
    answers = dict(latest.answers)
    if not visible_parts(Viewer.API, status=form.status, share_resources=latest.share_resources).resources:
        answers.pop("resources", None)  # not shared without the citizen's consent
    audit.record(form.citizen, audit.READ, "preparation_form", "case_system", api=True)
    db.session.commit()
    return jsonify(
        _form_summary(form)
        | {
            "language": latest.language,
            "version": latest.number,
            "answers": answers,
            "filled_in_together": latest.filled_together_by_id is not None,
            "api_client": g.api_token.name,
        }
    )


@bp.post("/preparation-forms/<reference>/acknowledge")
@token_required("forms:write")
def acknowledge_form(reference: str):
    form = _sent_form(reference)
    if form is None:
        return api_error(404, "no such form")
    forms.acknowledge(form)
    return jsonify(reference=reference, acknowledged=True)
