"""Incidents indexed by cell, date precision and date: resolution reads each precision's window
(a day either side for a day-precise incident, a year before for a year-precise one) without
scanning the others.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_incidents_cell_precision_date", "incidents",
                    ["cell_lat", "cell_lon", "date_precision", "date"])


def downgrade() -> None:
    op.drop_index("ix_incidents_cell_precision_date", table_name="incidents")
