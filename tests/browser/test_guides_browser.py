"""The guides and self-checks in a real browser: no WCAG 2.1 AA violations in any language, and read-aloud speaking
the guide in its own language through the browser's speech synthesis (stubbed page-side: no audio in CI)."""

import pytest

from selfservice.guides.content import CONTENT_DIR, load_library
from selfservice.i18n import LANGUAGES
from tests.browser.test_accessibility import check, violations

pytestmark = pytest.mark.browser

SLUGS = sorted(load_library(CONTENT_DIR).articles)
# Each language gets a different article, so that the whole set is covered across languages.
ARTICLE_FOR = {lang: SLUGS[index * 3 % len(SLUGS)] for index, lang in enumerate(LANGUAGES)}
SELF_CHECK_PATHS = {
    "uddannelsesloeft": [
        ("benefit", "dagpenge"),
        ("birth_date", None),
        ("education", "vocational"),
        ("used_recently", "no"),
        ("positive_list", "unsure"),
    ],
    "seks-ugers-jobrettet-uddannelse": [
        ("benefit", "dagpenge"),
        ("education", "unskilled"),
        ("birth_date", None),
        ("unemployed", "5_weeks_to_6_months"),
    ],
    "moede": [("reason", "ill"), ("when", "today"), ("benefit", "dagpenge")],
}
SPEECH_STUB = """
window.__spoken = [];
window.__cancelled = 0;
const voices = VOICES.map((lang) => ({ lang, name: lang, voiceURI: lang, default: false, localService: true }));
const synth = {
  speaking: false,
  getVoices: () => voices,
  speak: (utterance) => window.__spoken.push({ text: utterance.text, lang: utterance.lang }),
  cancel: () => { window.__cancelled += 1; },
  addEventListener: () => {},
};
Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_guides_index_and_an_article_have_no_wcag_aa_violations(new_context, lang):
    page = new_context().new_page()
    found = violations(page, "/guides", lang)
    found += violations(page, "/guides?easy=1&q=syg&situation=dagpenge", lang)
    found += violations(page, f"/guides/{ARTICLE_FOR[lang]}", lang)
    found += violations(page, f"/guides/{ARTICLE_FOR[lang]}?easy=1&text=da", lang)
    assert found == []


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_self_check_step_has_no_wcag_aa_violations(new_context, lang):
    page = new_context().new_page()
    found = []
    for name, steps in SELF_CHECK_PATHS.items():
        found += violations(page, f"/self-checks/{name}", lang)
        page.locator("main form button[type=submit]").click()
        page.locator("main form button[type=submit]").click()  # without an answer: the error state
        found += check(page, f"{name} error [{lang}]")
        for key, value in steps:
            found += check(page, f"{name}/{key} [{lang}]")
            if value is None:
                page.fill("#birth_day", "14")
                page.fill("#birth_month", "2")
                page.fill("#birth_year", "1980")
            else:
                page.locator(f"input[value='{value}']").check()
            page.locator("main form button[type=submit]").click()
        assert page.url.endswith(f"/self-checks/{name}/result"), page.url
        found += check(page, f"{name}/result [{lang}]")
    assert found == []


def speaking_page(new_context, voices):
    context = new_context()
    context.add_init_script(SPEECH_STUB.replace("VOICES", repr(voices)))
    return context.new_page()


def test_read_aloud_speaks_the_title_summary_and_body_in_the_pages_language_from_the_keyboard(new_context):
    page = speaking_page(new_context, ["da-DK"])
    page.goto("/guides/bisidder?lang=da")
    button = page.get_by_role("button", name="Læs op")
    button.focus()
    page.keyboard.press("Enter")
    spoken = page.evaluate("window.__spoken")
    texts = [item["text"] for item in spoken]
    assert texts[0] == page.locator("h1").inner_text()
    assert texts[1] == page.locator("#guide-summary").inner_text()
    assert "Hvad er en bisidder?" in texts
    assert len(texts) > 6 and {item["lang"] for item in spoken} == {"da-DK"}
    assert page.get_by_role("status").inner_text() == "Læser vejledningen højt."
    page.get_by_role("button", name="Stop oplæsning").press("Enter")
    assert page.evaluate("window.__cancelled") == 1


def test_read_aloud_is_offered_only_when_the_browser_has_a_voice_for_the_language(new_context):
    danish_only = speaking_page(new_context, ["da-DK"])
    danish_only.goto("/guides/bisidder?lang=ar")
    assert danish_only.locator("#read-aloud").is_hidden()
    arabic = speaking_page(new_context, ["ar-SA", "da-DK"])
    arabic.goto("/guides/bisidder?lang=ar")
    arabic.locator("#read-aloud").click()
    assert {item["lang"] for item in arabic.evaluate("window.__spoken")} == {"ar-SA"}
