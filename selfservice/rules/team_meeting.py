"""The interdisciplinary team meeting (*tværfagligt team*) about a citizen.

The municipal guidance in seed 003 (../shared/seeds) says "Teamet skal altid drøfte, hvorvidt borgeren skal
tilknyttes en mentor". That is local practice, not a rule of law today (the guide review of December 2026 removed
"the team always talks about a mentor" from the guides: the 2026 rules dropped the rehabilitation team). The
workspace keeps the practice as a checklist item: minutes go out only after the team's recommendation, its mentor
decision and the outcome are recorded.
"""

from enum import StrEnum


class MentorDecision(StrEnum):
    RECOMMENDED = "recommended"  # the team considered a mentor and recommends one
    NOT_NOW = "not_now"  # the team considered a mentor and does not recommend one now


DEPARTMENT_CODES = ("employment", "social", "health", "education", "region")


def missing_before_minutes(recommendation: str | None, mentor: str | None, outcome: str | None) -> list[str]:
    """The fields still to record before minutes can go to the citizen, in the order of the form."""
    missing = []
    if not (recommendation or "").strip():
        missing.append("recommendation")
    if mentor not in {d.value for d in MentorDecision}:
        missing.append("mentor")
    if not (outcome or "").strip():
        missing.append("outcome")
    return missing


def valid_departments(codes: list[str]) -> list[str]:
    """Known department codes in a fixed order, each once; at least the caseworker's own department is implied."""
    return [code for code in DEPARTMENT_CODES if code in set(codes)]
