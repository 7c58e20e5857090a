"""A realistic population for the load benchmark, written with bulk inserts inside create_app().

Teams with one caseworker each, citizens spread over the teams, a published plan with 2-4 activities for most of
them (the same snapshot and change list that selfservice.plan.publishing.publish() writes, without the per-plan
round trips), 1-3 upcoming meetings each, preparation forms for a third (draft or submitted), and signed-in
sessions written exactly as tests/helpers.py:new_session writes them.
"""

import hashlib
import json
import random
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    """Anne Mette Jens Lars Peter Hanne Søren Camilla Mads Louise Mikkel Sara Jonas Ida Kasper Emma Ahmed Fatima
    Mohammed Aisha Olena Oksana Andriy Iryna Piotr Agnieszka Tomasz Katarzyna Mehmet Ayşe Emre Zeynep Abdi Hodan
    Farah Ali Reza Maryam Sina Leila Nikolaj Freja Rasmus Signe Jakob Line Kim Bo Dorthe Henrik"""
)
LAST = _words(
    """Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen Madsen
    Kristensen Olsen Thomsen Poulsen Johansen Møller Mortensen Hassan Ali Mohamed Yusuf Kovalenko Shevchenko
    Bondarenko Nowak Kowalski Wiśniewski Yılmaz Kaya Demir Warsame Farah Ahmadi Hosseini Karimi Holm Lund Berg"""
)
# Roughly the spread of a Danish jobcentre: mostly Danish, then the languages the service is translated into.
LANGUAGES = [("da", 55), ("en", 6), ("uk", 8), ("pl", 6), ("ar", 10), ("tr", 5), ("so", 5), ("fa", 5)]
SITUATIONS = [
    ("dagpenge", 30),
    ("kontanthjaelp", 25),
    ("uddannelseshjaelp", 10),
    ("sygedagpenge", 12),
    ("ressourceforloeb", 8),
    ("jobafklaring", 6),
    ("ledighedsydelse", 7),
    ("foertidspension", 2),
]
LAB = "https://www.retsinformation.dk/eli/lta/2019/548"
ACTIVITIES = [
    # title, area, hours per week, department, legal basis, sub-goal
    ("Jobsøgningskursus", "employment", 15, "Jobcenter Demokommune", "LAB § 91", "Et opdateret CV og tre ansøgninger"),
    ("Virksomhedspraktik i detailhandel", "employment", 30, "Jobcenter Demokommune", "LAB § 125", "Prøve butik"),
    ("Virksomhedspraktik som lagermedarbejder", "employment", 30, "Jobcenter Demokommune", "LAB § 125", "Prøve lager"),
    ("Løntilskud i kommunen", "employment", 37, "Jobcenter Demokommune", "LAB § 55", "Seks måneders erfaring"),
    ("Mentor", "social", 2, "Jobcenter Demokommune", "LAB § 167", "Hjælp til at holde fast i praktikken"),
    ("Samtaleforløb om trivsel", "health", 1, "Sundhedscenter Demokommune", "LAB § 91", "Bedre søvn og overskud"),
    ("Truckcertifikat (AMU-kursus)", "education", 37, "AMU Demokommune", "LAB § 91", "Truckcertifikat B"),
    ("Danskuddannelse, modul 3", "education", 12, "Sprogcenter Demokommune", "Danskuddannelsesloven § 2", "Modul 3"),
    ("FVU-læsning", "education", 4, "VUC Demokommune", "LAB § 91", "Bedre læsning på arbejdet"),
    (
        "Seks ugers jobrettet uddannelse: social- og sundhedshjælper",
        "education",
        37,
        "SOSU Demokommune",
        "LAB § 94",
        "Klar til et job i ældreplejen",
    ),
    ("Afklaring hos misbrugscenter", "health", 3, "Misbrugscenter Demokommune", "Serviceloven § 101", "En plan"),
    ("Gældsrådgivning", "social", 1, "Borgerservice Demokommune", "Serviceloven § 10", "Overblik over gælden"),
]
GOALS = [
    ("job", "Fast job som lagermedarbejder"),
    ("job", "Job i butik, 30 timer om ugen"),
    ("job", "Job som chauffør"),
    ("job", "Job i ældreplejen"),
    ("education", "Uddannelse som social- og sundhedshjælper"),
    ("education", "Erhvervsuddannelse som tømrer"),
    ("job", "Fleksjob på 15 timer om ugen"),
]
FORM_ANSWERS = {
    "education": {
        "none_after_primary": False,
        "entries": [
            {
                "what": "Folkeskolens afgangsprøve",
                "place": "Demokommune Skole",
                "country": "denmark",
                "years": "2005 til 2008",
                "finished": "yes",
            },
        ],
    },
    "work": {
        "none_yet": False,
        "entries": [
            {
                "job": "Lagermedarbejder",
                "workplace": "Lager A/S, Demokommune",
                "period": "2019 til 2022",
                "tasks": "Plukkede varer og kørte truck.",
                "unpaid": False,
                "abroad": False,
            },
        ],
    },
    "competences": {"checklist": ["languages", "it", "driving"], "languages": "Dansk og engelsk", "other": ""},
    "successes": {"story": "Jeg hjalp en ny kollega i gang, og hun blev i jobbet."},
    "goals": {"goal_kind": "job", "goal": "Lager eller chauffør", "matters": "Dagarbejde", "first": "Et kursus"},
}
ALPHABET_FALLBACK = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass
class Population:
    teams: int = 0
    caseworkers: int = 0
    citizens: int = 0
    plans: int = 0
    activities: int = 0
    meetings: int = 0
    forms_draft: int = 0
    forms_submitted: int = 0
    # Cookie values of signed-in sessions.
    citizen_sessions: list[str] = field(default_factory=list)
    staff_sessions: list[str] = field(default_factory=list)
    # Sessions kept out of the load, for the multi-instance checks.
    check_citizen_session: str = ""
    check_citizen_name: str = ""

    def total_citizens(self, demo: int) -> int:
        return self.citizens + demo


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def _unique_codes(rng: random.Random, count: int, length: int, taken: set[str], alphabet: str) -> list[str]:
    codes: list[str] = []
    while len(codes) < count:
        code = "".join(rng.choice(alphabet) for _ in range(length))
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def session_record(user_key: str, now: datetime, method: str) -> tuple[str, dict]:
    """What tests/helpers.py:new_session writes: the cookie value and the WebSession row."""
    sid = secrets.token_urlsafe(32)
    row = {
        "id_hash": hashlib.sha256(sid.encode()).hexdigest(),
        "data": json.dumps({"_user_id": user_key, "_fresh": True, "auth_method": method}),
        "user_key": user_key,
        "created_at": now,
        "last_seen_at": now,
    }
    return sid, row


def seed_population(
    citizens: int = 5000,
    teams: int = 50,
    citizen_sessions: int = 300,
    staff_sessions: int = 20,
    seed: int = 2026,
) -> Population:
    """Runs inside an app context (the caller's create_app())."""
    from sqlalchemy import insert, select

    from selfservice.extensions import db
    from selfservice.models import (
        Citizen,
        FormSubmission,
        Meeting,
        Plan,
        PlanActivity,
        PlanVersion,
        PreparationForm,
        StaffUser,
        Team,
        WebSession,
        utcnow,
    )
    from selfservice.models.people import new_public_id
    from selfservice.rules import plan as plan_rules

    try:
        from selfservice.rules.invitations import ALPHABET
    except ImportError:  # pragma: no cover - the alphabet is only used for readable codes
        ALPHABET = ALPHABET_FALLBACK  # noqa: N806

    rng = random.Random(seed)
    now = utcnow()
    today = now.date()
    result = Population()

    def bulk(model, rows: list[dict], *columns):
        """INSERT … RETURNING in the order given (SQLAlchemy's insertmanyvalues: a few statements, not one per row)."""
        if not columns:
            db.session.execute(insert(model), rows)
            return []
        statement = insert(model).returning(*columns, sort_by_parameter_order=True)
        return db.session.execute(statement, rows).all()

    # Teams, each with one caseworker.
    team_rows = [{"name": f"Bench team {n:02d}", "department": "employment"} for n in range(1, teams + 1)]
    team_ids = [row.id for row in bulk(Team, team_rows, Team.id)]
    staff_rows = []
    for n, team_id in enumerate(team_ids, start=1):
        staff_rows.append(
            {
                "public_id": new_public_id(),
                "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "email": f"caseworker{n:02d}@bench.demokommune.dk",
                "role": "caseworker",
                "team_id": team_id,
                "failed_logins": 0,
                "created_at": now - timedelta(days=400),
            }
        )
    staff = bulk(StaffUser, staff_rows, StaffUser.id, StaffUser.name)
    caseworker_of_team = {team_id: staff[i] for i, team_id in enumerate(team_ids)}
    result.teams, result.caseworkers = len(team_ids), len(staff)

    # Citizens, evenly over the teams.
    citizen_rows = []
    for n in range(citizens):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        has_email = rng.random() < 0.7
        citizen_rows.append(
            {
                "public_id": new_public_id(),
                "name": f"{first} {last}",
                "birth_date": date(1960, 1, 1) + timedelta(days=rng.randrange(0, 44 * 365)),
                "language": _weighted(rng, LANGUAGES),
                "situation": _weighted(rng, SITUATIONS),
                "email": f"borger{n:05d}@example.dk" if has_email else None,
                "phone": f"+45 2{rng.randrange(0, 10_000_000):07d}" if rng.random() < 0.5 else None,
                "notify_email": True,
                "notify_sms": False,
                "team_id": team_ids[n % len(team_ids)],
                "created_at": now - timedelta(days=rng.randrange(1, 365)),
            }
        )
    people = bulk(Citizen, citizen_rows, Citizen.id, Citizen.team_id, Citizen.name)
    result.citizens = len(people)

    # A published plan with 2-4 activities for most citizens (85 %).
    with_plan = [p for p in people if rng.random() < 0.85]
    plan_rows = []
    for person in with_plan:
        kind, goal = rng.choice(GOALS)
        plan_rows.append(
            {"citizen_id": person.id, "goal_kind": kind, "goal": goal, "updated_at": now - timedelta(days=3)}
        )
    plan_ids = [row.id for row in bulk(Plan, plan_rows, Plan.id)]
    activity_rows, version_rows = [], []
    for person, plan_id, plan_row in zip(with_plan, plan_ids, plan_rows, strict=True):
        caseworker = caseworker_of_team[person.team_id]
        chosen = rng.sample(ACTIVITIES, rng.randint(2, 4))
        activities = []
        for index, (title, area, hours, department, law, sub_goal) in enumerate(chosen):
            status = ["finished", "ongoing", "planned", "planned"][index]
            start = today + timedelta(days=[-70, -14, 20, 45][index] + rng.randint(-5, 5))
            row = {
                "public_id": new_public_id(),
                "plan_id": plan_id,
                "title": title,
                "description": None,
                "sub_goal": sub_goal,
                "area": area,
                "status": status,
                "start_date": start,
                "end_date": start + timedelta(days=rng.choice([14, 28, 42, 56])),
                "hours_per_week": float(hours),
                "department": department,
                "caseworker": caseworker.name,
                "legal_basis": law,
                "legal_url": LAB,
                "agreed": True,
            }
            activities.append(row)
        activity_rows += activities
        # publish(): the snapshot of the working copy (activity_dict for each activity, in the plan's order),
        # and the change list against no earlier version.
        ordered = sorted(activities, key=lambda a: a["start_date"])
        snapshot = plan_rules.snapshot(
            plan_row["goal_kind"],
            plan_row["goal"],
            [
                {
                    **{key: a[key] for key in plan_rules.TRACKED},
                    "start_date": a["start_date"].isoformat(),
                    "end_date": a["end_date"].isoformat(),
                    "public_id": a["public_id"],
                }
                for a in ordered
            ],
        )
        version_rows.append(
            {
                "plan_id": plan_id,
                "number": 1,
                "snapshot": snapshot,
                "changes": plan_rules.changes(None, snapshot),
                "published_at": now - timedelta(days=3),
                "published_by_id": caseworker.id,
            }
        )
    bulk(PlanActivity, activity_rows)
    bulk(PlanVersion, version_rows)
    result.plans, result.activities = len(plan_ids), len(activity_rows)

    # 1-3 upcoming meetings each, from two days ahead (so `flask notifications send` has no reminders to queue).
    taken_refs = set(db.session.scalars(select(Meeting.booking_ref)))
    meeting_rows = []
    for person in people:
        for _ in range(rng.randint(1, 3)):
            kind = _weighted(rng, [("in_person", 60), ("phone", 20), ("video", 15), ("team", 5)])
            starts = datetime.combine(today + timedelta(days=rng.randint(2, 60)), datetime.min.time()) + timedelta(
                hours=rng.randint(7, 13), minutes=rng.choice([0, 30])
            )
            meeting_rows.append(
                {
                    "public_id": new_public_id(),
                    "citizen_id": person.id,
                    "starts_at": starts,
                    "duration_minutes": rng.choice([30, 45, 60]),
                    "kind": kind,
                    "status": "planned",
                    "place": "Jobcenter Demokommune, mødelokale " + str(rng.randint(1, 12))
                    if kind in ("in_person", "team")
                    else None,
                    "address": "Rådhustorvet 1, 9999 Demokommune" if kind in ("in_person", "team") else None,
                    "video_url": f"https://video.demokommune.dk/m/{secrets.token_urlsafe(9)}"
                    if kind == "video"
                    else None,
                    "bring": "Dit CV" if rng.random() < 0.3 else None,
                    "created_at": now - timedelta(days=rng.randint(1, 20)),
                    "updated_at": now - timedelta(days=1),
                }
            )
    for row, ref in zip(meeting_rows, _unique_codes(rng, len(meeting_rows), 6, taken_refs, ALPHABET), strict=True):
        row["booking_ref"] = ref
    bulk(Meeting, meeting_rows)
    result.meetings = len(meeting_rows)

    # Preparation forms for a third of the citizens: half still drafts, half submitted (in the caseworker's queue).
    taken_forms = set(db.session.scalars(select(PreparationForm.reference)))
    form_people = people[::3]
    references = _unique_codes(rng, len(form_people), 6, {r.removeprefix("PF-") for r in taken_forms}, ALPHABET)
    form_rows, submitted_rows = [], []
    for person, reference in zip(form_people, references, strict=True):
        steps = list(FORM_ANSWERS)[: rng.randint(1, len(FORM_ANSWERS))]
        submitted = rng.random() < 0.5
        if submitted:
            steps = list(FORM_ANSWERS)
        answers = {slug: FORM_ANSWERS[slug] for slug in steps}
        updated = now - timedelta(days=rng.randint(0, 10), minutes=rng.randint(0, 600))
        row = {
            "citizen_id": person.id,
            "reference": "PF-" + reference,
            "status": "submitted" if submitted else "draft",
            "answers": answers,
            "completed_steps": steps,
            "language": "da",
            "share_resources": False,
            "has_resources": False,
            "version": len(steps) + (2 if submitted else 1),
            "created_at": updated - timedelta(days=2),
            "updated_at": updated,
            "submitted_at": updated if submitted else None,
        }
        form_rows.append(row)
        if submitted:
            submitted_rows.append(row)
    ids = bulk(PreparationForm, form_rows, PreparationForm.id)
    bulk(
        FormSubmission,
        [
            {
                "form_id": form_id.id,
                "number": 1,
                "answers": row["answers"],
                "language": row["language"],
                "share_resources": False,
                "submitted_at": row["submitted_at"],
            }
            for form_id, row in zip(ids, form_rows, strict=True)
            if row["status"] == "submitted"
        ],
    )
    result.forms_submitted = len(submitted_rows)
    result.forms_draft = len(form_rows) - len(submitted_rows)

    # Signed-in sessions: citizens from every team, and the caseworkers of the first teams.
    session_rows = []
    chosen = rng.sample(people, citizen_sessions + 1)
    for person in chosen[:citizen_sessions]:
        sid, row = session_record(f"citizen:{person.id}", now, "mitid")
        result.citizen_sessions.append(sid)
        session_rows.append(row)
    check = chosen[citizen_sessions]
    result.check_citizen_session, row = session_record(f"citizen:{check.id}", now, "mitid")
    result.check_citizen_name = check.name
    session_rows.append(row)
    for member in staff[:staff_sessions]:
        sid, row = session_record(f"staff:{member.id}", now, "sso")
        result.staff_sessions.append(sid)
        session_rows.append(row)
    bulk(WebSession, session_rows)
    db.session.commit()
    return result


def queue_outbox(count: int, tag: str) -> list[str]:
    """Queue `count` e-mails that are due at once (not subject to quiet hours); returns their subjects."""
    from selfservice.extensions import db
    from selfservice.mail import queue

    subjects = [f"Bench {tag} message {n:03d}" for n in range(count)]
    for n, subject in enumerate(subjects):
        queue(f"borger{n:05d}@example.dk", subject, "Du har en ny besked i Selvbetjening.", quiet=False)
    db.session.commit()
    return subjects
