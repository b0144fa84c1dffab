"""Two ingests at once on one database, over overlapping inputs, store every article, mention,
claim and incident once: the database refuses duplicates (unique keys, ON CONFLICT DO NOTHING)
and resolution takes turns under a database lock."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from harmledger.store.database import open_database
from tests.conftest import CLI, count_rows, export_json, run_cli, shared_path
from tests.resolve.test_incremental import MARKET, PORT, TOLL

# Whole-pipeline runs of a corpus or several processes: left out of `make test-fast`.
pytestmark = pytest.mark.slow


def _folder(root: Path, name: str, **texts: str) -> Path:
    """The seed articles plus our own `texts`, in a new folder."""
    folder = root / name
    shutil.copytree(shared_path("seeds"), folder)
    for file, text in texts.items():
        (folder / f"{file}.txt").write_text(text, encoding="utf-8")
    return folder


def _grouping(db: str) -> set[frozenset[str]]:
    data = export_json(db)
    source = {a["id"]: a["source_id"] for a in data["articles"]}
    return {frozenset(source[m["article_id"]] for m in i["mentions"]) for i in data["incidents"]}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[frozenset[str]], int]:
    """Grouping and claim count of a single ingest of everything both processes read."""
    root = tmp_path_factory.mktemp("single")
    db = str(root / "one.db")
    folder = _folder(root, "all", market=MARKET, port=PORT, toll=TOLL)
    assert run_cli("ingest", str(folder), db=db).returncode == 0
    return _grouping(db), count_rows(db, "claims")


def test_two_concurrent_ingests_store_nothing_twice(db: str, tmp_path: Path, one_process) -> None:
    first = _folder(tmp_path, "first", market=MARKET)
    second = _folder(tmp_path, "second", port=PORT, toll=TOLL)
    open_database(db).dispose()  # create and migrate first: both start on one schema
    env = dict(os.environ)
    env.pop("HARMLEDGER_DB", None)
    runs = [subprocess.Popen([str(CLI), "--db", db, "ingest", str(folder)], env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for folder in (first, second)]
    for run in runs:
        _, err = run.communicate(timeout=900)
        assert run.returncode == 0, err

    data = export_json(db)
    assert len(data["articles"]) == 8 and count_rows(db, "articles") == 8
    assert Counter(a["source_id"] for a in data["articles"]).most_common(1)[0][1] == 1
    mention_ids = [(m["article_id"], m["start"]) for i in data["incidents"] for m in i["mentions"]]
    assert len(mention_ids) == len(set(mention_ids)) == count_rows(db, "mentions")
    grouping, claims = one_process
    assert count_rows(db, "claims") == claims
    assert _grouping(db) == grouping  # the same incidents as one process made, none twice
