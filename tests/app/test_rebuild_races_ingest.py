"""`rebuild` and an ingest at once: the rebuild reads the mentions under the resolve lock, so an ingest
that stores meanwhile waits for it and resolves its own mentions afterwards; no mention is left in
no incident and every incident id, old or new, still leads to an incident. On SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from harmledger.store.database import open_database
from harmledger.store.repository import resolve_incident_id
from harmledger.store.schema import articles, incidents, mentions
from tests.conftest import CLI, copy_db
from tests.stories import MARKET, PORT, TOLL

# Two whole-pipeline processes: left out of `make test-fast`.
pytestmark = pytest.mark.slow
INGEST_GRACE = 30  # seconds the ingest gets while the rebuild is paused (it finishes in them if not locked out)


def _state(db: str) -> tuple[set[str], int, int]:
    """Incident ids, mentions in no (existing) incident, articles."""
    engine = open_database(db)
    try:
        with engine.connect() as conn:
            ids = set(conn.execute(select(incidents.c.id)).scalars())
            loose = conn.execute(select(func.count()).select_from(mentions).where(
                mentions.c.incident_id.is_(None) | mentions.c.incident_id.not_in(select(incidents.c.id)))).scalar_one()
            n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    finally:
        engine.dispose()
    return ids, loose, n_articles


def test_an_ingest_during_a_rebuild_loses_no_mention_and_no_incident(demo_db: str, tmp_path: Path) -> None:
    db = copy_db(demo_db, tmp_path)
    old_ids, loose, n_before = _state(db)
    assert loose == 0
    folder = tmp_path / "new"
    folder.mkdir()
    for name, story in (("market", MARKET), ("port", PORT), ("toll", TOLL)):
        (folder / f"{name}.txt").write_text(story, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "HARMLEDGER_DB"}
    release = tmp_path / "release"
    # The rebuild stops right after reading the mentions; the ingest runs then.
    rebuild = subprocess.Popen([str(CLI), "--db", db, "rebuild"], text=True, stderr=subprocess.PIPE,
                               env={**env, "HARMLEDGER_PAUSE_AT": f"rebuilding:1:{release}"})
    ingest = None
    try:
        deadline = time.monotonic() + 300
        while not Path(f"{release}.reached").exists():
            assert rebuild.poll() is None, rebuild.communicate()[1]
            assert time.monotonic() < deadline, "the rebuild never reached its read"
            time.sleep(0.1)
        ingest = subprocess.Popen([str(CLI), "--db", db, "ingest", str(folder)], text=True,
                                  stderr=subprocess.PIPE, env=env)
        try:  # waits for the rebuild's lock here; a rebuild that read before locking lets it finish
            ingest.wait(timeout=INGEST_GRACE)
        except subprocess.TimeoutExpired:
            pass
    finally:
        release.touch()
        assert rebuild.wait(timeout=600) == 0, rebuild.communicate()[1]
        if ingest is not None:
            assert ingest.wait(timeout=600) == 0, ingest.communicate()[1]
    ids, loose, n_after = _state(db)
    assert n_after == n_before + 3  # the ingest stored its three new articles
    assert loose == 0  # every mention, the ingest's too, is in an incident
    engine = open_database(db)
    try:
        for old in sorted(old_ids | ids):
            assert resolve_incident_id(engine, old)[0] in ids, f"{old} leads nowhere"
    finally:
        engine.dispose()
