"""The content status page: the same report as `flask content check`, the recorded reviews, and the guides that
need one, for the people who keep the guides current. Recording a review is a deliberate act with a note."""

from datetime import date

from flask import abort, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..access import staff_required
from ..forms import options
from ..i18n import LANGUAGES
from . import bp, library, reviews
from .check import REVIEW_INTERVAL, check

REASONS = {
    "never": _l("Never reviewed here"),
    "text_changed": _l("The Danish text changed after the last review"),
    "sources_changed": _l("The sources changed after the last review"),
    "old": _l("Not reviewed for a year"),
    "date_coming": _l("New rules take effect soon or are proposed"),
}


class ReviewForm(FlaskForm):
    lang = SelectField(
        _l("Language reviewed"), choices=options((code, lang.native_name) for code, lang in LANGUAGES.items())
    )
    note = TextAreaField(
        _l("What you checked, and against which source"),
        validators=[DataRequired(_l("Write what you checked")), Length(max=2000)],
    )


def _page(forms=None, status=200):
    lib = library()
    report = check(lib, date.today())
    articles = sorted(lib.articles.values(), key=lambda a: a.slug)
    rows = reviews.statuses(articles)
    forms = forms or {}
    return render_template(
        "guides/admin_status.html",
        report=report,
        rows=rows,
        forms={row.article.slug: forms.get(row.article.slug) or ReviewForm(prefix=row.article.slug) for row in rows},
        reasons=REASONS,
        languages=LANGUAGES,
        review_days=REVIEW_INTERVAL.days,
    ), status


@bp.get("/staff/content")
@staff_required(admin=True)
def content_status():
    return _page()


@bp.post("/staff/content/<slug>/review")
@staff_required(admin=True)
def record_review(slug: str):
    article = library().articles.get(slug)
    if article is None:
        abort(404)
    form = ReviewForm(prefix=slug)
    if not form.validate_on_submit():
        return _page({slug: form}, 400)
    reviews.record(article, form.lang.data, current_user, form.note.data or "")
    return redirect(url_for("guides.content_status", reviewed=slug) + f"#review-{slug}")
