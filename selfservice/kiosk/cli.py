"""`flask kiosks create|list|revoke`: register a lobby kiosk and get its one-time activation link."""

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from ..extensions import db
from ..models import Kiosk

kiosks_cli = AppGroup("kiosks", help="Lobby kiosks.")


@kiosks_cli.command("create")
@click.option("--name", required=True, help="A name staff recognise, e.g. 'Lobby, left'.")
@click.option("--waiting-area", required=True, help="Where visitors wait after checking in.")
def create(name: str, waiting_area: str) -> None:
    from .admin import create_kiosk

    if db.session.scalar(select(Kiosk).where(Kiosk.name == name)):
        raise click.ClickException(f"a kiosk named {name!r} already exists")
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        _kiosk, link = create_kiosk(name, waiting_area)
    click.echo(f"Open this link once in the kiosk's browser to activate it:\n{link}")


@kiosks_cli.command("list")
def list_kiosks() -> None:
    for kiosk in db.session.scalars(select(Kiosk).order_by(Kiosk.name)):
        state = "revoked" if kiosk.revoked_at else ("active" if kiosk.active else "waiting for activation")
        click.echo(f"{kiosk.name}: {state}")


@kiosks_cli.command("revoke")
@click.argument("name")
def revoke(name: str) -> None:
    kiosk = db.session.scalar(select(Kiosk).where(Kiosk.name == name))
    if kiosk is None:
        raise click.ClickException(f"no kiosk named {name!r}")
    from .admin import revoke_kiosk

    revoke_kiosk(kiosk)
    click.echo(f"Revoked {name}.")
