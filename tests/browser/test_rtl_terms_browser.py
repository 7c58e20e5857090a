"""Danish terms inside Arabic and Farsi on a 360 px phone (front-end audit 2026-12, 3.4): "a-kasse" never breaks
across two lines, and a Danish source title reads left to right with its closing character at its right end."""

import pytest

pytestmark = pytest.mark.browser

TERM_LINES = """(selector) => {
  const lines = [];
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let at = node.data.indexOf("a\\u2011kasse"); at >= 0; at = node.data.indexOf("a\\u2011kasse", at + 1)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 7);
        lines.push({lines: range.getClientRects().length, isolated: node.parentElement.closest("bdi") !== null});
      }
    }
  }
  return lines;
}"""
SOURCE_LAYOUT = """() => [...document.querySelectorAll(".source-list a")].map((link) => {
  const bdi = link.querySelector("bdi");
  const text = bdi.firstChild;
  const character = (start) => {
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + 1);
    return range.getBoundingClientRect();
  };
  const lines = bdi.getClientRects();
  return {
    direction: getComputedStyle(bdi).direction,
    lang: bdi.lang,
    startGap: Math.abs(character(0).left - lines[0].left),
    endGap: Math.abs(lines[lines.length - 1].right - character(text.length - 1).right),
  };
})"""


def test_a_kasse_in_an_arabic_guide_stays_on_one_line(page):
    page.goto("/guides/dagpenge?lang=ar")
    found = page.evaluate(TERM_LINES, "#guide-summary, #guide-body")
    assert len(found) >= 2
    assert all(term == {"lines": 1, "isolated": True} for term in found), found
    assert "a-kasse" not in page.locator("#guide-body").inner_text()


def test_the_danish_source_titles_in_an_arabic_guide_read_left_to_right(page):
    page.goto("/guides/dagpenge?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    sources = page.evaluate(SOURCE_LAYOUT)
    assert len(sources) >= 5
    for source in sources:
        assert source["direction"] == "ltr" and source["lang"] == "da", source
        assert source["startGap"] < 1 and source["endGap"] < 1, source  # first character left, last one right


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_a_kasse_in_the_assistants_notice_stays_on_one_line(page, lang):
    page.goto(f"/assistant?lang={lang}")
    found = page.evaluate(TERM_LINES, "main .alert-text")
    assert [term["lines"] for term in found] == [1]
