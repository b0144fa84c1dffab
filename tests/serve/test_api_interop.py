"""The API's exports in ACLED's and UCDP GED's columns are the CLI's."""

from __future__ import annotations

import httpx
import pytest

from harmledger.interop.codebooks import ACLED_COLUMNS, UCDP_COLUMNS
from tests.conftest import run_cli


@pytest.mark.parametrize(("fmt", "columns"), [("acled", ACLED_COLUMNS), ("ucdp", UCDP_COLUMNS)])
def test_the_api_serves_the_cli_export_in_the_codebook_columns(client: httpx.Client, api_db: str, fmt: str,
                                                                columns: list[str]) -> None:
    answer = client.get("/api/export", params={"format": fmt, "country": "UA"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert f"incidents-{fmt}.csv" in answer.headers["content-disposition"]
    assert answer.text.splitlines()[0] == ",".join(columns)
    cli = run_cli("export", "--format", fmt, "--country", "UA", db=api_db).stdout
    assert [line.split(",")[0] for line in answer.text.splitlines()] == \
        [line.split(",")[0] for line in cli.splitlines()]
