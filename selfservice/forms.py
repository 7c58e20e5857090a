"""Form helpers shared by features: a date entered as day, month and year in three boxes (the design system's
date pattern, which works on every phone keyboard, unlike a date picker)."""

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import Field, IntegerField
from wtforms.validators import InputRequired, NumberRange, Optional


def day_field(label=None):
    return IntegerField(label or _l("Day"), validators=[Optional(), NumberRange(1, 31)])


def month_field(label=None):
    return IntegerField(label or _l("Month"), validators=[Optional(), NumberRange(1, 12)])


def year_field(label=None):
    return IntegerField(label or _l("Year"), validators=[Optional(), NumberRange(1900, 2100)])


def date_from_parts(day: Field, month: Field, year: Field) -> date | None:
    try:
        return date(int(year.data), int(month.data), int(day.data))
    except (TypeError, ValueError):
        return None


__all__ = ["InputRequired", "date_from_parts", "day_field", "month_field", "year_field"]
