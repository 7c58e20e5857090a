"""audit retention: old audit entries may be deleted, but only past a recorded cutoff at least a year old

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 04:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

SQLITE_UP = [
    "DROP TRIGGER audit_entry_no_delete",
    """CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
       WHEN NOT coalesce(
         OLD.at < (SELECT max(cutoff) FROM audit_retention)
         AND (SELECT max(cutoff) FROM audit_retention) <= datetime('now', '-365 days'),
         0
       )
       BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER audit_entry_no_delete",
    """CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
       BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END""",
]
POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE latest timestamp;
       BEGIN
         IF TG_OP = 'DELETE' THEN
           SELECT max(cutoff) INTO latest FROM audit_retention;
           IF latest IS NOT NULL AND OLD.at < latest
              AND latest <= (now() AT TIME ZONE 'utc') - interval '365 days' THEN
             RETURN OLD;
           END IF;
         END IF;
         RAISE EXCEPTION 'audit_entry is append-only';
       END $$""",
]
POSTGRES_DOWN = [
    """CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $$""",
]


def _run(statements):
    dialect = op.get_bind().dialect.name
    for statement in statements.get(dialect, []):
        op.execute(statement)


def upgrade():
    op.create_table('audit_retention',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cutoff', sa.DateTime(), nullable=False),
    sa.Column('run_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_retention'))
    )
    _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP})


def downgrade():
    _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN})
    op.drop_table('audit_retention')
