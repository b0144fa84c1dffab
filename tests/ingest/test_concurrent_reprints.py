"""Two ingests at once, each with a copy of one wire story: the later stored is marked a reprint of
the earlier. The duplicate search reads what other processes stored under the lock that stores."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from harmledger.store.database import open_database
from tests.conftest import CLI, export_json
from tests.ingest.test_duplicates import WIRE

# Several processes running the whole pipeline: left out of `make test-fast`.
pytestmark = pytest.mark.slow


def test_two_concurrent_ingests_mark_one_copy_a_reprint_of_the_other(db: str, tmp_path: Path) -> None:
    open_database(db).dispose()  # create and migrate first: both start on one schema
    inputs = []
    for i, outlet in enumerate(["Eastern Wire", "Harbour Gazette"]):
        path = tmp_path / f"copy{i}.jsonl"
        path.write_text(json.dumps({"id": f"copy{i}", "outlet": outlet, "url": f"https://example.org/{i}",
                                    "published": "2022-07-22", "text": WIRE + (" (Eastern Wire)" if i else "")}),
                        encoding="utf-8")
        inputs.append(path)
    env = {k: v for k, v in os.environ.items() if k != "HARMLEDGER_DB"}
    # Both start together: each reads the stored articles before the other has stored its copy.
    runs = [subprocess.Popen([str(CLI), "--db", db, "ingest", str(path)], env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for path in inputs]
    for run in runs:
        _, err = run.communicate(timeout=900)
        assert run.returncode == 0, err
    data = export_json(db)
    articles = {a["source_id"]: a for a in data["articles"]}
    assert len(articles) == 2
    originals = [a for a in articles.values() if a["duplicate_of"] is None]
    assert len(originals) == 1, articles
    (reprint,) = [a for a in articles.values() if a["duplicate_of"] is not None]
    assert reprint["duplicate_of"] == originals[0]["id"]
    (incident,) = [i for i in data["incidents"] if not i["background_only"]]
    assert incident["sources"] == {"articles": 2, "independent": 1}
