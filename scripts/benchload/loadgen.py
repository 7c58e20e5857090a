"""The load generator: virtual users on keep-alive http.client connections, in a few processes (no GIL between
them). Each user sends its next request as soon as the answer to the last one has arrived, or, with a think time,
after a pause drawn from it (a person reading the page before the next click).

Kept light on purpose: it imports nothing from selfservice, builds every request from plain data handed over by
the parent, and records only (kind, latency, status) per request. Each user keeps one connection to every instance
and takes the instances in turn, request by request (round robin).
"""

import http.client
import json
import random
import resource
import threading
import time
from urllib.parse import urlencode

# The reference apps (hello.py: the ceiling; hello_db.py: reading one and two rows).
REFERENCE_PATHS = {"hello": "/", "one query": "/1", "two queries": "/2"}
RETRYABLE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, http.client.BadStatusLine)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class _User:
    def __init__(self, number: int, spec: dict, data: dict):
        self.rng = random.Random(spec["seed"] * 1000 + number)
        self.ports = spec["ports"]
        self.turn = number % len(self.ports)
        self.conns: list[http.client.HTTPConnection | None] = [None] * len(self.ports)
        self.data = data
        self.saves = 0
        self.reconnects = 0

    def send(self, method: str, path: str, body, headers: dict) -> tuple[int | None, str | None]:
        index = self.turn % len(self.ports)
        self.turn += 1
        for attempt in (0, 1):
            conn = self.conns[index]
            reused = conn is not None
            if conn is None:
                conn = self.conns[index] = http.client.HTTPConnection("127.0.0.1", self.ports[index], timeout=30)
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.will_close:
                    conn.close()
                    self.conns[index] = None
                return response.status, None
            except RETRYABLE as error:
                # The server closed an idle keep-alive connection: a browser silently opens a new one.
                conn.close()
                self.conns[index] = None
                if reused and attempt == 0:
                    self.reconnects += 1
                    continue
                return None, type(error).__name__
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                self.conns[index] = None
                return None, type(error).__name__
        return None, "retry"

    def close(self) -> None:
        for conn in self.conns:
            if conn is not None:
                conn.close()

    # One builder per kind of request: (method, path, body, headers).
    def build(self, kind: str):
        rng = self.rng
        base = {"Accept-Language": "da"}
        if kind in REFERENCE_PATHS:
            return "GET", REFERENCE_PATHS[kind], None, base
        if kind in ("plan", "meetings"):
            citizen = rng.choice(self.data["citizens"])
            path = "/me/plan/" if kind == "plan" else "/me/meetings/"
            return "GET", path, None, base | {"Cookie": citizen["cookie"]}
        if kind == "guide index":
            lang = rng.choice(self.data["guide_langs"])
            return "GET", "/guides", None, {"Accept-Language": lang}
        if kind == "guide article":
            lang = rng.choice(self.data["guide_langs"])
            return "GET", "/guides/" + rng.choice(self.data["guides"]), None, {"Accept-Language": lang}
        if kind == "assistant":
            body = json.dumps({"message": rng.choice(self.data["questions"]), "lang": "da"}, ensure_ascii=False)
            return "POST", "/api/assistant", body.encode(), base | {"Content-Type": "application/json"}
        if kind == "autosave":
            # What static/js/form.js posts a few seconds after typing stops: the step's fields, with the token
            # from the page (here in the X-CSRFToken header).
            citizen = rng.choice(self.data["citizens"])
            self.saves += 1
            fields = [(k, v.replace("{n}", str(self.saves))) for k, v in self.data["autosave_fields"]]
            headers = base | {
                "Cookie": citizen["cookie"],
                "X-CSRFToken": citizen["csrf"],
                "Content-Type": "application/x-www-form-urlencoded",
            }
            return "POST", f"/me/form/{self.data['autosave_step']}/autosave", urlencode(fields).encode(), headers
        if kind == "staff forms":
            return "GET", "/staff/forms", None, base | {"Cookie": self.data["staff"]}
        if kind == "staff citizens":
            return "GET", "/staff/", None, base | {"Cookie": self.data["staff"]}
        raise ValueError(kind)


def run(spec: dict) -> dict:
    """One process's share of the virtual users. spec: ports, mix [(kind, weight)], users [data per user],
    start_at (epoch seconds, the same for every process), seconds, max_requests (this process's share), seed,
    think (None, or (shortest, longest) pause in seconds between a user's requests).

    Only requests that complete inside [start_at, start_at + seconds] are counted, so requests per second, latency
    and the CPU figures all describe the same window."""
    kinds = [k for k, _ in spec["mix"]]
    weights = [w for _, w in spec["mix"]]
    users = [_User(i + spec["first_user"], spec, data) for i, data in enumerate(spec["users"])]
    remaining = [spec["max_requests"]]
    lock = threading.Lock()
    results: list[list] = []
    errors: list[dict] = []
    time.sleep(max(0.0, spec["start_at"] - time.time()))
    stop_at = spec["start_at"] + spec["seconds"]
    cpu = [_cpu(), None]

    def sample_cpu_at_stop():
        time.sleep(max(0.0, stop_at - time.time()))
        cpu[1] = _cpu()

    sampler = threading.Thread(target=sample_cpu_at_stop, daemon=True)
    sampler.start()

    def loop(user: _User):
        mine: list[tuple[str, float, int | None]] = []
        failed: dict = {}
        rng = user.rng
        think = spec.get("think")
        if think:
            time.sleep(rng.uniform(0, think[1]))  # people do not all click at the same instant
        while time.time() < stop_at:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            kind = rng.choices(kinds, weights)[0]
            method, path, body, headers = user.build(kind)
            started = time.perf_counter()
            status, error = user.send(method, path, body, headers)
            if time.time() > stop_at:
                break  # still in flight at the end: not counted (as wrk does), so every figure is in the window
            mine.append((kind, time.perf_counter() - started, status))
            if error or status is None or status >= 400:
                key = (kind, error or status)
                failed[key] = failed.get(key, 0) + 1
            if think:
                time.sleep(min(rng.uniform(*think), max(0.0, stop_at - time.time())))
        user.close()
        with lock:
            results.append(mine)
            errors.append(failed)

    threads = [threading.Thread(target=loop, args=(user,), daemon=True) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sampler.join()
    merged_errors: dict = {}
    for failed in errors:
        for key, count in failed.items():
            merged_errors[key] = merged_errors.get(key, 0) + count
    return {
        "samples": [sample for mine in results for sample in mine],
        "errors": merged_errors,
        "cpu": cpu[1] - cpu[0],
        "reconnects": sum(user.reconnects for user in users),
    }
