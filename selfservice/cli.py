"""Command-line tools: demo data, staff accounts and the data protection officer's audit export."""

import json
import sys

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import select

from .extensions import db
from .models import AuditEntry, Citizen, StaffUser, Team


def init_app(app: Flask) -> None:
    from .assistant.cli import assistant_cli
    from .demo import demo_cli
    from .guides.cli import content_cli
    from .kiosk.cli import kiosks_cli
    from .retention import retention_cli

    app.cli.add_command(demo_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(audit_cli)
    app.cli.add_command(notifications_cli)
    app.cli.add_command(api_tokens_cli)
    app.cli.add_command(content_cli)
    app.cli.add_command(assistant_cli)
    app.cli.add_command(kiosks_cli)
    app.cli.add_command(retention_cli)


api_tokens_cli = AppGroup("api-tokens", help="Tokens for the case system's API.")


@api_tokens_cli.command("create")
@click.option("--name", required=True, help="Who uses it, e.g. the case system's name.")
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    required=True,
    type=click.Choice(["citizens:write", "plans:write", "meetings:write", "forms:read", "forms:write"]),
)
def create_api_token(name: str, scopes: tuple[str, ...]) -> None:
    """Create a token; it is printed once and only its hash is kept."""
    from .api.auth import create_token

    record, token = create_token(name, list(scopes))
    click.echo(f"token {record.id} for {name} ({', '.join(scopes)}):\n{token}")


@api_tokens_cli.command("revoke")
@click.argument("token_id", type=int)
def revoke_api_token(token_id: int) -> None:
    from .models import ApiToken, utcnow

    record = db.session.get(ApiToken, token_id)
    if record is None:
        raise click.ClickException("No such token.")
    record.revoked_at = utcnow()
    db.session.commit()
    click.echo(f"revoked token {token_id}")


notifications_cli = AppGroup("notifications", help="E-mail and other notifications.")


@notifications_cli.command("send")
def send_notifications() -> None:
    """Queue due meeting reminders, then deliver what is waiting in the outbox (run by cron every minute)."""
    from .mail import deliver_due
    from .notifications import schedule_reminders

    reminders = schedule_reminders()
    sent, failed = deliver_due(limit=1000)
    click.echo(f"reminders queued {reminders}, sent {sent}, failed {failed}")


users_cli = AppGroup("users", help="Staff accounts.")


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--team", "team_name", default=None, help="Team name; created if it does not exist.")
@click.option("--role", type=click.Choice(["caseworker", "admin"]), default="caseworker")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def create_user(email: str, name: str, team_name: str | None, role: str, password: str) -> None:
    """Create a local staff account (the fallback when the municipality's identity provider is down)."""
    from .auth.passwords import hash_password

    if len(password) < 12:
        raise click.ClickException("The password must be at least 12 characters.")
    email = email.strip().lower()
    if db.session.scalar(select(StaffUser).where(StaffUser.email == email)):
        raise click.ClickException(f"A staff account with the e-mail {email} already exists.")
    team = None
    if team_name:
        team = db.session.scalar(select(Team).where(Team.name == team_name))
        if team is None:
            team = Team(name=team_name)
            db.session.add(team)
    db.session.add(StaffUser(email=email, name=name, role=role, team=team, password_hash=hash_password(password)))
    db.session.commit()
    click.echo(f"Created {role} {email}")


def _staff_by_email(email: str) -> StaffUser:
    user = db.session.scalar(select(StaffUser).where(StaffUser.email == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"No staff account with the e-mail {email.strip().lower()}.")
    return user


@users_cli.command("reset-2fa")
@click.option("--email", required=True)
def reset_second_factor(email: str) -> None:
    """Forget a person's authenticator app and recovery codes (for a lost or replaced phone).

    Their sessions end too, in case the phone was stolen. At their next password sign-in they set up an app again.
    """
    from . import securitylog
    from .sessions import end_sessions_of

    user = _staff_by_email(email)
    user.totp_secret = None
    user.totp_confirmed_at = None
    user.totp_last_step = None
    user.recovery_code_hashes = []
    db.session.commit()
    end_sessions_of(user.get_id())
    securitylog.event("mfa.reset", "ok", actor="system", target=user.get_id())
    click.echo(f"Reset the second step for {user.email}: they set up an authenticator app at their next sign-in.")


@users_cli.command("unlock")
@click.option("--email", required=True)
def unlock_user(email: str) -> None:
    """Unlock an account locked by too many wrong passwords or codes, and start its count again."""
    from . import securitylog

    user = _staff_by_email(email)
    user.locked_at = None
    user.failed_logins = 0
    db.session.commit()
    securitylog.event("account.unlocked", "ok", actor="system", target=user.get_id())
    click.echo(f"Unlocked {user.email}")


audit_cli = AppGroup("audit", help="The audit log.")


@audit_cli.command("export")
@click.option("--citizen", "citizen_ref", required=True, help="The citizen's id or public id.")
def export(citizen_ref: str) -> None:
    """Every audit entry about one citizen, as JSON lines, for the data protection officer."""
    query = select(Citizen).where(Citizen.public_id == citizen_ref)
    if citizen_ref.isdigit():
        query = select(Citizen).where((Citizen.id == int(citizen_ref)) | (Citizen.public_id == citizen_ref))
    citizen = db.session.scalar(query)
    if citizen is None:
        raise click.ClickException("No such citizen.")
    entries = db.session.scalars(
        select(AuditEntry).where(AuditEntry.citizen_id == citizen.id).order_by(AuditEntry.at, AuditEntry.id)
    )
    for entry in entries:
        sys.stdout.write(
            json.dumps(
                {
                    "at_utc": entry.at.isoformat() + "Z",
                    "actor_kind": entry.actor_kind,
                    "actor": entry.actor.email if entry.actor else None,
                    "actor_role": entry.actor_role,
                    "actor_department": entry.actor_department,
                    "citizen": citizen.public_id,
                    "action": entry.action,
                    "object": entry.object,
                    "purpose": entry.purpose,
                },
                ensure_ascii=False,
            )
            + "\n"
        )
