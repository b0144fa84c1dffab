"""A 500 is one JSON answer on a connection that stays open, and one traceback in the server log."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import text

from harmledger.store.database import open_database
from tests.serve.conftest import copy_db, running_server


def _exchange(sock: socket.socket, path: str, host: str) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 request on an open keep-alive socket; (status, headers, body)."""
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"the server closed the connection before answering {path}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    while len(body) < int(headers["content-length"]):
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"the server closed the connection while answering {path}")
        body += chunk
    return int(lines[0].split()[1]), headers, body


@pytest.fixture()
def broken_db(demo_db: str, tmp_path: Path) -> str:
    """The demo database with its claims table renamed away: listing claims fails in the server."""
    db = copy_db(demo_db, tmp_path)
    engine = open_database(db)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE claims RENAME TO claims_gone"))
    engine.dispose()
    return db


# A server of its own on a broken copy (a fresh process): left out of `make test-fast`.
@pytest.mark.slow
def test_a_500_keeps_the_connection_and_logs_its_traceback_once(broken_db: str, tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    with running_server(broken_db, log=log) as url:
        where = urlsplit(url)
        with socket.create_connection((where.hostname, where.port), timeout=30) as sock:
            status, headers, body = _exchange(sock, "/api/claims", where.netloc)
            assert status == 500
            assert json.loads(body)["error"] == "internal" and b"Traceback" not in body
            assert headers.get("connection", "").lower() != "close"
            status, _, body = _exchange(sock, "/health", where.netloc)  # the same connection
            assert status == 200
    logged = log.read_text()
    # One log record with the traceback (a chained exception prints "Traceback" once per link).
    assert logged.count("error serving GET /api/claims") == 1, logged
    assert "Exception in ASGI application" not in logged, logged
