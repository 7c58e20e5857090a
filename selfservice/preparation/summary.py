"""Turn stored answers back into labelled rows, for "check your answers", the caseworker's view and the print.

Labels and choice names come from the step's own form class, so they are always the ones the citizen saw, in the
reader's language; the citizen's text is passed through untouched (templates escape it).
"""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from wtforms import BooleanField, FieldList, FormField, RadioField, SelectMultipleField

from .steps import Step


@dataclass
class Row:
    label: str
    value: str


@dataclass
class Group:
    title: str | None
    rows: list[Row] = field(default_factory=list)


def _value(field_) -> str | None:
    if isinstance(field_, BooleanField):
        return _("Yes") if field_.data else None
    if isinstance(field_, SelectMultipleField):
        names = {value: label for value, label, *_ in field_.iter_choices()}
        return ", ".join(str(names.get(v, v)) for v in field_.data or []) or None
    if isinstance(field_, RadioField):
        names = {value: label for value, label, *_ in field_.iter_choices()}
        return str(names.get(field_.data, field_.data)) if field_.data else None
    text = field_.data
    return text if isinstance(text, str) and text.strip() else None


def _rows(fields) -> list[Row]:
    rows = []
    for field_ in fields:
        if field_.type in ("CSRFTokenField", "HiddenField"):
            continue
        value = _value(field_)
        if value is not None:
            rows.append(Row(str(field_.label.text), value))
    return rows


def step_summary(step: Step, answers: dict | None) -> list[Group]:
    if not answers:
        return []
    form = step.form_class(formdata=None, data=answers, meta={"csrf": False})
    groups = [Group(None, [])]
    for field_ in form:
        if isinstance(field_, FieldList):
            for number, entry in enumerate(field_, start=1):
                rows = _rows(entry.form)
                if rows:
                    groups.append(Group(f"{step.title} {number}", rows))
        elif isinstance(field_, FormField):
            rows = _rows(field_.form)
            if rows:
                groups.append(Group(str(_area_title(step, field_.name)), rows))
        else:
            groups[0].rows.extend(_rows([field_]))
    return [g for g in groups if g.rows]


def _area_title(step: Step, name: str):
    from .forms import AREAS

    return dict(AREAS).get(name, name)
