"""A claim is unique by (mention, position), so concurrent ingests can upsert claims.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Copies that two concurrent ingests may already have stored: keep the first row.
    op.execute("DELETE FROM claims WHERE id NOT IN (SELECT MIN(id) FROM claims GROUP BY mention_id, position)")
    op.drop_index("ix_claims_mention", table_name="claims")
    op.create_index("ux_claims_mention_position", "claims", ["mention_id", "position"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_claims_mention_position", table_name="claims")
    op.create_index("ix_claims_mention", "claims", ["mention_id"])
