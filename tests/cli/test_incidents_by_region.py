"""`harmledger incidents --by region|country`: the API's table of totals in the terminal and as JSON."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli


def test_totals_per_region_as_json_sum_to_the_list(demo_db: str) -> None:
    listed = json.loads(run_cli("incidents", "--limit", "0", "--json", "--country", "UA", db=demo_db).stdout)
    result = run_cli("incidents", "--by", "region", "--json", "--country", "UA", db=demo_db)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["by"] == "region" and body["sort"] == "-killed" and body["filters"] == {"country": "UA"}
    assert sum(r["incidents"] for r in body["rows"]) == listed["total"]
    assert sum(r["killed"]["best"] for r in body["rows"]) == sum(i["killed"]["best"] or 0 for i in listed["incidents"])
    killed = [r["killed"]["best"] for r in body["rows"]]
    assert killed == sorted(killed, reverse=True)


def test_totals_per_country_print_a_table_in_the_asked_order(demo_db: str) -> None:
    result = run_cli("incidents", "--by", "country", "--sort", "-injured", db=demo_db)
    assert result.returncode == 0, result.stderr
    assert "countries" in result.stdout and "UA" in result.stdout and "TR" in result.stdout
    assert result.stdout.index("UA") < result.stdout.index("TR")  # more injured in Ukraine


@pytest.mark.parametrize("args", [["--by", "town"], ["--by", "region", "--sort", "sources"]])
def test_a_grouping_or_order_totals_cannot_take_is_a_usage_error(demo_db: str, args: list[str]) -> None:
    result = run_cli("incidents", *args, db=demo_db)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert ("--by" if "town" in args else "--sort") in result.stderr
