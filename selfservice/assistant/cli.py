"""`flask assistant purge`: delete conversations older than the retention period (run it daily)."""

import click
from flask import current_app
from flask.cli import AppGroup

from .store import purge

assistant_cli = AppGroup("assistant", help="The chat assistant.")


@assistant_cli.command("purge")
@click.option("--days", type=int, default=None, help="Keep this many days (default: ASSISTANT_RETENTION_DAYS).")
def purge_conversations(days: int | None) -> None:
    removed = purge(days if days is not None else current_app.config["ASSISTANT_RETENTION_DAYS"])
    click.echo(f"Deleted {removed} conversation(s).")
