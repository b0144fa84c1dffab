"""The columns that hold a closed vocabulary of models.py, each with its enum: the one table the
schema's CHECK constraints are made from (schema.py for the tables, migration 0008 for databases
made before it), so the database refuses a value the code would not write.

Contradiction kinds, source types and sides are stored inside JSON columns (incidents.contradictions,
incidents.claimants) and are checked by the code that writes them, not by a constraint.
`incident_redirects.reason` is no vocabulary of models.py and is left open.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, ColumnClause, Connection, column, select, table

from harmledger.models import (
    Action,
    ClaimKind,
    DatePrecision,
    EventType,
    FigureStatus,
    Grade,
    PlacePrecision,
    Qualifier,
    Role,
)

# Table -> column -> the enum whose values it may hold (or NULL where the column is nullable).
# A new member of one of these enums needs a migration that recreates the column's constraint.
VOCABULARIES: dict[str, dict[str, type[StrEnum]]] = {
    "mentions": {"role": Role, "event_type": EventType, "date_precision": DatePrecision,
                 "geo_precision": PlacePrecision},
    "claims": {"kind": ClaimKind, "qualifier": Qualifier},
    "incidents": {"event_type": EventType, "date_precision": DatePrecision, "geo_precision": PlacePrecision,
                  "grade": Grade, "figure_status": FigureStatus},
    "decisions": {"action": Action},
}


class OutsideVocabulary(ValueError):
    """Stored rows hold values a vocabulary lacks, so its constraint cannot be added."""


def check_name(table_name: str, column_name: str) -> str:
    """The name of the CHECK constraint on one column: ck_<table>_<column>."""
    return f"ck_{table_name}_{column_name}"


def one_of(column_name: str, vocabulary: type[StrEnum]) -> str:
    """The SQL condition that `column_name` holds a value of `vocabulary` (NULL passes a CHECK)."""
    values = ", ".join("'" + member.value.replace("'", "''") + "'" for member in vocabulary)
    return f"{column_name} IN ({values})"


def checks(table_name: str) -> list[CheckConstraint]:
    """The CHECK constraints of one table, for its Table definition."""
    return [CheckConstraint(one_of(name, vocabulary), name=check_name(table_name, name))
            for name, vocabulary in VOCABULARIES.get(table_name, {}).items()]


def stored_outside(conn: Connection) -> list[str]:
    """Each column whose stored rows hold values outside its vocabulary, with those values."""
    found = []
    for table_name, columns in VOCABULARIES.items():
        for name, vocabulary in columns.items():
            col: ColumnClause[Any] = column(name)
            query = (select(col).select_from(table(table_name, col)).distinct()
                     .where(col.is_not(None), col.not_in([m.value for m in vocabulary])))
            values = sorted(str(v) for v in conn.execute(query).scalars())
            if values:
                found.append(f"{table_name}.{name} holds {', '.join(map(repr, values))}"
                             f" (allowed: {', '.join(m.value for m in vocabulary)})")
    return found
