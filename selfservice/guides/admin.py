"""The content status page: the same report as `flask content check`, for the people who keep the guides current."""

from datetime import date

from flask import render_template

from ..access import staff_required
from ..i18n import LANGUAGES
from . import bp, library
from .check import REVIEW_INTERVAL, check


@bp.get("/staff/content")
@staff_required(admin=True)
def content_status():
    lib = library()
    report = check(lib, date.today())
    return render_template(
        "guides/admin_status.html",
        report=report,
        articles=lib.in_order(),
        languages=LANGUAGES,
        review_days=REVIEW_INTERVAL.days,
    )
