"""The properties that several instances must have: one session everywhere, one sign-out everywhere, one rate limit
everywhere (Redis), and one delivery per e-mail however many senders run at once."""

import re
import subprocess
import time
from dataclasses import dataclass

import requests

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


def csrf_from(html: str) -> str | None:
    found = CSRF.search(html)
    return found.group(1) if found else None


def _get(port: int, path: str, cookie: str | None = None) -> requests.Response:
    headers = {"Accept-Language": "da"} | ({"Cookie": cookie} if cookie else {})
    return requests.get(f"http://127.0.0.1:{port}{path}", headers=headers, allow_redirects=False, timeout=30)


def _post(port: int, path: str, data: dict, cookie: str | None) -> requests.Response:
    headers = {"Accept-Language": "da"} | ({"Cookie": cookie} if cookie else {})
    return requests.post(
        f"http://127.0.0.1:{port}{path}", data=data, headers=headers, allow_redirects=False, timeout=30
    )


def _cookie_value(response: requests.Response, name: str) -> str | None:
    return response.cookies.get(name)


def session_on_both(ports: list[int], cookie: str, name: str) -> Check:
    statuses = []
    for port in ports:
        response = _get(port, "/me/", cookie)
        statuses.append((response.status_code, name in response.text))
    ok = all(status == 200 and shows_name for status, shows_name in statuses)
    detail = ", ".join(f"instance {i}: {s}{' with the name' if n else ''}" for i, (s, n) in enumerate(statuses, 1))
    return Check("one session cookie works on both instances (GET /me/)", ok, detail)


def sign_out_everywhere(ports: list[int], cookie: str, session_still_stored) -> Check:
    first, second = ports[0], ports[1]
    before = _get(second, "/me/", cookie).status_code
    page = _get(first, "/me/", cookie)
    token = csrf_from(page.text)
    out = _post(first, "/logout", {"csrf_token": token or ""}, cookie)
    after = _get(second, "/me/", cookie)
    location = after.headers.get("Location", "")
    stored = session_still_stored()
    ok = (
        before == 200
        and out.status_code in (302, 303)
        and after.status_code in (302, 303)
        and ("/login" in location or "/signed-out" in location)
        and not stored
    )
    detail = (
        f"instance 2 before: {before}; POST /logout on instance 1: {out.status_code}; "
        f"instance 2 after: {after.status_code} → {location or '-'}; session row left in the database: {stored}"
    )
    return Check("signing out on instance 1 ends the session on instance 2", ok, detail)


def shared_sign_in_limit(ports: list[int], cookie_name: str, attempts: int = 12) -> Check:
    """Wrong staff passwords for an unknown address (so no account gets locked), alternating the instances.
    With 10 per minute per IP shared through Redis, attempts 1-10 get 400 and 11 on get 429 on either instance;
    with a limit per instance, attempt 11 would be only the 6th on its instance."""
    page = _get(ports[0], "/staff/login")
    cookie = f"{cookie_name}={_cookie_value(page, cookie_name)}"
    token = csrf_from(page.text)
    seen = []
    for attempt in range(attempts):
        port = ports[attempt % len(ports)]
        response = _post(
            port,
            "/staff/login",
            {"csrf_token": token or "", "email": "nobody@bench.invalid", "password": "not-the-password"},
            cookie,
        )
        seen.append(response.status_code)
    ok = seen[:10] == [400] * 10 and all(s == 429 for s in seen[10:])
    shown = " ".join(f"{s}@{(i % len(ports)) + 1}" for i, s in enumerate(seen))
    return Check(
        "sign-in limit (10 per minute per IP) is shared through Redis",
        ok,
        f"POST /staff/login status@instance: {shown}",
    )


def parallel_senders(flask: str, cwd: str, env: dict, expected: list[str], sink, sent_in_db) -> Check:
    """`flask notifications send` twice at once against one outbox; every message must reach the sink once."""
    started = time.time()
    processes = [
        subprocess.Popen(
            [flask, "notifications", "send"],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        for _ in range(2)
    ]
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        outputs.append((process.returncode, out.strip() or err.strip()[-300:]))
    took = time.time() - started
    sent_counts = []
    for code, text in outputs:
        found = re.search(r"sent (\d+), failed (\d+)", text)
        sent_counts.append(int(found.group(1)) if found and code == 0 else None)
    received = list(sink.subjects)
    wanted = set(expected)
    mine = [s for s in received if s in wanted]
    duplicates = len(mine) - len(set(mine))
    missing = len(wanted - set(mine))
    in_db = sent_in_db()
    ok = (
        all(c is not None for c in sent_counts)
        and duplicates == 0
        and missing == 0
        and sum(sent_counts) == len(received)
        and in_db == len(expected)
    )
    per_sender = ", ".join(
        f"sender {i}: {'sent ' + str(c) if c is not None else 'FAILED ' + t}"
        for i, (c, (_code, t)) in enumerate(zip(sent_counts, outputs, strict=True), 1)
    )
    detail = (
        f"{len(expected)} queued; {per_sender} (in {took:.1f} s); the SMTP sink got {len(received)}, "
        f"duplicates {duplicates}, missing {missing}; marked sent exactly once in the outbox: {in_db}"
    )
    overlap = all(c for c in sent_counts if c is not None)
    if ok and not overlap:
        detail += " (the two senders did not overlap: one of them sent nothing)"
    return Check("two notification senders at once send each message exactly once", ok, detail)
