"""Every citizen page on a 360 px phone, in Danish and in Arabic: with the phone's text at 200 % nothing scrolls
sideways, and every button, field, radio or checkbox row and stand-alone link is at least 44 × 44 CSS px.

Why: citizens use old, small phones, often with large system text. WCAG 1.4.10 (400 % zoom) and 2.5.8 (24 px with a
spacing exception) pass without this; large text on a narrow screen and 44 px thumbs are what they actually need
(audit 2026-12, problems 6 and 7). The page list comes from the route map (tests/browser/routes.py), so a new
citizen page is checked without being added here.
"""

import pytest

from selfservice.extensions import db
from selfservice.models import Citizen
from tests.browser.conftest import signed_in_cookie
from tests.browser.routes import CITIZEN, PUBLIC, pages
from tests.helpers import citizen, seed_people, sign_in_as, staff

pytestmark = [pytest.mark.browser, pytest.mark.db]

LANGS = ["da", "ar"]  # left to right and right to left
NOT_FOR_CITIZENS = {"/staff/login"}
MINIMUM = 44

# Doubles the root font size (what a phone's large-text setting does to rem-based text), then reports the document's
# width and the innermost elements and text that stick out of the viewport, widest first.
DOUBLE_TEXT_AND_MEASURE = """() => {
  const root = document.documentElement;
  root.style.fontSize = 2 * parseFloat(getComputedStyle(root).fontSize) + 'px';
  const width = window.innerWidth;
  const outside = (r) => r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
  const clipped = (el) => {  // inside a box that clips or scrolls its overflow: cannot widen the page
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== 'visible') return true;
    }
    return false;
  };
  const describe = (el, r) => {
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
    const cls = classes.map((c) => '.' + c).join('');
    const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 50);
    return {what: el.tagName.toLowerCase() + cls, text, width: Math.round(r.width), left: Math.round(r.left),
            right: Math.round(r.right)};
  };
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (!outside(r) || clipped(el)) continue;
    const childOutside = [...el.children].some((c) => outside(c.getBoundingClientRect()));
    if (!childOutside) found.push(describe(el, r));
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || clipped(node)) continue;
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    const parent = node.parentElement;
    if (outside(r) && !outside(parent.getBoundingClientRect())) found.push(describe(parent, r));
  }
  found.sort((a, b) => b.width - a.width);
  return {scrollWidth: root.scrollWidth, innerWidth: width, offenders: found.slice(0, 6)};
}"""

# Every control a thumb has to hit, with its size. Stand-alone links are links that are all the text of their nearest
# block (a paragraph, list item, table cell …) or that are laid out as blocks themselves; a link inside a sentence is
# exempt (WCAG 2.5.8's inline exception). Hidden things, the skip link waiting off-screen and visually-hidden helpers
# (1 px, clipped) are left out.
TARGETS = """() => {
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const inline = (display) => display.startsWith('inline') || display === 'contents' || display === 'ruby';
  const clipped = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.clipPath === 'inset(50%)' || s.clip === 'rect(0px, 0px, 0px, 0px)') return true;
    }
    return false;
  };
  const shown = (el) => {
    if (!el.checkVisibility({visibilityProperty: true})) return false;
    if (el.matches('.skipnav:not(:focus)')) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && !clipped(el);
  };
  const standAlone = (a) => {
    if (!inline(getComputedStyle(a).display)) return true;
    let block = a.parentElement;
    while (block && inline(getComputedStyle(block).display)) block = block.parentElement;
    return block !== null && norm(block.textContent) === norm(a.textContent);
  };
  const TEXT = 'select, textarea, input:not([type]), input[type=text], input[type=search], input[type=email], '
    + 'input[type=tel], input[type=number], input[type=password], input[type=url], input[type=date]';
  const targets = new Map();
  const add = (el, kind) => { if (!targets.has(el) && shown(el)) targets.set(el, kind); };
  const BUTTONS = 'button, input[type=submit], input[type=button], a.button, summary';
  document.querySelectorAll(BUTTONS).forEach((el) => add(el, 'button'));
  document.querySelectorAll(TEXT).forEach((el) => add(el, 'field'));
  document.querySelectorAll('label').forEach((label) => {
    if (label.control && ['radio', 'checkbox'].includes(label.control.type)) add(label, 'choice');
  });
  document.querySelectorAll('a[href]').forEach((a) => { if (standAlone(a)) add(a, 'link'); });
  const small = [];
  for (const [el, kind] of targets) {
    const r = el.getBoundingClientRect();
    const tooNarrow = kind !== 'field' && r.width + 0.01 < __MINIMUM__;
    if (r.height + 0.01 < __MINIMUM__ || tooNarrow) {
      const text = norm(el.textContent || el.value || el.getAttribute('aria-label') || el.name).slice(0, 60);
      small.push(`${kind} <${el.tagName.toLowerCase()}> "${text}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
  }
  return {count: targets.size, small};
}""".replace("__MINIMUM__", str(MINIMUM))


def citizen_pages(app, people) -> list[tuple[str, str]]:
    with app.app_context():
        found = pages(app, people)
    return [
        (page.path, page.audience)
        for page in found
        if page.audience in (PUBLIC, CITIZEN) and page.path not in NOT_FOR_CITIZENS
    ]


def walk(app, live_server, new_context, lang, measure):
    """Opens every citizen page in lang, one browser page per audience; returns measure(page, address) for each."""
    people = seed_people(app)
    with app.app_context():
        jens_id = db.session.get(Citizen, people["jens"]).public_id
    caseworker = app.test_client()
    sign_in_as(caseworker, app, staff(people, "karen"))
    caseworker.get(f"/staff/citizens/{jens_id}")  # a line in Jens's access log, so its table is measured too
    anonymous = new_context().new_page()
    signed_in = new_context()
    signed_in.add_cookies([signed_in_cookie(app, live_server, citizen(people, "jens"))])
    browser_pages = {PUBLIC: anonymous, CITIZEN: signed_in.new_page()}
    results = []
    for path, audience in citizen_pages(app, people):
        page = browser_pages[audience]
        address = f"{path}{'&' if '?' in path else '?'}lang={lang}"
        response = page.goto(address)
        assert response is not None and response.ok, f"{address}: {response and response.status}"
        assert page.evaluate("document.documentElement.lang") == lang, address
        results.append(measure(page, address))
    return results


@pytest.mark.parametrize("lang", LANGS)
def test_no_citizen_page_scrolls_sideways_with_text_at_200_percent(app, live_server, new_context, lang):
    def measure(page, address):
        result = page.evaluate(DOUBLE_TEXT_AND_MEASURE)
        if result["scrollWidth"] <= result["innerWidth"]:
            return None
        widest = "; ".join(
            f"{o['what']} “{o['text']}” {o['width']} px wide ({o['left']}…{o['right']})" for o in result["offenders"]
        )
        return f"{address}: {result['scrollWidth']} px wide in a {result['innerWidth']} px viewport: {widest}"

    problems = [problem for problem in walk(app, live_server, new_context, lang, measure) if problem]
    assert problems == [], f"{len(problems)} pages scroll sideways:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_every_citizen_touch_target_is_at_least_44_px(app, live_server, new_context, lang):
    def measure(page, address):
        result = page.evaluate(TARGETS)
        return address, result["count"], result["small"]

    results = walk(app, live_server, new_context, lang, measure)
    assert sum(count for _, count, _ in results) > 10 * len(results)  # the walk really found the controls
    small = [f"{address}: {target}" for address, _, targets in results for target in targets]
    assert small == [], f"{len(small)} targets under {MINIMUM} × {MINIMUM} px:\n" + "\n".join(small)
