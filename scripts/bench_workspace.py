"""Server time of the caseworker's Today page and team list for a caseworker with 120 citizens (issue 18).

In process (Flask's test client, no network), on a throwaway SQLite database with a benchmark population: 120
citizens in the caseworker's team and 480 in four other teams, each with a plan of three activities, two meetings,
messages, and forms in every status; some requests and codes. Prints the median and p95 of 60 requests per page
against the budget of 50 ms. Run by `make bench`; `python scripts/bench_workspace.py` alone also works.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUDGET_MS = 50
REQUESTS = 60


def populate(db, models, team_count: int = 5, per_team: int = 120) -> int:
    """Returns the id of the caseworker of the first team."""
    rng = random.Random(18)
    now = models.utcnow()
    statuses = ["draft", "submitted", "seen", "reviewed", "discussed", None]
    caseworker_id = 0
    for t in range(team_count):
        team = models.Team(name=f"Team {t}", department="employment")
        db.session.add(team)
        db.session.flush()
        staff = models.StaffUser(name=f"Sagsbehandler {t}", email=f"cw{t}@example.test", role="caseworker", team=team)
        db.session.add(staff)
        db.session.flush()
        caseworker_id = caseworker_id or staff.id
        for n in range(per_team):
            citizen = models.Citizen(
                name=f"Borger {t}-{n:03d}", team=team, situation=rng.choice(["dagpenge", "kontanthjaelp"])
            )
            db.session.add(citizen)
            db.session.flush()
            meetings = [
                models.Meeting(citizen_id=citizen.id, starts_at=now + timedelta(days=rng.randint(-30, 30), hours=n % 8))
                for _ in range(2)
            ]
            db.session.add_all(meetings)
            db.session.flush()
            if n % 15 == 0:
                db.session.add(models.MeetingRequest(meeting_id=meetings[0].id, kind="move"))
            status = statuses[n % len(statuses)]
            if status:
                db.session.add(
                    models.PreparationForm(
                        citizen_id=citizen.id,
                        reference=f"B{t}{n:05d}",
                        status=status,
                        submitted_at=None if status == "draft" else now - timedelta(days=n % 9),
                    )
                )
            for m in range(n % 4):
                db.session.add(
                    models.Message(
                        citizen_id=citizen.id, from_citizen=m % 2 == 0, body="Hej", created_at=now - timedelta(days=m)
                    )
                )
            plan = models.Plan(citizen_id=citizen.id, goal="Job")
            db.session.add(plan)
            db.session.flush()
            for a in range(3):
                end = (now + timedelta(days=rng.randint(-10, 60))).date()
                db.session.add(
                    models.PlanActivity(plan_id=plan.id, title=f"Aktivitet {a}", status="ongoing", end_date=end)
                )
    db.session.commit()
    return caseworker_id


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SELFSERVICE_TEST_DATABASE_URL"] = f"sqlite:///{folder}/bench.db"
        from selfservice import create_app, models
        from selfservice.config import TestConfig
        from selfservice.extensions import db
        from tests.helpers import new_session

        app = create_app(TestConfig())
        with app.app_context():
            db.create_all()
            staff_id = populate(db, models)
        client = app.test_client()
        client.set_cookie(app.config["SESSION_COOKIE_NAME"], new_session(app, f"staff:{staff_id}", "password"))
        print(f"\nCaseworker pages, server time in process for a caseworker with 120 citizens (budget {BUDGET_MS} ms)")
        for label, path in [
            ("Today (/staff/)", "/staff/"),
            ("Team list, page 1 of 3", "/staff/citizens"),
            ("Team list, page 3 of 3", "/staff/citizens?page=3"),
        ]:
            for _ in range(5):
                assert client.get(path).status_code == 200, path
            timings = []
            for _ in range(REQUESTS):
                started = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95)]
            print(f"  {label:<26} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  {'ok' if p95 < BUDGET_MS else 'OVER'}")
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


if __name__ == "__main__":
    main()
