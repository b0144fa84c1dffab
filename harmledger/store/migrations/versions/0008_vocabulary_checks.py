"""Columns that hold a closed vocabulary (role, event type, precisions, claim kind, qualifier,
grade, figure status, decision action) refuse any other value: a CHECK constraint each, its
allowed values made from the enums of models.py (store/vocabularies.py), as schema.py declares.

No version of harmledger has written a value outside these vocabularies (each is unchanged since
the first commit but for kinds added), so stored rows fit. Should hand-edited rows not fit, the
migration stops and names the column and its values (OutsideVocabulary, shown as HL300) rather
than rewrite or drop data: correct those rows, then open the database again.

SQLite adds a CHECK constraint only by rebuilding the table (Alembic's batch mode; database.py runs
migrations with foreign keys off, as SQLite's procedure requires, so rebuilding `mentions` does not
cascade into `claims`); PostgreSQL adds it in place.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

from harmledger.store.vocabularies import VOCABULARIES, OutsideVocabulary, check_name, one_of, stored_outside

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    misfits = stored_outside(op.get_bind())
    if misfits:
        raise OutsideVocabulary("; ".join(misfits) + ": correct or delete those rows, then open the database again")
    for table_name, columns in VOCABULARIES.items():
        with op.batch_alter_table(table_name) as batch:
            for name, vocabulary in columns.items():
                batch.create_check_constraint(check_name(table_name, name), one_of(name, vocabulary))


def downgrade() -> None:
    for table_name, columns in VOCABULARIES.items():
        with op.batch_alter_table(table_name) as batch:
            for name in columns:
                batch.drop_constraint(check_name(table_name, name), type_="check")
