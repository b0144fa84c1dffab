"""Filtered, sorted incident queries on a real SQLite file (the demo corpus)."""

from __future__ import annotations

from pathlib import Path

from harmledger.store.database import open_database
from harmledger.store.filters import Filters
from harmledger.store.queries import count_incidents, select_incidents


def test_a_bbox_across_the_antimeridian_wraps_round_the_globe(demo_db: Path) -> None:
    engine = open_database(str(demo_db))
    located = {i.id for i in select_incidents(engine, Filters()) if i.place}
    pacific = Filters(bbox=(170.0, -90.0, -170.0, 90.0))
    east_and_wrap = Filters(bbox=(20.0, -90.0, -170.0, 90.0))  # 20°E eastwards to 170°W
    assert select_incidents(engine, pacific) == []
    assert {i.id for i in select_incidents(engine, east_and_wrap)} == located


def test_count_matches_the_selection_and_paging_splits_it(demo_db: Path) -> None:
    engine = open_database(str(demo_db))
    view = Filters(country="ua", include_background=False)
    chosen = [i.id for i in select_incidents(engine, view, "-killed")]
    assert len(chosen) == count_incidents(engine, view) > 3
    paged = [i.id for start in range(0, len(chosen), 3)
             for i in select_incidents(engine, view, "-killed", limit=3, offset=start)]
    assert paged == chosen
