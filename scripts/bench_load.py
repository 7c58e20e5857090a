"""`make bench-load`: two selfservice instances on PostgreSQL and Redis under a mixed load, measured.

Everything runs on loopback against throwaway services that are stopped and deleted at the end (also on Ctrl-C):
a PostgreSQL cluster, a Redis server, two app instances (gunicorn, as in production), two instances of a minimal
Flask app as the ceiling, and an SMTP sink. Prints figures and marks the targets ok/OVER; asserts nothing.
Bounded: every phase stops by itself (time and request count), and the whole run takes a few minutes.

Phases, 100 virtual users each, taking the two instances in turn request by request:
  plan only      GET /me/plan/ alone, no pauses     (compared with the ceiling below)
  ceiling        GET / on the minimal Flask app      (scripts/benchload/hello.py, same gunicorn settings)
  one query      the minimal Flask app reading one row by primary key from PostgreSQL, and two rows (the
  two queries    least a signed-in page needs: who is asking, then what to show); scripts/benchload/hello_db.py
  mixed          the day-to-day mix of citizens, guide readers, the assistant and caseworkers; each user pauses
                 0.5-1.5 s between requests (the p95 target is measured here)
  mixed, no pauses  the same mix, each user sending its next request when the last answer has arrived: the
                 most these servers can do, and the latency then includes the wait for a free worker
  (and the mix without pauses with 5, 10 and 20 users, for comparison)
Then the multi-instance checks: one session, one sign-out, one rate limit, one delivery per e-mail.

Why pauses for the target: "100 concurrent users" are 100 people using the service at the same time, and a person
reads a page before the next click. 0.5-1.5 s is far quicker than anyone reads (real pauses are many seconds),
so 100 such users send as many requests as several hundred real ones. Without any pause, 100 users are 100
requests always in flight on 2 cores: by Little's law the mean latency is then 100 / throughput, whatever the app.

Threads: 1, 2, 4 and 8 threads per worker gave the same throughput here (the app is CPU-bound on 2 cores); 4 is
kept, as in `make run` and the README. 1 thread (gunicorn's sync worker) had a shorter p95 in this benchmark,
because keep-alive connections then do not stay with one worker, but a sync worker is blocked for the whole of
any slow call a request makes (the SMTP delivery right after a form is sent, the SMS gateway).

Settings (environment): BENCH_THREADS (gunicorn threads per worker, 4), BENCH_WORKERS (2), BENCH_USERS (100),
BENCH_SECONDS (45, the mixed phase), BENCH_SHORT_SECONDS (15, the plan-only and ceiling phases),
BENCH_CITIZENS (5000), BENCH_QUICK (1: only the plan page, the ceiling and the reference apps, for trying a change
quickly).
"""

import contextlib
import math
import multiprocessing
import os
import platform
import secrets
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "selfservice"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
THREADS = int(os.environ.get("BENCH_THREADS", "4"))
USERS = int(os.environ.get("BENCH_USERS", "100"))
MIXED_SECONDS = float(os.environ.get("BENCH_SECONDS", "45"))
THINK = (0.5, 1.5)  # seconds a user of the mixed phase pauses between requests (see the docstring)
SHORT_SECONDS = float(os.environ.get("BENCH_SHORT_SECONDS", "15"))
CITIZENS = int(os.environ.get("BENCH_CITIZENS", "5000"))
QUICK = os.environ.get("BENCH_QUICK") == "1"
TEAMS = 50
CITIZEN_SESSIONS = 300
STAFF_SESSIONS = 20
GENERATOR_PROCESSES = 2
MAX_REQUESTS = 500_000  # per phase: the time limit ends a phase first on any machine this runs on today
WARMUP_SECONDS = 4
HEADROOM_USERS = (5, 10, 20)
HEADROOM_SECONDS = 10
P95_TARGET_MS = 200
RATIO_TARGET = 0.30
OUTBOX_MESSAGES = 200
COOKIE = "selfservice_session"

# The day-to-day mix, per request (weights add up to 100).
MIX = [
    ("plan", 30),  # GET /me/plan/
    ("meetings", 20),  # GET /me/meetings/
    ("guide index", 5),  # GET /guides
    ("guide article", 15),  # GET /guides/<slug>
    ("assistant", 10),  # POST /api/assistant, anonymous
    ("autosave", 10),  # POST /me/form/goals/autosave
    ("staff forms", 5),  # GET /staff/forms
    ("staff citizens", 5),  # GET /staff/
]
QUESTIONS = [
    "hvor længe kan man være på dagpenge",
    "hvem kan få kontanthjælp",
    "hvad er et ressourceforløb",
    "jeg er syg og kan ikke komme til mødet i morgen",
    "må jeg tage en bisidder med til samtalen",
    "hvordan klager jeg over en afgørelse",
    "kan jeg få en tolk til mødet",
    "hvad er seks ugers jobrettet uddannelse",
]
GUIDE_LANGS = ["da", "da", "da", "da", "en", "uk", "ar", "pl", "tr", "so", "fa"]
AUTOSAVE_STEP = "goals"
AUTOSAVE_FIELDS = [
    ("goal_kind", "job"),
    ("goal", "Lager eller chauffør"),
    ("matters", "Dagarbejde, højst 40 minutter hjemmefra ({n})"),
    ("first", "Et truckkursus"),
]


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.time()
    from benchload import services

    with contextlib.ExitStack() as stack:
        work = services.Workdir(stack).path
        step("Starting a throwaway PostgreSQL cluster and Redis server on loopback")
        pg = services.Postgres(stack, work)
        redis = services.Redis(stack, work)
        env = app_env(pg.url, redis.url, work)

        step("flask db upgrade, flask demo seed")
        for command in (["db", "upgrade"], ["demo", "seed"]):
            flask(command, env)
        step(f"Seeding {CITIZENS:,} citizens in {TEAMS} teams (bulk inserts)")
        t0 = time.time()
        app = in_process_app(env)
        from benchload.population import seed_population

        with app.app_context():
            people = seed_population(CITIZENS, TEAMS, CITIZEN_SESSIONS, STAFF_SESSIONS)
            analyze()
            totals = database_totals()
        seeded_in = time.time() - t0

        step(f"Starting 2 app instances and 2 × 2 minimal Flask instances (--workers {WORKERS} --threads {THREADS})")
        logs = work / "logs"
        logs.mkdir()

        def two_instances(app: str, cwd: Path, log: str, health: str) -> list:
            """Two gunicorn instances of one app with the same settings (selfservice, or a reference app)."""
            return [
                services.Gunicorn(
                    stack, BIN / "gunicorn", app, cwd, env, WORKERS, THREADS, logs / f"{log}{n}.log", health
                )
                for n in (1, 2)
            ]

        apps = two_instances("wsgi:app", ROOT, "app", "/healthz")
        hellos = two_instances("hello:app", ROOT / "scripts" / "benchload", "hello", "/")
        db_readers = two_instances("hello_db:app", ROOT / "scripts" / "benchload", "hello_db", "/1")
        for instance in apps + hellos + db_readers:
            instance.wait()
        app_ports = [a.port for a in apps]

        step(f"Priming {len(people.citizen_sessions)} citizen and {len(people.staff_sessions)} caseworker sessions")
        citizens, staff = prime_sessions(app_ports, people)
        users = user_data(citizens, staff)

        header(pg.version, redis.version, people, totals, seeded_in, background_load())
        groups = {
            "app": lambda: [p for a in apps for p in a.pids()],
            "PostgreSQL": pg.pids,
            "Redis": redis.pids,
            "ceiling app": lambda: [p for h in hellos for p in h.pids()],
            "reading app": lambda: [p for h in db_readers for p in h.pids()],
        }

        run_phase("warm-up", app_ports, MIX, users, WARMUP_SECONDS, groups, quiet=True)
        plan_only = run_phase("plan only", app_ports, [("plan", 1)], users, SHORT_SECONDS, groups)
        report_phase("Plan page alone", plan_only, ["plan"])
        ceiling = run_phase("ceiling", [h.port for h in hellos], [("hello", 1)], users, SHORT_SECONDS, groups)
        report_phase(
            "Ceiling: minimal Flask app (scripts/benchload/hello.py), same gunicorn settings",
            ceiling,
            ["hello"],
            cpu_groups=("ceiling app",),
        )
        floors = {}
        for kind, rows in (("one query", "one row"), ("two queries", "two rows")):
            floors[kind] = run_phase(kind, [h.port for h in db_readers], [(kind, 1)], users, SHORT_SECONDS, groups)
            report_phase(
                f"The same minimal app reading {rows} from PostgreSQL (scripts/benchload/hello_db.py)",
                floors[kind],
                [kind],
                cpu_groups=("reading app",),
            )
        if QUICK:
            report_ratio(plan_only, ceiling, floors)
            return
        mixed = run_phase("mixed", app_ports, MIX, users, MIXED_SECONDS, groups, think=THINK)
        report_phase(
            f"Mixed load, {USERS} users each pausing {THINK[0]}-{THINK[1]} s between requests",
            mixed,
            [k for k, _ in MIX],
            target=True,
        )
        flat_out = run_phase("mixed, no pauses", app_ports, MIX, users, MIXED_SECONDS, groups)
        report_phase(
            f"Mixed load, {USERS} users never pausing (the most these servers can do)", flat_out, [k for k, _ in MIX]
        )
        report_ratio(plan_only, ceiling, floors)
        report_headroom(app_ports, users, groups)

        step("Multi-instance checks")
        results = multi_instance_checks(app, app_ports, people, env, stack, redis)
        print_checks(results)
        report_logs(logs)
    print(f"\nTotal run time {time.time() - started:.0f} s (services stopped and deleted)")


# --- setup -----------------------------------------------------------------------------------------------------


def step(text: str) -> None:
    print(f"· {text}", flush=True)


def app_env(database_url: str, redis_url: str, work: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SELFSERVICE_") and k != "PORT"}
    instance = work / "instance"
    instance.mkdir()
    return env | {
        "FLASK_APP": "wsgi.py",
        "SELFSERVICE_DATABASE_URL": database_url,
        "SELFSERVICE_RATELIMIT_STORAGE_URI": redis_url,
        "SELFSERVICE_DEMO_MODE": "1",
        "SELFSERVICE_SECRET_KEY": secrets.token_hex(20),  # 40 characters, the same on both instances
        "SELFSERVICE_RATELIMIT_ASSISTANT": "100000 per minute",
        "SELFSERVICE_INSTANCE_PATH": str(instance),
    }


def flask(command: list[str], env: dict, extra: dict | None = None) -> str:
    done = subprocess.run(
        [str(BIN / "flask"), *command], cwd=ROOT, env=env | (extra or {}), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"flask {' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def in_process_app(env: dict):
    os.environ.update({k: v for k, v in env.items() if k.startswith("SELFSERVICE_") or k == "FLASK_APP"})
    from selfservice import create_app

    return create_app()


def analyze() -> None:
    """Planner statistics for the freshly loaded tables, as autovacuum would have them on a live database."""
    from sqlalchemy import text

    from selfservice.extensions import db

    db.session.commit()
    db.session.execute(text("ANALYZE"))
    db.session.commit()


def database_totals() -> dict:
    from sqlalchemy import func, select

    from selfservice.extensions import db
    from selfservice.models import Citizen, Meeting, PlanVersion, PreparationForm, StaffUser, Team

    def count(model) -> int:
        return db.session.scalar(select(func.count()).select_from(model))

    return {
        "citizens": count(Citizen),
        "teams": count(Team),
        "staff": count(StaffUser),
        "published plans": count(PlanVersion),
        "meetings": count(Meeting),
        "forms": count(PreparationForm),
    }


def prime_sessions(ports: list[int], people) -> tuple[list[dict], list[str]]:
    """Open a page in each session once, as the browser did after signing in: the citizen's on the form step that
    autosave posts to, to read the CSRF token Flask-WTF keeps in the session."""
    from benchload.checks import _get, csrf_from

    def citizen(index_sid):
        index, sid = index_sid
        cookie = f"{COOKIE}={sid}"
        port = ports[index % len(ports)]
        page = _get(port, f"/me/form/{AUTOSAVE_STEP}", cookie)
        token = csrf_from(page.text) if page.status_code == 200 else None
        if token is None:
            raise SystemExit(f"no CSRF token on /me/form/{AUTOSAVE_STEP} (status {page.status_code})")
        return {"cookie": cookie, "csrf": token}

    def caseworker(index_sid):
        index, sid = index_sid
        cookie = f"{COOKIE}={sid}"
        response = _get(ports[index % len(ports)], "/staff/", cookie)
        if response.status_code != 200:
            raise SystemExit(f"caseworker session not accepted (status {response.status_code})")
        return cookie

    with ThreadPoolExecutor(8) as pool:
        citizens = list(pool.map(citizen, enumerate(people.citizen_sessions)))
        staff = list(pool.map(caseworker, enumerate(people.staff_sessions)))
    return citizens, staff


def user_data(citizens: list[dict], staff: list[str]) -> list[dict]:
    """Each virtual user has its own citizens (3 of the 300 sessions) and one of the caseworker sessions."""
    guides = sorted(p.name for p in (PACKAGE / "content").iterdir() if p.is_dir() and (p / "da.md").exists())
    per_user = max(1, len(citizens) // USERS)
    return [
        {
            "citizens": [citizens[(i * per_user + k) % len(citizens)] for k in range(per_user)],
            "staff": staff[i % len(staff)],
            "guides": guides,
            "guide_langs": GUIDE_LANGS,
            "questions": QUESTIONS,
            "autosave_step": AUTOSAVE_STEP,
            "autosave_fields": AUTOSAVE_FIELDS,
        }
        for i in range(USERS)
    ]


def background_load(seconds: float = 2.0) -> float:
    """How busy the machine is before the load starts (other work skews every figure), in % of one core."""
    from benchload import services

    before = services.machine_cpu()
    time.sleep(seconds)
    after = services.machine_cpu()
    return (after[0] - before[0]) / seconds * 100


def header(pg_version: str, redis_version: str, people, totals: dict, seeded_in: float, background: float) -> None:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GB RAM"
    redis_short = redis_version.split(" v=")[1].split()[0] if " v=" in redis_version else redis_version
    print("\nselfservice under load: two instances on PostgreSQL and Redis")
    print(f"  machine     {os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}")
    print(f"  software    Python {platform.python_version()}, {pg_version}, Redis {redis_short}")
    print(
        f"  app         2 instances × gunicorn --workers {WORKERS} --threads {THREADS} "
        f"({2 * WORKERS * THREADS} requests at a time in all), demo mode, loopback"
    )
    print(
        f"  population  {totals['citizens']:,} citizens in {totals['teams']} teams, {totals['staff']} staff; "
        f"{totals['published plans']:,} published plans ({people.activities:,} activities), "
        f"{totals['meetings']:,} meetings, {totals['forms']:,} preparation forms "
        f"({people.forms_draft:,} drafts, {people.forms_submitted:,} submitted); seeded in {seeded_in:.1f} s"
    )
    quiet = "quiet" if background < 10 else "NOT quiet: other work is running, figures will be low"
    print(f"  idle load   {background:.0f} % of one core busy before the run ({quiet})")
    print(
        f"  load        {USERS} virtual users in {GENERATOR_PROCESSES} processes on the same machine; "
        f"{len(people.citizen_sessions)} signed-in "
        f"citizens, {len(people.staff_sessions)} caseworkers; the two instances in turn"
    )


# --- load --------------------------------------------------------------------------------------------------------


def run_phase(
    name: str, ports: list[int], mix, users, seconds: float, groups: dict, quiet: bool = False, think=None
) -> dict:
    from benchload import services

    if not quiet:
        step(f"{name}: {seconds:.0f} s, {len(users)} users")
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    start_at = time.time() + 1.5
    share = math.ceil(len(users) / GENERATOR_PROCESSES)
    processes = []
    for n in range(GENERATOR_PROCESSES):
        spec = {
            "ports": ports,
            "mix": mix,
            "users": users[n * share : (n + 1) * share],
            "first_user": n * share,
            "start_at": start_at,
            "seconds": seconds,
            "max_requests": MAX_REQUESTS // GENERATOR_PROCESSES,
            "seed": 7 + n,
            "think": think,
        }
        process = context.Process(target=_generator, args=(spec, queue), daemon=True)
        process.start()
        processes.append(process)
    try:
        time.sleep(max(0.0, start_at - time.time()))
        cpu_before = {label: services.cpu_seconds(pids()) for label, pids in groups.items()}
        machine_before = services.machine_cpu()
        time.sleep(max(0.0, start_at + seconds - time.time()))
        cpu_after = {label: services.cpu_seconds(pids()) for label, pids in groups.items()}
        machine_after = services.machine_cpu()
        outcomes = [queue.get(timeout=120) for _ in processes]
    finally:
        for process in processes:
            if process.is_alive():
                process.join(timeout=5)
            if process.is_alive():
                process.terminate()
    failures = [o for o in outcomes if "failure" in o]
    if failures:
        raise SystemExit("the load generator failed:\n" + failures[0]["failure"])
    errors: dict = {}
    for outcome in outcomes:
        for key, count in outcome["errors"].items():
            errors[key] = errors.get(key, 0) + count
    cpu = {label: cpu_after[label] - cpu_before[label] for label in groups}
    cpu["load generator"] = sum(o["cpu"] for o in outcomes)
    busy = machine_after[0] - machine_before[0]
    # Whatever else ran on the machine meanwhile (the figures are only as good as the machine was quiet).
    cpu["other processes"] = max(0.0, busy - sum(cpu.values()))
    cpu["idle"] = max(0.0, (machine_after[1] - machine_before[1]) - busy)
    return {
        "samples": [s for o in outcomes for s in o["samples"]],
        "errors": errors,
        "duration": seconds,
        "cpu": cpu,
        "reconnects": sum(o["reconnects"] for o in outcomes),
    }


def _generator(spec: dict, queue) -> None:
    import traceback

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the run and then these processes
    try:
        from benchload.loadgen import run

        queue.put(run(spec))
    except Exception:  # reported by the parent
        queue.put({"failure": traceback.format_exc()})


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[max(0, math.ceil(fraction * len(sorted_values)) - 1)]


def summarise(samples) -> dict:
    latencies = sorted(s[1] * 1000 for s in samples)
    statuses = [s[2] for s in samples]
    return {
        "n": len(samples),
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "redirects": sum(1 for s in statuses if s is not None and 300 <= s < 400),
        "errors": sum(1 for s in statuses if s is None or s >= 400),
    }


def report_phase(title: str, phase: dict, kinds: list[str], target: bool = False, cpu_groups=("app",)) -> None:
    duration = phase["duration"]
    print(f"\n{title}: {len(phase['samples']):,} requests in {duration:.1f} s")
    columns = ("requests", 9), ("req/s", 7), ("p50 ms", 8), ("p95 ms", 8), ("p99 ms", 8), ("3xx", 5), ("errors", 7)
    print(f"  {'page':<30} " + " ".join(f"{name:>{width}}" for name, width in columns))
    labels = {
        "plan": "GET /me/plan/",
        "meetings": "GET /me/meetings/",
        "guide index": "GET /guides",
        "guide article": "GET /guides/<slug>",
        "assistant": "POST /api/assistant",
        "autosave": "POST /me/form/goals/autosave",
        "staff forms": "GET /staff/forms",
        "staff citizens": "GET /staff/",
        "hello": "GET / (minimal Flask app)",
        "one query": "GET /1 (minimal app, 1 SELECT)",
        "two queries": "GET /2 (minimal app, 2 SELECTs)",
    }
    for kind in kinds:
        row = summarise([s for s in phase["samples"] if s[0] == kind])
        print(_row(labels.get(kind, kind), row, duration))
    overall = summarise(phase["samples"])
    if len(kinds) > 1:
        print(_row("all", overall, duration))
    if phase["errors"]:
        shown = ", ".join(f"{kind} {what}: {count}" for (kind, what), count in sorted(phase["errors"].items(), key=str))
        print(f"  errors by kind: {shown}")
    if phase["reconnects"]:
        print(f"  keep-alive connections closed by the server and reopened (not errors): {phase['reconnects']:,}")
    cpu = phase["cpu"]
    shown = [
        label
        for label in (*cpu_groups, "PostgreSQL", "Redis", "load generator", "other processes", "idle")
        if label in cpu
    ]
    used = ", ".join(f"{label} {cpu[label] / duration * 100:.0f} %" for label in shown)
    print(f"  CPU (100 % = one core, {os.cpu_count()} cores): {used}")
    if cpu["other processes"] / duration > 0.10:
        print("  note: other processes used the CPU during this phase; the figures understate this machine")
    if target:
        ok = overall["p95"] < P95_TARGET_MS and overall["errors"] == 0
        print(
            f"  target: p95 under {P95_TARGET_MS} ms at {USERS} concurrent users (pausing), 0 errors: "
            f"p95 {overall['p95']:.0f} ms, {overall['errors']} errors  {'ok' if ok else 'OVER'}"
        )


def _row(label: str, row: dict, duration: float) -> str:
    return (
        f"  {label:<30} {row['n']:>9,} {row['n'] / duration:>7.0f} {row['p50']:>8.1f} {row['p95']:>8.1f} "
        f"{row['p99']:>8.1f} {row['redirects']:>5} {row['errors']:>7}"
    )


def report_ratio(plan_only: dict, ceiling: dict, floors: dict) -> None:
    """The target ratio, and beside it where the minimal app reading one and two rows lands: the part of the gap
    that no page reading the database can close, however little else it does."""

    def rate(phase: dict) -> float:
        return len(phase["samples"]) / phase["duration"]

    plan_rate, hello_rate = rate(plan_only), rate(ceiling)
    ratio = plan_rate / hello_rate if hello_rate else 0
    print(
        f"\nPlan page throughput against the ceiling (same users, same gunicorn settings): "
        f"{plan_rate:,.0f} / {hello_rate:,.0f} requests/s = {ratio:.0%}; target ≥ {RATIO_TARGET:.0%}  "
        f"{'ok' if ratio >= RATIO_TARGET else 'OVER'}"
    )
    for kind, phase in floors.items():
        floor = rate(phase) / hello_rate if hello_rate else 0
        print(f"  for comparison, the minimal app with {kind}: {rate(phase):,.0f} requests/s = {floor:.0%} of it")


def report_headroom(ports: list[int], users, groups) -> None:
    """The same mix with fewer users: how many users that never pause stay under the p95 target."""
    print(f"\nThe same mix with fewer users ({HEADROOM_SECONDS:.0f} s each), for comparison")
    for count in HEADROOM_USERS:
        phase = run_phase(f"mixed, {count} users", ports, MIX, users[:count], HEADROOM_SECONDS, groups, quiet=True)
        row = summarise(phase["samples"])
        verdict = "ok" if row["p95"] < P95_TARGET_MS and row["errors"] == 0 else "OVER"
        print(
            f"  {count:>3} users: {row['n'] / phase['duration']:>5.0f} requests/s, p50 {row['p50']:.0f} ms, "
            f"p95 {row['p95']:.0f} ms, errors {row['errors']}  {verdict}"
        )


# --- checks ------------------------------------------------------------------------------------------------------


def multi_instance_checks(app, ports: list[int], people, env: dict, stack, redis) -> list:
    import hashlib

    from benchload import checks, services
    from benchload.population import queue_outbox
    from sqlalchemy import func, select

    from selfservice.extensions import db
    from selfservice.models import OutboxMessage, WebSession

    results = []
    cookie = f"{COOKIE}={people.check_citizen_session}"
    results.append(checks.session_on_both(ports, cookie, people.check_citizen_name))

    def still_stored() -> bool:
        digest = hashlib.sha256(people.check_citizen_session.encode()).hexdigest()
        with app.app_context():
            return db.session.get(WebSession, digest) is not None

    results.append(checks.sign_out_everywhere(ports, cookie, still_stored))
    limit = checks.shared_sign_in_limit(ports, COOKIE)
    keys = redis.command("DBSIZE").decode().strip().lstrip(":")
    limit.detail += f"; Redis holds {keys} rate-limit keys"
    results.append(limit)

    sink = services.SmtpSink(stack)
    tag = secrets.token_hex(3)
    with app.app_context():
        expected = queue_outbox(OUTBOX_MESSAGES, tag)

    def sent_once() -> int:
        with app.app_context():
            return db.session.scalar(
                select(func.count()).where(
                    OutboxMessage.subject.in_(expected), OutboxMessage.sent_at.is_not(None), OutboxMessage.attempts == 1
                )
            )

    sender_env = env | {"SELFSERVICE_SMTP_HOST": "127.0.0.1", "SELFSERVICE_SMTP_PORT": str(sink.port)}
    results.append(checks.parallel_senders(str(BIN / "flask"), str(ROOT), sender_env, expected, sink, sent_once))
    with app.app_context():
        db.engine.dispose()
    return results


def print_checks(results) -> None:
    print("\nSeveral instances")
    for check in results:
        print(f"  {check.name}: {'ok' if check.ok else 'FAIL'}")
        print(f"      {check.detail}")


def report_logs(logs: Path) -> None:
    """Tracebacks in the app instances' logs point at the requests that failed."""
    lines = []
    for log in sorted(logs.glob("app*.log")):
        text = log.read_text(errors="replace")
        count = text.count("Traceback")
        if count:
            last = [ln for ln in text.splitlines() if ln and not ln.startswith((" ", "Traceback"))]
            lines.append(f"  {log.name}: {count} tracebacks, e.g. {last[-1][:200] if last else ''}")
    print("\nApp logs: " + ("no tracebacks" if not lines else ""))
    for line in lines:
        print(line)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        print("\nInterrupted: the services were stopped and deleted.", file=sys.stderr)
        sys.exit(130)
