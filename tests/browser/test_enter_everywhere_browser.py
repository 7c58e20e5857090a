"""Enter in any text field of any form does that form's main action (issue 16).

The browser submits a form through its *first* submit button when Enter is pressed in a text field (the phone's "Go"
key). On the preparation form that was "Remove education 1", which silently deleted an entry. This walk visits every
page of the route map (tests/browser/routes.py) as the person who may see it, presses Enter in every text field of
every form, and fails if the browser would submit with any button other than the form's main one (the primary
button, or the invisible copy of it that templates put first with the `default_action` macro). The submission is
caught before it leaves the page, so the walk changes nothing; tests/browser/test_enter_key_browser.py submits for
real on the preparation steps and checks that nothing is added or removed.
"""

import pytest

from tests.browser.conftest import signed_in_cookie
from tests.browser.routes import ADMIN, CITIZEN, PUBLIC, STAFF, pages
from tests.helpers import citizen, seed_people, staff

pytestmark = [pytest.mark.browser, pytest.mark.db]

TEXT_FIELDS = (
    "input:not([type]), input[type=text], input[type=search], input[type=email], input[type=tel], "
    "input[type=number], input[type=url], input[type=password], input[type=date], input[type=time]"
)

# Every form on the page with its visible text fields and what its main action is.
FORMS = """selector => [...document.querySelectorAll('form')].map((form, index) => {
  const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const submits = [...form.elements].filter(el => el.type === 'submit' && !el.classList.contains('default-action'));
  const primary = submits.filter(el => el.classList.contains('button-primary') && visible(el));
  const main = primary[0] || (submits.length === 1 ? submits[0] : null);
  return {
    index,
    fields: [...form.elements].filter(el => el.matches(selector) && visible(el) && !el.disabled && !el.readOnly)
      .map(el => [...form.elements].indexOf(el)),
    main: main && {name: main.name, value: main.value, text: main.textContent.trim(), action: main.formAction},
    buttons: submits.length,
  };
})"""

CATCH = """() => {
  window.__submitted = null;
  window.addEventListener('submit', event => {
    const s = event.submitter;
    window.__submitted = s ? {name: s.name, value: s.value, text: s.textContent.trim(), action: s.formAction}
                           : {name: null, value: null, text: null, action: null};
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);
}"""


def enter_in_every_field(page, path: str, tried: list[str]) -> list[str]:
    """Press Enter in each text field of each form of the page (each on a fresh load); what went wrong."""
    wrong = []
    page.goto(path)
    forms = page.evaluate(FORMS, TEXT_FIELDS)
    for form in (f for f in forms if f["fields"]):
        for field in form["fields"]:
            page.goto(path)
            page.evaluate(CATCH)
            element = page.locator("form").nth(form["index"]).evaluate_handle(f"f => f.elements[{field}]")
            name = element.evaluate("el => el.name || el.id")
            element.as_element().focus()
            page.keyboard.press("Enter")
            submitted = page.evaluate("() => window.__submitted")
            label = f"{path} form {form['index']} field {name!r}"
            tried.append(label)
            if form["main"] is None:
                if form["buttons"]:
                    wrong.append(f"{label}: the form has {form['buttons']} buttons and none is marked primary")
            elif submitted is None:
                wrong.append(f"{label}: Enter did nothing (main action {form['main']['text']!r})")
            elif {k: submitted[k] for k in ("name", "value", "action")} != {
                k: form["main"][k] for k in ("name", "value", "action")
            }:
                wrong.append(f"{label}: Enter pressed {submitted['text']!r}, not {form['main']['text']!r}")
    return wrong


def walk_self_check(page, start: str, tried: list[str]) -> list[str]:
    """A self-check asks its questions one per page: answer each with its first option and test every page."""
    wrong, path, seen = [], start, set()
    while "/result" not in path and path not in seen:
        seen.add(path)
        wrong += enter_in_every_field(page, path, tried)
        page.goto(path)
        for group in page.locator("main form fieldset").all():
            options = group.locator("input[type=radio]")
            if options.count():
                options.first.check()
        for field in page.locator("main form input[type=text]").all():
            field.fill(
                {"birth_day": "1", "birth_month": "5", "birth_year": "1990"}.get(field.get_attribute("name"), "1")
            )
        page.locator("main form button.button-primary:not(.default-action)").first.click()
        page.wait_for_load_state()
        path = page.url.split("://", 1)[1].split("/", 1)[1]
        path = "/" + path
    return wrong


@pytest.mark.parametrize("who", [PUBLIC, CITIZEN, STAFF, ADMIN])
def test_enter_in_every_text_field_does_the_main_action(app, live_server, new_context, who):
    people = seed_people(app)
    with app.app_context():
        walked = [page for page in pages(app, people) if page.audience == who]
    context = new_context()
    person = {CITIZEN: citizen(people, "jens"), STAFF: staff(people, "karen"), ADMIN: staff(people, "anne")}
    if who in person:
        context.add_cookies([signed_in_cookie(app, live_server, person[who])])
    page = context.new_page()
    wrong, tried = [], []
    for visit in walked:
        if visit.endpoint == "selfchecks.question":
            wrong += walk_self_check(page, visit.path, tried)
        else:
            wrong += enter_in_every_field(page, visit.path, tried)
    assert tried  # the walk reached forms with text fields
    assert wrong == []
