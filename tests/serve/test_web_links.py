"""A stored article URL that is not http(s) is never a link in the UI, and ingest stores none."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from harmledger.ingest.record import RawRecord, to_article
from harmledger.store.database import open_database
from harmledger.store.schema import articles
from tests.conftest import copy_db
from tests.serve.conftest import running_server
from tests.serve.test_web_ui import CHROMIUM, browser  # noqa: F401 - the browser fixture

HOSTILE = "javascript:document.title='pwned'"


@pytest.mark.parametrize("url", [HOSTILE, " JavaScript:alert(1)", "data:text/html,<script>1</script>",
                                 "vbscript:x", "//evil.test/x", "ftp://x.test/a"])
def test_ingest_stores_only_web_addresses(url: str) -> None:
    assert to_article(RawRecord("r", "text", url=url), detect_language=False).url == ""
    assert to_article(RawRecord("r", "text", url="https://x.test/a"), detect_language=False).url == "https://x.test/a"


# A server of its own (a fresh process) and a browser: left out of `make test-fast`.
@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: run 'make setup'")
def test_a_javascript_url_stored_earlier_is_shown_as_text(browser, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    db = copy_db(demo_db, tmp_path)
    engine = open_database(str(db))
    with engine.begin() as conn:  # as a database written before ingest checked URLs would hold it
        conn.execute(update(articles).values(url=HOSTILE))
    engine.dispose()
    with running_server(db) as url:
        incident = httpx.get(f"{url}/api/incidents?limit=1&sort=-killed").json()["incidents"][0]
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/incidents/{incident['id']}")
        page.wait_for_selector("#claims tbody tr")
        page.click("#claims tbody tr[data-index='0']")
        page.wait_for_selector("mark#evidence")
        assert page.locator("#article-meta a").count() == 0
        assert HOSTILE in page.inner_text("#article-meta")
        assert page.title() != "pwned"
        context.close()
