"""Form helpers shared by features: a date entered as day, month and year in three boxes (the design system's
date pattern, which works on every phone keyboard, unlike a date picker)."""

from collections.abc import Iterable
from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import Field, FieldList, FormField, IntegerField, SelectMultipleField
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]  # WTForms 3.3; the stubs are 3.2
from wtforms.validators import Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes (components/form.html `choices` renders it as a fieldset)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def day_field(label=None):
    return IntegerField(label or _l("Day"), validators=[Optional(), NumberRange(1, 31)])


def month_field(label=None):
    return IntegerField(label or _l("Month"), validators=[Optional(), NumberRange(1, 12)])


def year_field(label=None):
    return IntegerField(label or _l("Year"), validators=[Optional(), NumberRange(1900, 2100)])


def date_from_parts(day: Field, month: Field, year: Field) -> date | None:
    try:
        return date(int(year.data), int(month.data), int(day.data))
    except (TypeError, ValueError, OverflowError):  # OverflowError: a year with twenty digits
        return None


def options(pairs: Iterable[tuple[str, object]]) -> list:
    """(code, label) pairs as the choices of a select, radio or checkbox field. WTForms 3.3 deprecates plain tuples
    (3.4 drops them) and takes a dict only when every label is a plain string, which a lazy translation is not."""
    return [SelectChoice(code, label) for code, label in pairs]


__all__ = [
    "MultiCheckboxField",
    "date_from_parts",
    "day_field",
    "error_target",
    "form_errors",
    "max_length",
    "month_field",
    "options",
    "year_field",
]


def max_length(field: Field) -> int | None:
    """The Length limit of a field, to state it and to drive the character counter."""
    for validator in field.validators:
        if isinstance(validator, Length) and validator.max and validator.max > 0:
            return validator.max
    return None


def error_target(field: Field) -> str:
    """Where the error summary's link should land: the first option of a group, else the field itself."""
    if field.type in ("RadioField", "MultiCheckboxField"):
        return f"{field.id}-0"
    return field.id


def form_errors(form) -> list[tuple[str, str]]:
    """Every failing leaf field, in page order, as (link target, first message), including fields inside repeated
    groups, for the error summary at the top of the page."""
    found: list[tuple[str, str]] = []

    def walk(field) -> None:
        if isinstance(field, FieldList):
            for entry in field:
                walk(entry)
        elif isinstance(field, FormField):
            for sub in field.form:
                walk(sub)
        elif field.errors and isinstance(field.errors, list | tuple):
            first = field.errors[0]
            if not isinstance(first, dict | list | tuple):  # a message (maybe a lazy string), not a sub-form's errors
                found.append((error_target(field), str(first)))

    for field in form:
        walk(field)
    return found
