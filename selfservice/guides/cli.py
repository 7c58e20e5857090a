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
def check_content(today) -> None:
    report = check(library(), today.date() if today else date.today())
    click.echo(format_report(report))
    sys.exit(0 if report.ok else 1)
