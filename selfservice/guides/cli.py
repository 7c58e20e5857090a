"""`flask content check`: the content checks from the command line; exits 1 when any article is unfit."""

import sys
from datetime import date

import click
from flask.cli import AppGroup

from . import library
from .check import check, format_report

content_cli = AppGroup("content", help="The guides: check the knowledge base.")


@content_cli.command("check")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Check as of this date.")
@click.option("--strict-reviews", is_flag=True, help="Also fail when a guide needs a recorded review.")
def check_content(today, strict_reviews) -> None:
    day = today.date() if today else date.today()
    report = check(library(), day)
    click.echo(format_report(report))
    due = _needing_review(day)
    if due:
        click.echo("Needs a recorded review (Guides: content status):")
        click.echo("\n".join(f"  {slug}: {', '.join(reasons)}" for slug, reasons in due))
    sys.exit(0 if report.ok and not (strict_reviews and due) else 1)


def _needing_review(day: date) -> list[tuple[str, list[str]]]:
    """From the review records in the database; a checkout without a database has none to read."""
    from sqlalchemy.exc import SQLAlchemyError

    from . import reviews

    try:
        rows = reviews.statuses(sorted(library().articles.values(), key=lambda a: a.slug), day)
    except SQLAlchemyError:
        return []
    return [(row.article.slug, row.reasons) for row in rows if row.reasons]
