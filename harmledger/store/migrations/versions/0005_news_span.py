"""Incidents remember the span of news that touched them (the dates the reports of each batch
that added to them named): an undated incident meets only batches about the same time,
so a database that grows for years does not compare every report with every undated incident
of its town.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Stored incidents were touched at unknown times: null says "any time", which excludes nothing.
    op.add_column("incidents", sa.Column("seen_from", sa.Date()))
    op.add_column("incidents", sa.Column("seen_to", sa.Date()))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("seen_to")
        batch.drop_column("seen_from")
