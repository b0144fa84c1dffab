"""Districts: the district of its town a mention names, and those an incident's mentions name.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Stored mentions were read without districts: empty says "not named", which vetoes nothing.
    op.add_column("mentions", sa.Column("district", sa.Text(), nullable=False, server_default=""))
    op.add_column("incidents", sa.Column("district_words", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("district_words")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("district")
