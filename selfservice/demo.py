"""`flask demo seed`: the demo people, idempotent (running it twice changes nothing).

Demo data lives here, never in migrations, and only demo mode can sign in as these people.
"""

from datetime import date, timedelta
from functools import cache

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from .auth.passwords import hash_password
from .extensions import db
from .models import Citizen, Invitation, Kiosk, Meeting, StaffUser, Team, utcnow
from .rules import invitations
from .rules.meetings import MeetingStatus

demo_cli = AppGroup("demo", help="Demo data (demo mode only).")

TEAMS = [("Team Nord", "employment"), ("Team Syd", "employment")]
CITIZENS = [
    # subject, name, birth date, language, situation, team, (days until the next meeting, kind)
    ("demo-amira", "Amira Hassan", date(1991, 4, 12), "ar", "kontanthjaelp", "Team Nord", (3, "in_person")),
    ("demo-jens", "Jens Nielsen", date(1974, 9, 3), "da", "dagpenge", "Team Nord", (8, "in_person")),
    ("demo-olena", "Olena Kovalenko", date(1986, 1, 27), "uk", "ressourceforloeb", "Team Syd", (5, "video")),
]
STAFF = [
    ("demo-karen", "Karen Holm", "karen.holm@demokommune.dk", "caseworker", "Team Nord"),
    ("demo-peter", "Peter Lund", "peter.lund@demokommune.dk", "caseworker", "Team Syd"),
    ("demo-admin", "Anne Admin", "admin@demokommune.dk", "admin", None),
]
DEMO_STAFF_PASSWORD = "demo-password-2026"  # noqa: S105 - demo mode only, printed in the README
# A citizen without MitID, with a fixed code so the README can give it.
NO_MITID = ("Reza Ahmadi", date(1995, 2, 14), "fa", "uddannelseshjaelp", "Team Nord")
DEMO_CODE = "DEMQ-KQDE-2345"
# The demo kiosk's activation link is /kiosk/activate/<this>; seeding again makes it work again (the README gives it).
DEMO_KIOSK_TOKEN = "demo-kiosk-activation"  # noqa: S105 - demo mode only
DEMO_KIOSK = ("Demo-kiosk i forhallen", "Venteområdet ved skranken, stueetagen")
# Olena has a meeting today, so that checking in at the demo kiosk can be tried (reference and birthday 27 1).
DEMO_CHECK_IN_REF = "KSK234"


@cache
def demo_password_hash() -> str:
    """One hash for all demo staff: argon2 is slow on purpose, and demo seeding runs in many tests."""
    return hash_password(DEMO_STAFF_PASSWORD)


def seed() -> list[str]:
    """Create what is missing; return a line for each thing created."""
    created: list[str] = []
    issuer = current_app.config["OIDC_CITIZEN_ISSUER"]
    staff_issuer = current_app.config["OIDC_STAFF_ISSUER"]
    teams = {}
    for name, department in TEAMS:
        record = db.session.scalar(select(Team).where(Team.name == name))
        if record is None:
            record = Team(name=name, department=department)
            db.session.add(record)
            created.append(f"team {name}")
        teams[name] = record
    for subject, name, born, language, situation, team, (days, kind) in CITIZENS:
        citizen = db.session.scalar(select(Citizen).where(Citizen.oidc_subject == subject))
        if citizen is None:
            citizen = Citizen(
                oidc_issuer=issuer,
                oidc_subject=subject,
                name=name,
                birth_date=born,
                language=language,
                situation=situation,
                team=teams[team],
            )
            db.session.add(citizen)
            created.append(f"citizen {name}")
        db.session.flush()
        if db.session.scalar(select(Meeting).where(Meeting.citizen_id == citizen.id)) is None:
            # Meetings at 10:00 Danish time (09:00 UTC in winter), a few days from the first seeding.
            when = (utcnow() + timedelta(days=days)).replace(hour=9, minute=0, second=0, microsecond=0)
            db.session.add(Meeting(citizen_id=citizen.id, starts_at=when, kind=kind))
            created.append(f"meeting for {name}")
    for subject, name, email, role, team_name in STAFF:
        if db.session.scalar(select(StaffUser).where(StaffUser.email == email)) is None:
            db.session.add(
                StaffUser(
                    oidc_issuer=staff_issuer,
                    oidc_subject=subject,
                    name=name,
                    email=email,
                    role=role,
                    team=teams.get(team_name) if team_name else None,
                    password_hash=demo_password_hash(),
                )
            )
            created.append(f"staff {name}")
    db.session.flush()
    created += _seed_plan_for_jens()
    name, born, language, situation, team = NO_MITID
    reza = db.session.scalar(select(Citizen).where(Citizen.name == name, Citizen.oidc_subject.is_(None)))
    if reza is None:
        reza = Citizen(name=name, birth_date=born, language=language, situation=situation, team=teams[team])
        db.session.add(reza)
        created.append(f"citizen {name} (no MitID)")
    db.session.flush()
    invitation = db.session.scalar(select(Invitation).where(Invitation.code_hash == invitations.code_hash(DEMO_CODE)))
    now = utcnow()
    if invitation is None or not invitations.is_usable(
        invitation.expires_at, invitation.revoked_at, invitation.failed_attempts, now
    ):
        if invitation is not None:
            db.session.delete(invitation)
            db.session.flush()
        db.session.add(
            Invitation(
                citizen_id=reza.id,
                code_hash=invitations.code_hash(DEMO_CODE),
                created_at=now,
                expires_at=now + timedelta(days=current_app.config["INVITATION_VALID_DAYS"]),
            )
        )
        created.append(f"invitation code {DEMO_CODE}")
    created += seed_kiosk()
    db.session.commit()
    return created


def seed_kiosk() -> list[str]:
    from .kiosk.device import token_hash
    from .rules.meetings import to_local, to_utc

    created = []
    name, waiting_area = DEMO_KIOSK
    kiosk = db.session.scalar(select(Kiosk).where(Kiosk.name == name))
    if kiosk is None:
        kiosk = Kiosk(name=name, waiting_area=waiting_area)
        db.session.add(kiosk)
    if kiosk.activation_token_hash != token_hash(DEMO_KIOSK_TOKEN):
        kiosk.activation_token_hash = token_hash(DEMO_KIOSK_TOKEN)
        kiosk.revoked_at = None
        created.append(f"kiosk {name}: activate at /kiosk/activate/{DEMO_KIOSK_TOKEN}")
    olena = db.session.scalar(select(Citizen).where(Citizen.oidc_subject == "demo-olena"))
    assert olena is not None  # seed() creates the demo citizens before the kiosk
    meeting = db.session.scalar(select(Meeting).where(Meeting.booking_ref == DEMO_CHECK_IN_REF))
    now = to_local(utcnow()).replace(tzinfo=None)
    if meeting is None or to_local(meeting.starts_at).date() != now.date():
        starts = to_utc(now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1))
        if meeting is None:
            meeting = Meeting(citizen_id=olena.id, booking_ref=DEMO_CHECK_IN_REF, kind="in_person")
            db.session.add(meeting)
        meeting.starts_at, meeting.status, meeting.checked_in_at = starts, MeetingStatus.PLANNED, None
        meeting.place = "Jobcenter Demokommune, mødelokale 3"
        created.append(f"meeting today for Olena, booking reference {DEMO_CHECK_IN_REF}")
    return created


@demo_cli.command("seed")
def seed_command() -> None:
    if not current_app.config["DEMO_MODE"]:
        raise click.ClickException("Demo data can only be seeded in demo mode (SELFSERVICE_DEMO_MODE=1).")
    created = seed()
    # The caseload only for `flask demo seed` (make run): the tests' demo people stay the three named citizens.
    from .demo_caseload import seed_caseload

    created += seed_caseload()
    db.session.commit()
    click.echo("\n".join(created) if created else "Demo data already present; nothing changed.")


JENS_ACTIVITIES = [
    # title, area, status, start (days from today), end, hours, department, legal basis, legal url, sub-goal
    (
        "Jobsøgningskursus",
        "employment",
        "finished",
        -60,
        -30,
        15,
        "Jobcenter Demokommune",
        "LAB § 91",
        "https://www.retsinformation.dk/eli/lta/2019/548",
        "Et opdateret CV og tre ansøgninger",
    ),
    (
        "Virksomhedspraktik som lagermedarbejder",
        "employment",
        "ongoing",
        -14,
        42,
        30,
        "Jobcenter Demokommune",
        "LAB § 125",
        "https://www.retsinformation.dk/eli/lta/2019/548",
        "Prøve lagerarbejde i fire uger",
    ),
    (
        "Truckcertifikat (AMU-kursus)",
        "education",
        "planned",
        50,
        60,
        37,
        "AMU Demokommune",
        "LAB § 91",
        "https://www.retsinformation.dk/eli/lta/2019/548",
        "Truckcertifikat B",
    ),
]


def _seed_plan_for_jens() -> list[str]:
    from .models import Plan, PlanActivity
    from .plan.publishing import publish

    jens = db.session.scalar(select(Citizen).where(Citizen.oidc_subject == "demo-jens"))
    if jens is None or db.session.scalar(select(Plan).where(Plan.citizen_id == jens.id)) is not None:
        return []
    plan = Plan(citizen_id=jens.id, goal_kind="job", goal="Fast job som lagermedarbejder")
    db.session.add(plan)
    db.session.flush()
    today = utcnow().date()
    for title, area, status, start, end, hours, department, law, url, sub_goal in JENS_ACTIVITIES:
        db.session.add(
            PlanActivity(
                plan_id=plan.id,
                title=title,
                area=area,
                status=status,
                hours_per_week=hours,
                start_date=today + timedelta(days=start),
                end_date=today + timedelta(days=end),
                department=department,
                caseworker="Karen Holm",
                legal_basis=law,
                legal_url=url,
                sub_goal=sub_goal,
                agreed=True,
            )
        )
    db.session.flush()
    db.session.refresh(plan)
    karen = db.session.scalar(select(StaffUser).where(StaffUser.email == "karen.holm@demokommune.dk"))
    publish(plan, karen)
    return ["plan for Jens Nielsen"]
