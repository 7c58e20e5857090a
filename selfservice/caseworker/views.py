from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user

from .. import audit, labels
from ..access import staff_required
from ..citizen import store as citizen_store
from ..extensions import db
from ..meetings import store as meeting_store
from ..messages import thread as message_thread
from ..models import utcnow
from ..plan import team_meetings
from ..plan.publishing import activities_of, published_version_of
from ..preparation import store as preparation_store
from ..rules import workload
from ..rules.plan import ActivityStatus
from ..rules.preparation import FormStatus
from ..scope import own_citizen
from . import bp, caseload
from .forms import InvitationForm, NewCitizenForm, TeamListFilter

LIST_FILTERS = "team_list"  # the team list's filters, in the server-side session


@bp.get("/")
@staff_required()
def today():
    """What needs the caseworker today; refreshed by static/js/today.js every two minutes while open."""
    now = utcnow()
    work = caseload.today(current_user.team_id, now) if current_user.team_id is not None else None
    page = render_template(
        "caseworker/today.html", work=work, now=now, shown=caseload.SHOWN_PER_SECTION, labels=labels.now()
    )
    if work is not None:
        audit.record_many(work.citizens(), audit.READ, "citizen_list", "today", once_per=audit.LIST_WINDOW)
    db.session.commit()
    return page


@bp.route("/citizens", methods=["GET", "POST"])
@staff_required()
def citizens():
    """The team list. Filters are posted and kept in the session (no name in an address); the page is in the URL."""
    if request.method == "POST":
        filters = TeamListFilter()
        if "clear" in request.form:
            session.pop(LIST_FILTERS, None)
            return redirect(url_for("caseworker.citizens"))
        if filters.validate_on_submit():
            session[LIST_FILTERS] = {name: filters[name].data for name in caseload.FILTER_FIELDS}
            return redirect(url_for("caseworker.citizens"))
        return _team_list(filters, 1), 400
    saved = session.get(LIST_FILTERS, {})
    filters = TeamListFilter(formdata=None, data=saved)
    return _team_list(filters, request.args.get("page", 1, type=int))


def _team_list(filters: TeamListFilter, page: int):
    rows: list[caseload.Row] = []
    total, last_page = 0, 1
    if current_user.team_id is not None:
        query = caseload.ListQuery(
            q=filters.q.data or "",
            situation=filters.situation.data or "",
            open_request=bool(filters.open_request.data),
            form_status=filters.form_status.data or "",
            meeting_this_week=bool(filters.meeting_this_week.data),
            sort=filters.sort.data or "name",
            page=page,
        )
        rows, total, page, last_page = caseload.team_list(current_user.team_id, query, utcnow())
    body = render_template(
        "caseworker/citizens.html",
        rows=rows,
        total=total,
        page=page,
        last_page=last_page,
        filters=filters,
        filtered=bool(session.get(LIST_FILTERS)),
        labels=labels.now(),
    )
    audit.record_many([row.citizen for row in rows], audit.READ, "citizen_list", "casework", once_per=audit.LIST_WINDOW)
    db.session.commit()
    return body


@bp.route("/citizens/new", methods=["GET", "POST"])
@staff_required()
def new_citizen():
    if current_user.team_id is None:
        abort(403)
    form = NewCitizenForm()
    if form.validate_on_submit():
        citizen = citizen_store.register(
            (form.name.data or "").strip(), form.birth_date(), form.situation.data or None, current_user.team_id
        )
        return redirect(url_for("caseworker.citizen", public_id=citizen.public_id))
    return render_template("caseworker/new_citizen.html", form=form), (400 if form.errors else 200)


@bp.get("/citizens/<public_id>")
@staff_required()
def citizen(public_id: str):
    """The citizen at a glance: each section short, linking to its full page; the actions grouped at the top."""
    person = own_citizen(public_id)
    now = utcnow()
    form = preparation_store.get_form(person)
    sent = form is not None and form.status != FormStatus.DRAFT  # a draft is the citizen's own
    submission = preparation_store.last_submission(form) if sent and form is not None else None
    version = published_version_of(person)
    current = [a for a in activities_of(version) if a.get("status") in (ActivityStatus.ONGOING, ActivityStatus.PLANNED)]
    upcoming = [m for m in meeting_store.planned_of_citizen(person.id) if m.starts_at >= now][:5]
    messages = message_thread.thread(person)[-3:]
    page = render_template(
        "caseworker/citizen.html",
        citizen=person,
        labels=labels.now(),
        invitations=citizen_store.active_invitations(person),
        form=InvitationForm(),
        prep=form if sent else None,
        own_goal=(submission.answers.get("goals") or {}) if submission else {},
        version=version,
        activities=current,
        meetings=upcoming,
        messages=messages,
        open_requests=meeting_store.open_requests_of_citizen(person.id),
        team_meetings=team_meetings.of_citizen(person.id)[:3],
        consents=citizen_store.consent_state(person),
        access_log=audit.staff_reads_of(person.id, limit=10),
        waited=lambda since: workload.waited(since, now),
    )
    # After rendering; the log shown is the one before this look, which is written now.
    audit.record(person, audit.READ, "profile", "casework")
    db.session.commit()
    return page


@bp.post("/citizens/<public_id>/invitation")
@staff_required()
def issue_invitation(public_id: str):
    person = own_citizen(public_id)
    form = InvitationForm()
    if not form.validate_on_submit():
        abort(400)
    valid_days = current_app.config["INVITATION_VALID_DAYS"]
    code, invitation = citizen_store.issue_invitation(person, current_user.id, valid_days)
    return render_template("caseworker/invitation.html", citizen=person, code=code, invitation=invitation)
