"""Tables in SQLAlchemy Core, written to run unchanged on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

from harmledger.store.vocabularies import checks

metadata = MetaData()


def _place_columns() -> list[Column[object]]:
    """Where a mention or an incident is: gazetteer name, admin1, coordinates and precision."""
    return [
        Column("place_name", Text),
        Column("country_code", String(2)),
        Column("admin1", Text),
        Column("lat", Float),
        Column("lon", Float),
        Column("geonameid", Integer),
        Column("geo_precision", String(16)),
    ]


articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),
    Column("source_id", Text, nullable=False),
    Column("url", Text, nullable=False, default=""),
    Column("outlet", Text, nullable=False, default=""),
    Column("title", Text, nullable=False, default=""),
    Column("published", Date),
    Column("language", String(16), nullable=False, default="en"),
    Column("text", Text, nullable=False),
    Column("duplicate_of", String(32)),
    Column("minhash", LargeBinary),
    Column("ingested_at", DateTime, nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("id", String(48), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("role", String(16), nullable=False),
    Column("event_type", String(32), nullable=False),
    Column("date", Date),
    Column("date_precision", String(16), nullable=False),
    Column("date_reason", Text, nullable=False, default=""),
    Column("month_day", String(5)),  # "04-08" when the text names a day without a year
    Column("weekday", Integer),
    *_place_columns(),
    Column("target", Text, nullable=False, default=""),
    Column("weapon", Text, nullable=False, default=""),
    Column("district", Text, nullable=False, default="", server_default=""),  # stem, extract/districts.py
    Column("evidence", Text, nullable=False, default=""),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("vector", LargeBinary),  # sentence embedding, float16
    Column("incident_id", String(32)),
    # Why the mention joined its incident (resolve/features.py); null for the one that founded it.
    Column("join_score", Float),
    Column("join_features", Text),
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_incident", "incident_id"),
    *checks("mentions"),  # role, event type, precisions: only their enums' values (vocabularies.py)
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mention_id", String(48), ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", String(32), nullable=False),
    Column("position", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("low", Integer),
    Column("high", Integer),
    Column("qualifier", String(16)),
    Column("victim_group", String(32), nullable=False, default="all"),
    Column("claimant", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("accused", Text, nullable=False, default="", server_default=""),  # blame/denial: who is accused
    # One row per claim position of a mention: a concurrent ingest of the same article inserts
    # nothing twice (INSERT … ON CONFLICT DO NOTHING on this key).
    Index("ux_claims_mention_position", "mention_id", "position", unique=True),
    *checks("claims"),  # kind, qualifier
)

incidents = Table(
    "incidents", metadata,
    Column("id", String(32), primary_key=True),
    Column("event_type", String(32), nullable=False),
    Column("date", Date),
    Column("date_precision", String(16), nullable=False),
    *_place_columns(),
    Column("target", Text, nullable=False, default=""),
    Column("weapon", Text, nullable=False, default=""),
    Column("killed_low", Integer),
    Column("killed_best", Integer),
    Column("killed_high", Integer),
    Column("killed_conservative", Integer),
    Column("killed_rule", Text, nullable=False, default=""),
    Column("injured_low", Integer),
    Column("injured_best", Integer),
    Column("injured_high", Integer),
    Column("injured_conservative", Integer),
    Column("injured_rule", Text, nullable=False, default=""),
    Column("n_articles", Integer, nullable=False),
    Column("n_independent", Integer, nullable=False),
    Column("grade", String(16), nullable=False),
    Column("background_only", Boolean, nullable=False, default=False),
    Column("contradictions", Text, nullable=False, default="[]"),  # JSON list
    # reconcile/: consistent | revised | contested; the entities that deny (JSON list); per claim,
    # in claim order, [entity, source type, side] (JSON); per kind, the claims behind each figure.
    Column("figure_status", String(16), nullable=False, default="consistent", server_default="consistent"),
    Column("denied_by", Text, nullable=False, default="[]", server_default="[]"),
    Column("claimants", Text, nullable=False, default="[]", server_default="[]"),
    Column("figure_basis", Text, nullable=False, default="{}", server_default="{}"),
    # The resolver's profile of the incident, so new articles are matched without reading its
    # mentions: grid cell for blocking, the day/weekday an undated cluster agrees on, target and
    # weapon words, the mean embedding and how many mentions it averages.
    Column("cell_lat", Integer),
    Column("cell_lon", Integer),
    Column("month_day", String(5)),
    Column("weekday", Integer),
    Column("target_words", Text, nullable=False, default=""),
    Column("weapon_words", Text, nullable=False, default=""),
    Column("district_words", Text, nullable=False, default="", server_default=""),
    Column("vector", LargeBinary),
    Column("n_vectors", Integer, nullable=False, default=0),
    Column("n_mentions", Integer, nullable=False, default=0),
    # The first and last day named by the news of the batches that touched it: an undated
    # incident meets only reports of about that time (store/blocking.py). 0001-01-01 to
    # 9999-12-31 when not known.
    Column("seen_from", Date),
    Column("seen_to", Date),
    Index("ix_incidents_date", "date"),
    Index("ix_incidents_cell_date_seen", "cell_lat", "cell_lon", "date", "seen_to"),
    Index("ix_incidents_cell_date", "cell_lat", "cell_lon", "date"),
    Index("ix_incidents_cell_precision_date", "cell_lat", "cell_lon", "date_precision", "date"),
    *checks("incidents"),  # event type, precisions, grade, figure status
)

# An incident id that disappeared when incidents were merged points to the one that took it in,
# so ids given out earlier (exports, links, notes) stay resolvable.
redirects = Table(
    "incident_redirects", metadata,
    Column("old_id", String(32), primary_key=True),
    Column("new_id", String(32), nullable=False),
    Column("reason", String(16), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# Corrections by hand (merge, split, detach), kept so every later ingest and rebuild honours them,
# and read back as the audit log (`harmledger decisions`). Mention ids as JSON lists.
decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),
    Column("incident_id", String(32), nullable=False),
    Column("together", Text, nullable=False, default="[]"),
    Column("apart", Text, nullable=False, default="[]"),
    Column("others", Text, nullable=False, default="[]"),
    Column("articles", Text, nullable=False, default="[]"),
    Column("reason", Text, nullable=False, default=""),
    Column("author", Text, nullable=False, default=""),
    Column("made_at", DateTime, nullable=False),
    *checks("decisions"),  # action
)

# Uploads waiting for, or done by, the API's write worker (serve/worker.py): POST /api/articles
# stores the file here and answers 202; GET /api/jobs/{id} reads the row. In the database, not in
# a process, so every `serve --workers N` process answers for every job and a restart keeps them.
jobs = Table(
    "jobs", metadata,
    Column("id", String(32), primary_key=True),
    Column("status", String(16), nullable=False),  # queued | running | done | failed
    Column("file_name", Text, nullable=False),
    Column("payload", LargeBinary),  # the upload; dropped once the job has ended
    Column("articles", Text, nullable=False, default="[]"),  # [[id, source_id], …] as read at the POST
    Column("result", Text),  # JSON: the ingest's counts, articles and errors
    Column("error", String(16)),  # an HL code when failed
    Column("detail", Text),
    Column("created_at", DateTime, nullable=False),
    Column("started_at", DateTime),
    Column("finished_at", DateTime),
    Index("ix_jobs_status_created", "status", "created_at"),
)

# One row: a number every write of what the API reads (articles, incidents, redirects, decisions)
# raises in its own transaction (store/version.py), so a reader learns in one small query whether
# anything it cached has changed.
data_version = Table(
    "data_version", metadata,
    Column("id", Integer, primary_key=True),
    Column("n", Integer, nullable=False),
)
