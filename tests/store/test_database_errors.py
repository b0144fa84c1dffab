"""Database problems are one line naming the database (never its password), exit status 1."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.conftest import run_cli


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_postgresql_server_is_one_line_without_the_password() -> None:
    url = f"postgresql://analyst:secret@127.0.0.1:{_closed_port()}/harmledger"
    result = run_cli("incidents", db=url)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("HL305") and "127.0.0.1" in line and "make pg" in line
    assert "secret" not in line


def test_a_sqlite_file_in_a_missing_folder_is_named(tmp_path: Path) -> None:
    result = run_cli("incidents", db=tmp_path / "nowhere" / "h.db")
    assert result.returncode == 1 and result.stderr.startswith("HL300") and "nowhere" in result.stderr


def test_a_damaged_database_is_one_line_not_a_traceback(db: str) -> None:
    from sqlalchemy import text

    from harmledger.store.database import open_database

    engine = open_database(db)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE incidents"))  # at the current revision, but a table is gone
    engine.dispose()
    result = run_cli("incidents", db=db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("HL306") and "incidents" in line
