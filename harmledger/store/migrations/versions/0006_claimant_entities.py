"""Figures a reader can trust (issue 15): a blame's accused party on each claim; per incident the
figure status, the entities that deny, each claim's resolved claimant (entity, source type,
side) and the claims behind each figure. Incidents stored before get them at the next rebuild.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_INCIDENT_COLUMNS = (("figure_status", sa.String(16), "consistent"), ("denied_by", sa.Text(), "[]"),
                     ("claimants", sa.Text(), "[]"), ("figure_basis", sa.Text(), "{}"))


def upgrade() -> None:
    op.add_column("claims", sa.Column("accused", sa.Text(), nullable=False, server_default=""))
    for name, kind, default in _INCIDENT_COLUMNS:
        op.add_column("incidents", sa.Column(name, kind, nullable=False, server_default=default))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        for name, _, _ in reversed(_INCIDENT_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("accused")
