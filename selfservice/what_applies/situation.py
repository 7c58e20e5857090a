"""The situation the page works from: what the service knows, then what the person told us on this page.

Known, for a signed-in citizen: the benefit (their situation in the case), their age (from the date of birth), and
from their own preparation form whether they have no education after primary school. What they correct here lives
in the server-side session for this page only; their case does not change.
"""

from collections.abc import Mapping
from datetime import date

from ..models import Citizen
from ..preparation import store as preparation_store
from ..rules.selfchecks import age_on
from ..rules.what_applies import Benefit, Education, Situation, benefit_of

FIELDS = ("benefit", "age", "education", "learning_danish")
CORRECTIONS = "what_applies"  # the session key of a signed-in citizen's corrections


def known_about(citizen: Citizen, on: date) -> dict:
    known: dict = {}
    if citizen.situation:
        known["benefit"] = benefit_of(citizen.situation).value
    if citizen.birth_date:
        known["age"] = age_on(citizen.birth_date, on)
    form = preparation_store.get_form(citizen)
    education = (form.answers or {}).get("education", {}) if form is not None else {}
    if education.get("none_after_primary"):
        known["education"] = Education.UNSKILLED.value
    return known


def of_citizen(citizen: Citizen, on: date, session: Mapping) -> dict:
    """What the page (and the assistant) work from: what the service knows, then the citizen's corrections."""
    values = known_about(citizen, on)
    values.update({k: v for k, v in session.get(CORRECTIONS, {}).items() if v not in (None, "")})
    return values


def complete(values: dict) -> Situation | None:
    """The situation when benefit, age and education are known (learning Danish may stay unknown)."""
    try:
        benefit = Benefit(values["benefit"])
        age = int(values["age"])
        education = Education(values["education"])
    except (KeyError, TypeError, ValueError):
        return None
    learning = values.get("learning_danish")
    return Situation(benefit, age, education, None if learning in (None, "") else learning == "yes")


def first_missing(values: dict) -> str | None:
    for name in FIELDS:
        if values.get(name) in (None, ""):
            return name
    return None
