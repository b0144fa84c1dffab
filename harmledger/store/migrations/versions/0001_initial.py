"""The schema as it was before migrations existed (created by metadata.create_all).

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _place_columns() -> list[sa.Column]:
    return [
        sa.Column("place_name", sa.Text()),
        sa.Column("country_code", sa.String(2)),
        sa.Column("admin1", sa.Text()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("geonameid", sa.Integer()),
        sa.Column("geo_precision", sa.String(16)),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("source_id", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published", sa.Date()),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("duplicate_of", sa.String(32)),
        sa.Column("minhash", sa.LargeBinary()),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.String(48), primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("event_type", sa.String(32), nullable=False),
        sa.Column("date", sa.Date()),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("date_reason", sa.Text(), nullable=False),
        sa.Column("month_day", sa.String(5)),
        sa.Column("weekday", sa.Integer()),
        *_place_columns(),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("weapon", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary()),
        sa.Column("incident_id", sa.String(32)),
        sa.Column("join_score", sa.Float()),
        sa.Column("join_features", sa.Text()),
    )
    op.create_index("ix_mentions_article", "mentions", ["article_id"])
    op.create_index("ix_mentions_incident", "mentions", ["incident_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("mention_id", sa.String(48), sa.ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("low", sa.Integer()),
        sa.Column("high", sa.Integer()),
        sa.Column("qualifier", sa.String(16)),
        sa.Column("victim_group", sa.String(32), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
    )
    op.create_index("ix_claims_mention", "claims", ["mention_id"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("event_type", sa.String(32), nullable=False),
        sa.Column("date", sa.Date()),
        sa.Column("date_precision", sa.String(16), nullable=False),
        *_place_columns(),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("weapon", sa.Text(), nullable=False),
        sa.Column("killed_low", sa.Integer()),
        sa.Column("killed_best", sa.Integer()),
        sa.Column("killed_high", sa.Integer()),
        sa.Column("killed_conservative", sa.Integer()),
        sa.Column("killed_rule", sa.Text(), nullable=False),
        sa.Column("injured_low", sa.Integer()),
        sa.Column("injured_best", sa.Integer()),
        sa.Column("injured_high", sa.Integer()),
        sa.Column("injured_conservative", sa.Integer()),
        sa.Column("injured_rule", sa.Text(), nullable=False),
        sa.Column("n_articles", sa.Integer(), nullable=False),
        sa.Column("n_independent", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(16), nullable=False),
        sa.Column("background_only", sa.Boolean(), nullable=False),
        sa.Column("contradictions", sa.Text(), nullable=False),
        sa.Column("cell_lat", sa.Integer()),
        sa.Column("cell_lon", sa.Integer()),
        sa.Column("month_day", sa.String(5)),
        sa.Column("weekday", sa.Integer()),
        sa.Column("target_words", sa.Text(), nullable=False),
        sa.Column("weapon_words", sa.Text(), nullable=False),
        sa.Column("vector", sa.LargeBinary()),
        sa.Column("n_vectors", sa.Integer(), nullable=False),
        sa.Column("n_mentions", sa.Integer(), nullable=False),
    )
    op.create_index("ix_incidents_date", "incidents", ["date"])
    op.create_index("ix_incidents_cell_date", "incidents", ["cell_lat", "cell_lon", "date"])
    op.create_table(
        "incident_redirects",
        sa.Column("old_id", sa.String(32), primary_key=True),
        sa.Column("new_id", sa.String(32), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("incident_redirects", "incidents", "claims", "mentions", "articles"):
        op.drop_table(table)
