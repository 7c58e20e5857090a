"""Citizen pages on an old phone on a poor connection: bytes of a first and a repeat visit, and the first paint.

The profile is the front-end review's harsh one (December 2026): 400 ms round trip, 400 kbit/s both ways, the CPU six
times slower, a 360 px screen. Chromium applies it itself (DevTools protocol network emulation and CPU throttling),
and the first paint is read from the browser's own performance timeline, so the figure includes the HTML's round trip,
every render-blocking file and the style and layout work. Each first visit starts with an empty cache; the repeat
visit goes to the same page again in the same browser, as a citizen coming back does.

Run by `make bench`; on its own, `python scripts/bench_slow.py [--root OTHER_CHECKOUT]` measures another checkout of
the app (the "before" figures of a change) with this script.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
PROFILE = {"latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8, "offline": False}
CPU_SLOWDOWN = 6
FIRST_PAINT_BUDGET_MS = 1600
HTML_BUDGET = 14 * 1024
RUNS = 3
PUBLIC = [
    "/",
    "/guides",
    "/guides/uddannelsesloeft?lang=ar",
    "/guides/dagpenge?lang=so",
    "/assistant?lang=fa",
    "/self-checks/uddannelsesloeft",
    "/login",
]
SIGNED_IN = ["/me/", "/me/plan/", "/me/meetings/", "MEETING", "/me/messages/", "/me/form/", "/me/form/education"]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(root: Path, port: int, instance: str) -> subprocess.Popen:
    """The app of `root` under gunicorn on a throwaway demo database, as `make run` serves it."""
    env = os.environ | {
        "FLASK_APP": "wsgi.py",
        "SELFSERVICE_DEMO_MODE": "1",
        "SELFSERVICE_INSTANCE_PATH": instance,
        "SELFSERVICE_BASE_URL": f"http://127.0.0.1:{port}",
        "PYTHONPATH": str(root),
    }
    for command in (["db", "upgrade"], ["demo", "seed"]):
        subprocess.run([str(BIN / "flask"), *command], cwd=root, env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", "2", "--threads", "4", "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310 - loopback
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not start")


def sign_in_cookies(base: str) -> tuple[list[dict], str]:
    """Jens signs in through the demo identity provider; his cookies, and the address of his first meeting."""
    import requests
    from bs4 import BeautifulSoup

    browser = requests.Session()
    start = browser.get(base + "/login/mitid", timeout=10)
    form = BeautifulSoup(start.text, "html.parser").find("form", method="post")
    data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    browser.post(start.url.split("?")[0], data=data | {"subject": "demo-jens", "level": "substantial"}, timeout=10)
    meetings = browser.get(base + "/me/meetings/", timeout=10).text
    meeting = re.search(r'href="(/me/meetings/[A-Za-z0-9_-]{8,})"', meetings)
    cookies = [{"name": c.name, "value": c.value, "url": base} for c in browser.cookies]
    return cookies, meeting.group(1) if meeting else "/me/meetings/"


class Visit:
    """One page load under the profile: what went over the network and when the first paint came."""

    def __init__(self, context, url: str):
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", PROFILE)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        self.bytes: dict[str, int] = {}
        self.types: dict[str, str] = {}  # request id -> resource type (Document, Stylesheet, ...)
        cached: set[str] = set()
        cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
        cdp.on("Network.requestWillBeSent", lambda e: self.types.__setitem__(e["requestId"], e.get("type", "")))
        cdp.on("Network.loadingFinished", lambda e: self.bytes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        response = page.goto(url, wait_until="load")
        self.status = response.status if response else 0
        page.wait_for_timeout(200)
        self.first_paint = page.evaluate(
            "() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime"
        )
        self.network = {rid: size for rid, size in self.bytes.items() if rid not in cached and size > 0}
        page.close()

    @property
    def total(self) -> int:
        return sum(self.network.values())

    @property
    def requests(self) -> int:
        return len(self.network)


def measure(base: str) -> list[tuple]:
    from playwright.sync_api import sync_playwright

    cookies, meeting = sign_in_cookies(base)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for path in PUBLIC + SIGNED_IN:
            signed_in = path in SIGNED_IN
            path = meeting if path == "MEETING" else path
            paints, firsts = [], []
            for _ in range(RUNS):
                context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
                if signed_in:
                    context.add_cookies(cookies)
                first = Visit(context, base + path)
                repeat = Visit(context, base + path)
                context.close()
                paints.append(first.first_paint)
                firsts.append(first)
            first = firsts[0]
            rows.append((path, first, repeat, statistics.median(paints)))
        browser.close()
    return rows


def report(rows: list[tuple]) -> None:
    print(
        f"\nCitizen pages on an old phone on a poor connection (400 ms RTT, 400 kbit/s, CPU x{CPU_SLOWDOWN}, 360 px);"
        f" first paint is the median of {RUNS} cold visits; budget {FIRST_PAINT_BUDGET_MS} ms"
    )
    print(f"  {'page':<34} {'first visit':>18} {'repeat visit':>18} {'HTML on wire':>13} {'first paint':>12}")
    for path, first, repeat, paint in rows:
        html_wire = sum(size for rid, size in first.network.items() if first.types.get(rid) == "Document")
        verdict = "ok" if paint <= FIRST_PAINT_BUDGET_MS and html_wire <= HTML_BUDGET else "OVER"
        print(
            f"  {path[:34]:<34} {first.total:>8,} B in {first.requests:>2} "
            f"{repeat.total:>8,} B in {repeat.requests:>2} {html_wire:>11,} B {paint:>9,.0f} ms  {verdict}"
        )
    worst = max(paint for *_, paint in rows)
    print(
        f"  slowest first paint {worst:,.0f} ms; repeat visits fetch {max(r[2].requests for r in rows)} file(s) at most"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout of the app to measure")
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as instance:
        server = start_server(args.root.resolve(), port, instance)
        try:
            report(measure(f"http://127.0.0.1:{port}"))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
