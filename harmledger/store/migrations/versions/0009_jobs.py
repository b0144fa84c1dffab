"""The API's upload queue (POST /api/articles answers 202 and a worker ingests the job) and the
data version the API's read cache is keyed on.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("payload", sa.LargeBinary()),
        sa.Column("articles", sa.Text(), nullable=False),
        sa.Column("result", sa.Text()),
        sa.Column("error", sa.String(16)),
        sa.Column("detail", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("started_at", sa.DateTime()),
        sa.Column("finished_at", sa.DateTime()),
    )
    op.create_index("ix_jobs_status_created", "jobs", ["status", "created_at"])
    version = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.bulk_insert(version, [{"id": 1, "n": 0}])


def downgrade() -> None:
    op.drop_table("data_version")
    op.drop_index("ix_jobs_status_created", "jobs")
    op.drop_table("jobs")
