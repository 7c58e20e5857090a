"""Development check for the front-end build (not part of `make test`): do pages look the same with the purged,
post-processed static/build/site.<hash>.css as with the whole design system + app.css they had before?

It renders pages of a running demo instance in Debian's Chromium and compares getComputedStyle() of every element
(and its ::before/::after, and ::marker) between stylesheets, at a phone and a desktop width, in Danish and in a
right-to-left language, in three states: as loaded; with every checkbox/radio checked and every <details> open;
and with each focusable element focused in turn. Three stylesheets (scripts/assets/css-variants.mjs):

  full  the whole dkfds (web fonts stripped) + app.css, as served before static/build
  site  the built site.css
  old   site.css as a browser without CSS logical properties applies it (iOS 12): logical declarations dropped, the
        generated physical fallbacks applied. Compared with `site`, this checks the fallbacks, not the purge.

Usage (from the project root, after `npm run build`):

    .venv/bin/python scripts/assets/compare_purge.py --serve          # seeds and runs a demo in /tmp/assetcheck
    .venv/bin/python scripts/assets/compare_purge.py --base http://127.0.0.1:5099   # an instance you run yourself

Exit status 1 if any computed style differs. Stylesheets are swapped in the loaded page (the page's own <link>s are
replaced), so the DOM compared is the very same; CSP is bypassed for that, and transitions are switched off.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlparse

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
VIEWPORTS = [(360, 740), (1280, 800)]
PUBLIC_PAGES = [
    "/",
    "/guides",
    "/guides/dagpenge",
    "/guides/uddannelsesloeft",
    "/assistant",
    "/login",
    "/login/code",
    "/self-checks/uddannelsesloeft",
    "/accessibility",
    "/privacy",
    "/contact",
    "/staff/login",
    "/kiosk/",
    "/no-such-page",
]
# Crawled from these (same-site GET links, one level deep), signed in as a demo person.
CITIZEN_START = ["/me/", "/me/plan/", "/me/meetings/", "/me/messages/", "/me/form/"]
STAFF_START = ["/staff/", "/staff/forms", "/staff/inbox"]
KIOSK_START = ["/kiosk/", "/kiosk/menu"]
SKIP = re.compile(r"logout|/static/|\.ics$|/dev-idp/|/api/|/login|lang=|#|/feed|/calendar|/download|\.pdf$|/print$")
# Put to the assistant first, so /assistant shows answers, a list of choices, and the crisis notice.
QUESTIONS = [
    "Hvad er dagpenge?",
    "Hvornår skal jeg melde mig ledig?",
    "dagpenge چیست؟",
    "Jeg har det så dårligt at jeg ikke vil leve mere",
]
CSS_VARIANTS = ["full", "site", "old"]
COMPARISONS = [("full", "site"), ("site", "old")]

COLLECT_JS = r"""
([mode, key]) => {
  const norm = (v) => v.replace(/url\("?([^")]*)"?\)/g, (m, u) => {
    const file = u.split('/').pop().replace(/\.[0-9a-f]{10}(\.[a-z]+)$/, '$1');
    return `url(${file})`;
  });
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList.length) s += '.' + [...el.classList].join('.');
    return s;
  };
  const styles = (el, pseudo) => {
    const cs = getComputedStyle(el, pseudo);
    if (pseudo && pseudo !== '::marker' && (cs.content === 'none' || cs.content === 'normal')) return null;
    const out = {};
    for (let i = 0; i < cs.length; i++) { const p = cs[i]; out[p] = norm(cs.getPropertyValue(p)); }
    return out;
  };
  const all = [document.documentElement, ...document.documentElement.querySelectorAll('body, body *')];
  const snap = (el, label) => ({
    el: label || describe(el),
    self: styles(el, null), before: styles(el, '::before'), after: styles(el, '::after'),
    marker: el.tagName === 'LI' || el.tagName === 'SUMMARY' ? styles(el, '::marker') : null,
  });
  let out;
  if (mode === 'all') {
    out = all.map((el) => snap(el));
  } else {
    // each focusable element focused in turn, with its next sibling (a checkbox's label draws the ring)
    out = [];
    const focusable = all.filter((el) => el.matches(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'));
    for (const el of focusable) {
      el.focus({ preventScroll: true });
      const label = describe(el) + ' [focused]';
      out.push(snap(el, label));
      const next = el.nextElementSibling;
      if (next) out.push(snap(next, describe(next) + ' [after ' + label + ']'));
      el.blur();
    }
  }
  (window.__assetcheck ||= {})[key] = out;
  return out.length;
}
"""

DIFF_JS = r"""
([left, right]) => {
  const a = window.__assetcheck[left], b = window.__assetcheck[right], out = [];
  if (a.length !== b.length) return [['(page)', 'element count', String(a.length), String(b.length)]];
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x.el !== y.el) return [['(page)', 'element order', x.el, y.el]];
    for (const part of ['self', 'before', 'after', 'marker']) {
      const sx = x[part], sy = y[part];
      if (!sx && !sy) continue;
      const label = part === 'self' ? x.el : `${x.el}::${part}`;
      if (!sx || !sy) {
        out.push([label, '(pseudo-element)', sx ? 'present' : 'absent', sy ? 'present' : 'absent']);
        continue;
      }
      for (const p of new Set([...Object.keys(sx), ...Object.keys(sy)])) {
        if (sx[p] !== sy[p]) out.push([label, p, sx[p] ?? null, sy[p] ?? null]);
      }
    }
  }
  return out;
}
"""

SWAP_JS = r"""
async (href) => {
  for (const link of [...document.querySelectorAll('link[rel=stylesheet]')]) link.remove();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve, reject) => { link.onload = resolve; link.onerror = reject; });
  document.head.append(link);
  await loaded;
  document.body.getBoundingClientRect();
}
"""

NO_MOTION = "*,*::before,*::after{transition:none!important;animation:none!important;caret-color:auto!important}"

STATE_JS = r"""
() => {
  for (const el of document.querySelectorAll('input[type=checkbox], input[type=radio]')) el.checked = true;
  for (const el of document.querySelectorAll('details')) el.open = true;
}
"""


def build_variants(out: Path) -> dict[str, str]:
    subprocess.run(["node", "scripts/assets/css-variants.mjs", str(out)], cwd=ROOT, check=True)
    no_motion = "\n@media all{" + NO_MOTION + "}\n"
    return {name: (out / f"{name}.css").read_text() + no_motion for name in CSS_VARIANTS}


def start_server(port: int, instance: str) -> subprocess.Popen:
    env = {**os.environ, "SELFSERVICE_DEMO_MODE": "1", "SELFSERVICE_INSTANCE_PATH": instance, "FLASK_APP": "wsgi.py"}
    env["PORT"] = str(port)  # the demo identity provider's issuer URL is built from it
    flask = str(ROOT / ".venv/bin/flask")
    Path(instance).mkdir(parents=True, exist_ok=True)
    subprocess.run([flask, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([flask, "demo", "seed"], cwd=ROOT, env=env, check=True, capture_output=True)
    proc = subprocess.Popen(
        [flask, "run", "-p", str(port)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("the demo server did not start")


def with_lang(url: str, lang: str | None) -> str:
    if not lang:
        return url
    return url + ("&" if "?" in url else "?") + f"lang={lang}"


def sign_in(page, base: str, start: str, who: str) -> bool:
    page.goto(urljoin(base, start))
    if start == "/staff/login":
        link = page.locator("main a[href$='/staff/login/sso']").first
        if link.count() == 0:
            return False
        link.click()
    else:
        page.goto(urljoin(base, "/login/mitid"))
    button = page.locator("button.person-button", has_text=who)
    if button.count() == 0:
        return False
    button.first.click()
    page.wait_for_load_state("load")
    return True


def ask_assistant(page, base: str) -> None:
    for question in QUESTIONS:
        page.goto(urljoin(base, "/assistant"))
        page.fill("#ask-form textarea", question)
        page.click("#ask-form button[type=submit]")
        page.wait_for_load_state("networkidle")


def crawl(page, base: str, starts: list[str], prefix: str, limit: int) -> list[str]:
    found: list[str] = []
    for start in starts:
        if start not in found:
            found.append(start)
    for start in starts:
        try:
            page.goto(urljoin(base, start))
        except Exception as exc:  # noqa: BLE001 - a start page that fails is simply not crawled
            print(f"  {start}: not crawled: {exc}", file=sys.stderr)
            continue
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            url = urlparse(urljoin(page.url, href))
            if url.netloc != urlparse(base).netloc or SKIP.search(href) or not url.path.startswith(prefix):
                continue
            path = url.path + (f"?{url.query}" if url.query else "")
            if path not in found:
                found.append(path)
    return found[:limit]


def check_page(page, base: str, path: str, report) -> None:
    page.set_viewport_size({"width": VIEWPORTS[0][0], "height": VIEWPORTS[0][1]})
    response = page.goto(urljoin(base, path))
    page.wait_for_load_state("load")
    status = response.status if response else "?"
    count = elements = 0
    for state in ("loaded", "checked+open", "focus"):
        if state == "checked+open":
            page.evaluate(STATE_JS)
        for width, height in VIEWPORTS:
            page.set_viewport_size({"width": width, "height": height})
            for name in CSS_VARIANTS:
                page.evaluate(SWAP_JS, f"{base}/__assetcheck/{name}.css")
                n = page.evaluate(COLLECT_JS, ["focus" if state == "focus" else "all", name])
                elements = elements or n
            for left, right in COMPARISONS:
                for d in page.evaluate(DIFF_JS, [left, right]):
                    report[(left, right)].append((path, status, state, width, *d))
                    count += 1
    print(f"  {path} ({status}): {elements} elements, {count} differences", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:5099")
    parser.add_argument(
        "--serve", action="store_true", help="seed and run a demo instance in --instance on --base's port"
    )
    parser.add_argument("--instance", default="/tmp/assetcheck")
    parser.add_argument("--langs", default=",ar", help="comma-separated ?lang= values; empty = the default language")
    parser.add_argument("--limit", type=int, default=25, help="pages per signed-in crawl")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--only", default="", help="check only paths matching this regular expression")
    parser.add_argument("--out", default=None, help="write all differences as JSON here")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    langs = [lang or None for lang in args.langs.split(",")]

    server = start_server(urlparse(base).port or 80, args.instance) if args.serve else None
    report: dict[tuple, list] = defaultdict(list)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            variants = build_variants(Path(tmp))
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])

                def new_page():
                    context = browser.new_context(bypass_csp=True, reduced_motion="reduce")

                    def route(r):
                        url = r.request.url
                        name = url.rsplit("/", 1)[-1].removesuffix(".css")
                        if "/__assetcheck/" in url and name in variants:
                            return r.fulfill(status=200, content_type="text/css", body=variants[name])
                        if url.endswith(".css"):  # the page's own stylesheets, replaced before each snapshot
                            return r.fulfill(status=200, content_type="text/css", body=variants["site"])
                        return r.fulfill(status=204, body="")  # icons: computed styles do not need them

                    context.route(re.compile(r".*(\.css|\.svg|\.png)(\?.*)?$"), route)
                    return context, context.new_page()

                groups = []
                _, page = new_page()
                ask_assistant(page, base)
                groups.append(("signed out", page, [with_lang(u, lang) for u in PUBLIC_PAGES for lang in langs]))

                _, page = new_page()
                if sign_in(page, base, "/login/mitid", "Jens Nielsen"):
                    pages = crawl(page, base, CITIZEN_START, "/me", args.limit)
                    ask_assistant(page, base)
                    pages.append("/assistant")
                    groups.append(
                        ("citizen (Jens Nielsen)", page, [with_lang(u, lang) for u in pages for lang in langs])
                    )
                else:
                    print("could not sign in as Jens Nielsen; citizen pages skipped", file=sys.stderr)

                _, page = new_page()
                if sign_in(page, base, "/staff/login", "Karen Holm"):
                    pages = crawl(page, base, STAFF_START, "/staff", args.limit)
                    groups.append(("staff (Karen Holm)", page, pages))
                else:
                    print("could not sign in as Karen Holm; staff pages skipped", file=sys.stderr)

                _, page = new_page()
                page.goto(urljoin(base, "/kiosk/activate/demo-kiosk-activation"))  # works once per seeded instance
                if page.locator("main form button[type=submit]").count():
                    page.locator("main form button[type=submit]").first.click()
                    page.wait_for_load_state("load")
                    pages = crawl(page, base, KIOSK_START, "/kiosk", 10)
                    groups.append(("kiosk", page, [with_lang(u, lang) for u in pages for lang in langs]))
                else:
                    print(
                        "the demo kiosk is already activated (seed a new --instance); kiosk pages skipped",
                        file=sys.stderr,
                    )

                for title, page, paths in groups:
                    paths = [path for path in paths if re.search(args.only, path)]
                    print(f"{title}: {len(paths)} pages", flush=True)
                    for path in paths:
                        try:
                            check_page(page, base, path, report)
                        except Exception as exc:  # noqa: BLE001 - report and go on with the next page
                            print(f"  {path}: failed: {exc}", flush=True)
                browser.close()
    finally:
        if server:
            server.terminate()
            server.wait()

    total = 0
    for left, right in COMPARISONS:
        rows = report[(left, right)]
        total += len(rows)
        print(f"\n{left} vs {right}: {len(rows)} differences")
        grouped: dict[tuple, list] = defaultdict(list)
        for path, _status, state, width, element, prop, a, b in rows:
            grouped[(element, prop, a, b)].append(f"{path} [{state}, {width}px]")
        for (element, prop, a, b), where in sorted(grouped.items(), key=lambda kv: -len(kv[1]))[:60]:
            print(f"  {element} {prop}: {a!r} -> {b!r}  ({len(where)}x, e.g. {where[0]})")
    if args.out:
        Path(args.out).write_text(json.dumps({f"{a} vs {b}": rows for (a, b), rows in report.items()}, indent=1))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
