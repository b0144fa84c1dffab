"""On the seeds and the dev and dev2 corpora (read from ../shared): a belligerent's count of enemy
combatants never sets an incident's best, a toll that only rises is never contested, and the
worked examples of docs/reconciliation.md are what `show` prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harmledger.models import Incident
from harmledger.reconcile.history import is_enemy_count, is_party, published
from harmledger.store.database import open_database
from harmledger.store.repository import all_articles, load_incidents
from tests.conftest import run_cli, shared_path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "reconciliation.md"
_EXAMPLE = re.compile(r"<!-- show: (?P<place>[^|]+?) \| (?P<target>.+?) -->\s*```text\n(?P<lines>.*?)```", re.S)


# seeds + dev + dev2 through the whole pipeline: left out of `make test-fast`.
pytestmark = pytest.mark.slow

@pytest.fixture(scope="module")
def corpora_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """seeds + dev + dev2 ingested into one new SQLite database."""
    sources = [shared_path("seeds"), shared_path("corpus", "dev", "articles.jsonl"),
               shared_path("corpus", "dev2", "articles.jsonl")]
    db = str(tmp_path_factory.mktemp("corpora") / "corpora.db")
    result = run_cli("ingest", *map(str, sources), db=db)
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def incidents(corpora_db: str) -> list[Incident]:
    return load_incidents(open_database(corpora_db, create=False))


def test_no_best_is_a_partys_count_of_enemy_combatants(incidents: list[Incident]) -> None:
    for inc in incidents:
        for figures in (inc.killed, inc.injured):
            for i in figures.basis.get("best", []):
                assert not is_enemy_count(inc.claims[i]), (inc.id, inc.claims[i])
    dormitories = [inc for inc in incidents if any(c.low == 600 and c.group == "soldiers" for c in inc.claims)]
    assert dormitories and all(inc.killed.best != 600 for inc in dormitories)


def test_a_toll_its_reliable_sources_only_revise_upward_is_not_contested(corpora_db: str,
                                                                         incidents: list[Incident]) -> None:
    articles = all_articles(open_database(corpora_db, create=False), with_text=False)
    checked = 0
    for inc in incidents:
        counts = [c for c in inc.claims if c.is_figure and c.low is not None]
        if not counts or any(is_party(c) or c.low == 0 for c in counts):
            continue
        by_entity: dict[tuple[str, str], list[int]] = {}
        for c in sorted(counts, key=lambda c: published(c, articles)):
            by_entity.setdefault((c.kind, c.entity), []).append(c.low or 0)
        if all(series == sorted(series) for series in by_entity.values()):
            checked += 1
            assert inc.figure_status != "contested", inc.id
    assert checked >= 10


def _examples() -> list[tuple[str, str, list[str]]]:
    return [(m["place"], m["target"], [line for line in m["lines"].splitlines() if line.strip()])
            for m in _EXAMPLE.finditer(DOCS.read_text(encoding="utf-8"))]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("place", "target", "lines"), _examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_worked_examples_in_the_docs_are_what_show_prints(corpora_db: str, incidents: list[Incident], place: str,
                                                           target: str, lines: list[str]) -> None:
    found = [inc for inc in incidents if inc.place and inc.place.name == place and inc.target == target]
    assert len(found) == 1, f"docs example {place} / {target}: {len(found)} incidents"
    result = run_cli("show", found[0].id, db=corpora_db)
    assert result.returncode == 0, result.stderr
    shown = _flat(result.stdout)
    for line in lines:
        assert _flat(line) in shown, f"{place} / {target}: {line!r} is not in show's output"


def test_the_docs_have_the_six_worked_examples() -> None:
    assert {place for place, _, _ in _examples()} >= {"Kramatorsk", "Kremenchuk", "Chasiv Yar", "Mariupol",
                                                      "Yavoriv"}
    assert len(_examples()) >= 6
