"""`make bench`: page weight, first-visit bytes in a real browser, and landing-page throughput under gunicorn.

Prints figures; asserts nothing (budgets are printed beside the figures). Bounded: it stops by itself.
Everything runs on loopback against a throwaway demo database.
"""

import gzip
import http.client
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import bench_slow  # scripts/bench_slow.py: citizen pages on an old phone on a poor connection
import bench_workspace  # scripts/bench_workspace.py: Today and the team list for 120 citizens

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PUBLIC_PAGES = ["/", "/login", "/login/code", "/staff/login", "/accessibility", "/privacy", "/contact", "/signed-out"]
HTML_BUDGET = 14 * 1024
FIRST_VISIT_BUDGET = 100 * 1024
CONCURRENCY = 20
LOAD_REQUESTS = 4000
LOAD_SECONDS = 20


def report_size(label: str, body: bytes) -> None:
    size = len(gzip.compress(body, 6))
    verdict = "ok" if size <= HTML_BUDGET else "OVER"
    print(f"  {label:<28} {len(body):>7,} B raw {size:>7,} B compressed  {verdict}")


def page_weights(base: str) -> None:
    print("\nHTML of each public page (gzip -6), budget 14 KB")
    for path in PUBLIC_PAGES:
        report_size(path, urllib.request.urlopen(base + path, timeout=10).read())  # noqa: S310 - loopback


def signed_in_session(base: str, subject: str):
    """Sign in through the demo identity provider, as a person would."""
    import requests
    from bs4 import BeautifulSoup

    browser = requests.Session()
    start = browser.get(base + "/login/mitid", timeout=10)
    form = BeautifulSoup(start.text, "html.parser").find("form", method="post")
    data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    browser.post(start.url.split("?")[0], data=data | {"subject": subject, "level": "substantial"}, timeout=10)
    return browser


def step_weights(base: str) -> None:
    print("\nHTML of each preparation-form page, signed in (gzip -6), budget 14 KB")
    browser = signed_in_session(base, "demo-jens")
    for slug in ["", "education", "work", "competences", "successes", "goals", "resources", "check"]:
        for lang in ("da", "ar"):
            report_size(
                f"/me/form/{slug} [{lang}]", browser.get(f"{base}/me/form/{slug}?lang={lang}", timeout=10).content
            )


def what_applies_weights(base: str) -> None:
    """What applies to me: each question page, and the result signed in (Jens) and anonymous, in four languages."""
    import requests
    from bs4 import BeautifulSoup

    print("\nHTML of What applies to me (gzip -6), budget 14 KB")
    anyone = requests.Session()
    for key, value in [
        ("benefit", "kontanthjaelp"),
        ("age", "23"),
        ("education", "unskilled"),
        ("learning_danish", "yes"),
    ]:
        page = anyone.get(f"{base}/what-applies/{key}", timeout=10)
        report_size(f"/what-applies/{key}", page.content)
        token = BeautifulSoup(page.text, "html.parser").find("input", attrs={"name": "csrf_token"})["value"]
        anyone.post(f"{base}/what-applies/{key}", data={"csrf_token": token, "answer": value}, timeout=10)
    for lang in ("da", "ar", "so", "uk"):
        report_size(f"/what-applies/result [{lang}]", anyone.get(f"{base}/what-applies/result?lang={lang}").content)
    jens = signed_in_session(base, "demo-jens")
    page = jens.get(f"{base}/me/what-applies/change", timeout=10)
    token = BeautifulSoup(page.text, "html.parser").find("input", attrs={"name": "csrf_token"})["value"]
    answers = {"benefit": "dagpenge", "age": "52", "education": "unskilled", "learning_danish": ""}
    jens.post(f"{base}/me/what-applies/change", data=answers | {"csrf_token": token}, timeout=10)
    for lang in ("da", "ar", "so", "uk"):
        report_size(f"/me/what-applies [{lang}]", jens.get(f"{base}/me/what-applies?lang={lang}", timeout=10).content)


def guide_weights(base: str) -> None:
    """The guides index and the largest article, in every language (the largest by its compressed HTML)."""
    from selfservice.guides.content import load_library
    from selfservice.i18n import LANGUAGES

    print("\nHTML of the guides (gzip -6), budget 14 KB")
    for lang in LANGUAGES:
        report_size(f"/guides [{lang}]", urllib.request.urlopen(f"{base}/guides?lang={lang}", timeout=10).read())  # noqa: S310
    largest = (0, "", b"")
    for slug in load_library().articles:
        for lang in LANGUAGES:
            body = urllib.request.urlopen(f"{base}/guides/{slug}?lang={lang}", timeout=10).read()  # noqa: S310
            largest = max(largest, (len(gzip.compress(body, 6)), f"/guides/{slug} [{lang}]", body))
    report_size(f"largest: {largest[1]}", largest[2])


def assistant_latency() -> None:
    """Time from message to reply (language, rules, the model, the section), in process, over both evaluation sets,
    and the memory a worker needs with the model loaded."""
    import resource
    import statistics
    import time

    from selfservice import create_app
    from selfservice.assistant.evaluation import HELDOUT_DIR, load_cases
    from selfservice.config import TestConfig

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    app = create_app(TestConfig())  # loads the guides and the model (trained now if not cached)
    loaded = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assistant = app.extensions["assistant"]
    cases = load_cases() + load_cases(HELDOUT_DIR)
    timings = []
    with app.test_request_context():
        for _ in range(3):
            for case in cases:
                t0 = time.perf_counter()
                assistant.reply(case.question, case.lang)
                timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95)]
    print("\nAssistant per message (in process, one core, the model loaded), budget p95 50 ms and 300 MB a worker")
    print(f"  {len(assistant.classifier.labels)} labels, app with model ready in {loaded:.1f} s")
    print(f"  {len(timings)} replies: p50 {p50:.1f} ms, p95 {p95:.1f} ms  {'ok' if p95 < 50 else 'OVER'}")
    verdict = "ok" if after / 1024 < 300 else "OVER"
    print(
        f"  memory: {after / 1024:.0f} MB for the whole process after start-up "
        f"({(after - before) / 1024:.0f} MB of it for the app, guides and model)  {verdict}"
    )


def first_visit(base: str) -> None:
    from playwright.sync_api import sync_playwright

    print("\nFirst visit to the landing page in chromium (bytes on the wire), budget 100 KB")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        sizes: dict[str, int] = {}
        urls: dict[str, str] = {}
        cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        page.goto(base + "/", wait_until="networkidle")
        browser.close()
    total = 0
    other_hosts = 0
    for request_id, url in urls.items():
        size = sizes.get(request_id, 0)
        total += size
        if not url.startswith(base) and not url.startswith("data:"):
            other_hosts += 1
        print(f"  {size:>8,} B  {url.replace(base, '')}")
    print(
        f"  total {total:,} B ({total / 1024:.1f} KB) in {len(urls)} requests  "
        f"{'ok' if total <= FIRST_VISIT_BUDGET else 'OVER'}; requests to other hosts: {other_hosts}"
    )


def load(port: int) -> None:
    print(f"\nLanding page under gunicorn (2 workers), {CONCURRENCY} concurrent connections")
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    remaining = [LOAD_REQUESTS]
    stop_at = time.time() + LOAD_SECONDS

    def worker():
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.time() < stop_at:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            start = time.perf_counter()
            try:
                conn.request("GET", "/", headers={"Accept-Language": "da"})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                errors += 0 if ok else 1
        conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.perf_counter() - began
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000
    print(
        f"  {len(latencies):,} requests in {duration:.1f} s: {len(latencies) / duration:,.0f} requests/s, "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, errors {errors}"
    )
    print("  (the load generator runs on the same 2 cores as the server)")


def main() -> None:
    assistant_latency()
    bench_workspace.main()
    port = bench_slow.free_port()
    with tempfile.TemporaryDirectory() as instance:
        server = bench_slow.start_server(ROOT, port, instance)
        base = f"http://127.0.0.1:{port}"
        try:
            page_weights(base)
            step_weights(base)
            guide_weights(base)
            what_applies_weights(base)
            first_visit(base)
            bench_slow.report(bench_slow.measure(base))
            load(port)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
