"""`show --explain` says why each article joined the incident and how each figure was made."""

from __future__ import annotations

from tests.conftest import export_json, run_cli


def test_explain_lists_members_and_figure_rules(demo_db: str) -> None:
    data = export_json(demo_db)
    busiest = max(data["incidents"], key=lambda i: len(i["mentions"]))
    result = run_cli("show", busiest["id"], "--explain", db=demo_db)
    assert result.returncode == 0, result.stderr
    assert "why each article is here" in result.stdout
    assert f"best {busiest['killed']['best']} = latest figure of the most authoritative" in result.stdout
    assert f"low {busiest['killed']['low']} = smallest total" in result.stdout
