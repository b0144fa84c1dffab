"""Incidents remember the span of news that touched them (the dates the reports of each batch
that added to them named): an undated incident meets only batches about the same time,
so a database that grows for years does not compare every report with every undated incident
of its town.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("seen_from", sa.Date()))
    op.add_column("incidents", sa.Column("seen_to", sa.Date()))
    # Incidents stored before were touched at unknown times: any time, which excludes nothing.
    stored = sa.table("incidents", sa.column("seen_from", sa.Date()), sa.column("seen_to", sa.Date()))
    op.execute(stored.update().values(seen_from=date(1, 1, 1), seen_to=date(9999, 12, 31)))
    # undated incidents of a cell by the end of their news: those of long ago are skipped
    op.create_index("ix_incidents_cell_date_seen", "incidents", ["cell_lat", "cell_lon", "date", "seen_to"])


def downgrade() -> None:
    op.drop_index("ix_incidents_cell_date_seen", table_name="incidents")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("seen_to")
        batch.drop_column("seen_from")
