"""security review: a second factor for local staff accounts, and the citizen's code for filling in together

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 04:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('totp_secret', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('totp_confirmed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('totp_last_step', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('recovery_code_hashes', sa.JSON(), nullable=False, server_default='[]'))

    with op.batch_alter_table('preparation_form', schema=None) as batch_op:
        batch_op.add_column(sa.Column('together_code_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('together_code_expires_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('together_code_attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('together_granted_to_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('together_granted_until', sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_preparation_form_together_granted_to_id_staff_user'), 'staff_user',
            ['together_granted_to_id'], ['id'])


def downgrade():
    with op.batch_alter_table('preparation_form', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_preparation_form_together_granted_to_id_staff_user'), type_='foreignkey')
        batch_op.drop_column('together_granted_until')
        batch_op.drop_column('together_granted_to_id')
        batch_op.drop_column('together_code_attempts')
        batch_op.drop_column('together_code_expires_at')
        batch_op.drop_column('together_code_hash')

    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.drop_column('recovery_code_hashes')
        batch_op.drop_column('totp_last_step')
        batch_op.drop_column('totp_confirmed_at')
        batch_op.drop_column('totp_secret')
