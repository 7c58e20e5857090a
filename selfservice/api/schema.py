"""The request and response schemas, used twice: to validate requests and to publish the OpenAPI document.

Why one source: the document schemathesis tests against is the same data the server checks requests with, so
the two cannot drift apart.
"""

import re
from datetime import date, datetime
from functools import cache

from ..i18n import LANGUAGES
from ..labels import ACTIVITY_STATUSES, AREAS, MEETING_KINDS, SITUATIONS

TEXT = {"type": "string", "maxLength": 2000}
# Links the citizen's pages show (the video meeting, the legal text): https:// only, never javascript: or data:.
# A pattern rather than a URL parser, so that the published document states exactly the rule the server applies.
HTTPS_PATTERN = r"^https://[^\s\x00-\x1f\x7f-\x9f/?#\\]+[^\s\x00-\x1f\x7f-\x9f]*$"
# A name or a team of spaces only (also non-breaking ones) is blank: published so that clients and schemathesis know.
# The spaces are spelled out (exactly the characters Python's str.split() splits on, which the server uses to tidy
# a team name) because `\\s` means different characters in ECMAScript, Python and hypothesis.
SPACES = "\\t\\n\\u000b\\f\\r\\u001c-\\u001f \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
NOT_BLANK = f"[^{SPACES}]"
PATTERN_PROBLEMS = {HTTPS_PATTERN: "must be an https:// address", NOT_BLANK: "must not be blank"}
# Years the service can show and compute with. At the edges of what Python can hold (0001, 9999) a time cannot be
# moved to Copenhagen time or have a meeting's length added (the 500s in the December 2026 review). Meetings lie in
# this century; birth dates reach back to 1900. Published as patterns too, so clients (and schemathesis) see them.
MEETING_YEARS = (2000, 2100)
DATE_YEARS = (1900, 2100)
_MONTH_DAY = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
DATE_TIME = {
    "type": "string",
    "format": "date-time",
    "pattern": f"^(20[0-9]{{2}}|2100)-{_MONTH_DAY}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?"
    "(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$",
    "description": "With a time zone offset, in the years 2000 to 2100.",
}
DATE = {
    "type": "string",
    "format": "date",
    "nullable": True,
    "pattern": f"^(19[0-9]{{2}}|20[0-9]{{2}}|2100)-{_MONTH_DAY}$",
    "description": "In the years 1900 to 2100.",
}


def text(max_length: int, nullable: bool = True) -> dict:
    schema = {"type": "string", "maxLength": max_length}
    return schema | {"nullable": True} if nullable else schema


def https_url(max_length: int) -> dict:
    return text(max_length) | {"pattern": HTTPS_PATTERN, "description": "An https:// address."}


CITIZEN = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "team"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": NOT_BLANK},
        "birth_date": DATE,
        "team": {"type": "string", "minLength": 1, "maxLength": 120, "pattern": NOT_BLANK},
        "situation": {"type": "string", "enum": list(SITUATIONS), "nullable": True},
        "language": {"type": "string", "enum": list(LANGUAGES), "nullable": True},
        "email": text(254),
        "phone": text(30),
    },
}
ACTIVITY = {
    "type": "object",
    "additionalProperties": False,
    "required": ["external_id", "title"],
    "properties": {
        "external_id": {"type": "string", "minLength": 1, "maxLength": 64},
        "title": {"type": "string", "minLength": 1, "maxLength": 200},
        "description": text(2000),
        "sub_goal": text(500),
        "area": {"type": "string", "enum": list(AREAS)},
        "status": {"type": "string", "enum": list(ACTIVITY_STATUSES)},
        "start_date": DATE,
        "end_date": DATE,
        "hours_per_week": {"type": "number", "minimum": 0, "maximum": 60, "nullable": True},
        "department": text(200),
        "caseworker": text(200),
        "legal_basis": text(200),
        "legal_url": https_url(500),
        "agreed": {"type": "boolean"},
    },
}
PLAN = {
    "type": "object",
    "additionalProperties": False,
    "required": ["activities"],
    "properties": {
        "goal_kind": {"type": "string", "enum": ["job", "education"], "nullable": True},
        "goal": text(500),
        "activities": {"type": "array", "maxItems": 100, "items": ACTIVITY},
    },
}
MEETING = {
    "type": "object",
    "additionalProperties": False,
    "required": ["citizen", "starts_at"],
    "properties": {
        "citizen": {"type": "string", "minLength": 1, "maxLength": 64},
        "starts_at": DATE_TIME,
        "duration_minutes": {"type": "integer", "minimum": 10, "maximum": 480},
        "kind": {"type": "string", "enum": list(MEETING_KINDS)},
        "place": text(200),
        "address": text(300),
        "participants": text(500),
        "bring": text(1000),
        "video_url": https_url(500),
    },
}
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string"}, "fields": {"type": "object"}},
}


def validate(schema: dict, value, path: str = "") -> dict[str, str]:
    """A small validator for the subset of JSON Schema used above; returns {path: problem}."""
    if value is None:
        return {} if schema.get("nullable") else {path or "body": "must not be null"}
    kind = schema.get("type")
    checks = {
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
    }
    if kind and not checks[kind](value):
        return {path or "body": f"must be of type {kind}"}
    problems: dict[str, str] = {}
    if kind == "object":
        for name in schema.get("required", []):
            if name not in value:
                problems[f"{path}{name}"] = "is required"
        properties = schema.get("properties", {})
        for name, item in value.items():
            if name not in properties:
                if schema.get("additionalProperties") is False:
                    problems[f"{path}{name}"] = "is not allowed"
                continue
            problems |= validate(properties[name], item, f"{path}{name}.")
    elif kind == "array":
        if len(value) > schema.get("maxItems", len(value)):
            problems[path or "body"] = "has too many items"
        for index, item in enumerate(value):
            problems |= validate(schema["items"], item, f"{path}{index}.")
    elif kind == "string":
        if len(value) > schema.get("maxLength", len(value)) or len(value) < schema.get("minLength", 0):
            problems[path.rstrip(".")] = "has the wrong length"
        elif "enum" in schema and value not in schema["enum"]:
            problems[path.rstrip(".")] = "is not one of the allowed values"
        elif schema.get("format") == "date" and not _parses(date.fromisoformat, value):
            problems[path.rstrip(".")] = "must be a date (YYYY-MM-DD)"
        elif schema.get("format") == "date" and not _in_years(date.fromisoformat(value), DATE_YEARS):
            problems[path.rstrip(".")] = "must be in the years 1900 to 2100"
        elif schema.get("format") == "date-time" and not _is_aware_datetime(value):
            problems[path.rstrip(".")] = "must be a date-time with a time zone offset"
        elif schema.get("format") == "date-time" and not _in_years(_datetime(value), MEETING_YEARS):
            problems[path.rstrip(".")] = "must be in the years 2000 to 2100"
        elif any(ch == "\x00" or "\ud800" <= ch <= "\udfff" for ch in value):
            problems[path.rstrip(".")] = "must not contain NUL characters or lone surrogates"
        elif "pattern" in schema and "format" not in schema and not _python_regex(schema["pattern"]).search(value):
            problems[path.rstrip(".")] = PATTERN_PROBLEMS.get(schema["pattern"], "does not match the pattern")
    elif kind in ("integer", "number") and not schema.get("minimum", value) <= value <= schema.get("maximum", value):
        problems[path.rstrip(".")] = "is out of range"
    return problems


def _parses(parser, value: str) -> bool:
    try:
        parser(value)
    except ValueError:
        return False
    return True


def _datetime(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _is_aware_datetime(value: str) -> bool:
    try:
        parsed = _datetime(value)
    except ValueError:
        return False
    return parsed.tzinfo is not None


def _in_years(value: date, years: tuple[int, int]) -> bool:
    """The year as written, with no conversion: 0001-01-01T00:30:00+01:00 cannot even be moved to UTC."""
    return years[0] <= value.year <= years[1]


@cache
def _python_regex(pattern: str) -> re.Pattern:
    """A published (ECMAScript) pattern as Python reads it: a final `$` is the very end, not also before a last
    newline, so the server accepts exactly what the document promises. (Dates and times are checked by parsing,
    above; their patterns only tell clients the same rule.)"""
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern)
