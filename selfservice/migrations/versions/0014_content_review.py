"""content review: who checked which guide in which language, when, against which sources

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 05:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('content_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('sources_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['reviewer_id'], ['staff_user.id'], name=op.f('fk_content_review_reviewer_id_staff_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_content_review'))
    )
    with op.batch_alter_table('content_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_content_review_slug'), ['slug'], unique=False)


def downgrade():
    with op.batch_alter_table('content_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_content_review_slug'))
    op.drop_table('content_review')
