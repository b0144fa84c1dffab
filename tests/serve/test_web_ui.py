"""The web UI in Debian's headless Chromium, driven by Playwright, against a real server.

Screenshots go to a temporary folder; `UPDATE_SCREENSHOTS=1` writes docs/map.png and docs/incident.png.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT
from tests.serve.browser import wait_until
from tests.serve.conftest import OLD_ID

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: run 'make setup'")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, live_server: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 960}, accept_downloads=True)
    page = context.new_page()
    page.outside = []  # every request that leaves the server under test: there must be none
    page.errors = []
    page.on("request", lambda r: None if r.url.startswith((live_server, "data:")) else page.outside.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def _screenshot_dir(tmp_path: Path) -> Path:
    return ROOT / "docs" if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path


def test_map_filter_incident_claim_and_export(page, live_server: str, client: httpx.Client,  # type: ignore[no-untyped-def]
                                              tmp_path: Path) -> None:
    everything = client.get("/api/incidents", params={"sort": "-date"}).json()["incidents"]  # the list: newest first
    page.goto(f"{live_server}/")
    page.wait_for_selector("#incidents tbody tr")
    page.wait_for_selector("#map path.leaflet-interactive")
    assert page.locator("#incidents tbody tr").count() == len(everything)
    # Every located incident is on the map: as its own marker, or counted in a cluster's number
    # (polled: clusters form with a short animation after the markers are added).
    located = sum(1 for i in everything if i["place"])
    wait_until(page, f"""document.querySelectorAll('path.marker').length + [...document.querySelectorAll(
        '.marker-cluster span')].reduce((n, s) => n + Number(s.textContent), 0) === {located}""")
    assert page.locator("#timeline canvas").count() >= 1
    page.wait_for_timeout(300)  # let the base map finish drawing before the picture
    page.screenshot(path=str(_screenshot_dir(tmp_path) / "map.png"))

    # Apply a filter: the list, the markers and the export links all follow it.
    page.select_option("select[name=grade]", "disputed")
    page.click("button[type=submit]")
    disputed = [i for i in everything if i["grade"] == "disputed"]
    wait_until(page, f"document.querySelectorAll('#incidents tbody tr').length === {len(disputed)}")
    assert "grade=disputed" in page.url
    assert page.locator("path.marker-corroborated").count() == 0
    shown = page.locator("#incidents tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert shown == [i["id"] for i in disputed]

    with page.expect_download() as download:
        page.click("#export-csv")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))  # the header line first (CONTRACT.md)
    assert {r["grade"] for r in rows} == {"disputed"}
    assert [r["event_id"] for r in rows] == shown

    # Open the busiest disputed incident and click a claim: its evidence is highlighted in the article.
    busiest = max(disputed, key=lambda i: i["sources"]["articles"])
    page.click(f"#incidents tbody tr[data-id='{busiest['id']}'] a")
    page.wait_for_selector("#claims tbody tr")
    assert busiest["id"] in page.url and "grade=disputed" in page.url
    detail = client.get(f"/api/incidents/{busiest['id']}").json()
    assert page.locator("#claims tbody tr").count() == len(detail["claims"])
    assert detail["killed"]["rule"] in page.locator("#figures").inner_text()
    assert page.locator("#contradictions tbody tr").count() == max(1, len(detail["contradictions"]))
    index = next(i for i, c in enumerate(detail["claims"]) if c["kind"] == "killed")
    page.click(f"#claims tbody tr[data-index='{index}']")
    mark = page.wait_for_selector("mark#evidence")
    assert mark.inner_text().strip() == detail["claims"][index]["evidence"].strip()
    assert "selected" in (page.locator(f"#claims tbody tr[data-index='{index}']").get_attribute("class") or "")
    page.screenshot(path=str(_screenshot_dir(tmp_path) / "incident.png"))

    assert page.outside == [] and page.errors == []


def test_timeline_drag_sets_the_date_filter(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/?since=2022-06-01")
    page.wait_for_selector("#timeline .u-over")
    box = page.locator("#timeline .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.1, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    wait_until(page, "new URL(location.href).searchParams.has('until') && "
                      "document.body.dataset.view === location.search.slice(1)")
    since, until = page.input_value("input[name=since]"), page.input_value("input[name=until]")
    assert "2022-06-01" <= since < until
    dates = page.locator("#incidents tbody tr td:first-child").all_inner_texts()
    assert all(since <= d[:10] <= until for d in dates)


def test_a_merged_incident_link_lands_on_its_successor(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/incidents/{OLD_ID}")
    page.wait_for_selector("#claims tbody tr")
    assert f"{OLD_ID} was merged into" in page.inner_text("#moved")
    assert OLD_ID not in page.url


def test_api_docs_load_offline(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert "/api/incidents" in page.inner_text(".swagger-ui")
    assert page.outside == []


def test_a_claim_permalink_opens_the_incident_with_that_evidence_highlighted(  # type: ignore[no-untyped-def]
        page, live_server: str, client: httpx.Client) -> None:
    listed = client.get("/api/incidents", params={"grade": "disputed", "sort": "-sources", "limit": 1}).json()
    detail = client.get(f"/api/incidents/{listed['incidents'][0]['id']}").json()
    claim = detail["claims"][-1]
    page.goto(f"{live_server}/incidents/{detail['id']}#claim={claim['id']}")
    mark = page.wait_for_selector("mark#evidence")
    assert mark.get_attribute("data-claim") == claim["id"]
    assert mark.inner_text().strip() == claim["evidence"].strip()

    # A claim named in a contradiction is a link to it; following it changes the permalink.
    with_refs = [c for c in detail["contradictions"] if c["claim_ids"]]
    assert with_refs, "the busiest disputed demo incident has contradictions"
    cited = with_refs[0]["claim_ids"][0]
    page.click(f"#contradictions a.claim-link[href='#claim={cited}']")
    wait_until(page, f"document.querySelector('mark#evidence').dataset.claim === {cited!r}")
    assert page.url.endswith(f"#claim={cited}")
    assert page.outside == [] and page.errors == []


def test_a_merged_incident_permalink_keeps_its_claim(page, live_server: str, client: httpx.Client) -> None:  # type: ignore[no-untyped-def]
    successor = client.get(f"/api/incidents/{OLD_ID}", follow_redirects=True).json()
    claim = successor["claims"][0]
    page.goto(f"{live_server}/incidents/{OLD_ID}#claim={claim['id']}")
    mark = page.wait_for_selector("mark#evidence")
    assert mark.get_attribute("data-claim") == claim["id"] and OLD_ID not in page.url


def test_the_incident_page_tells_the_story_at_a_glance(page, live_server: str, client: httpx.Client,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    listed = client.get("/api/incidents", params={"sort": "-sources", "limit": 1}).json()["incidents"][0]
    detail = client.get(f"/api/incidents/{listed['id']}").json()
    page.goto(f"{live_server}/incidents/{detail['id']}")
    page.wait_for_selector("svg.toll-chart")
    # the toll chart: a point per killed or injured claim with a figure
    charted = [c for c in detail["claims"] if c["kind"] in ("killed", "injured") and c["low"] is not None]
    assert page.locator("svg.toll-chart .claim-point").count() == len(charted)
    # by keyboard: a point is focusable and Enter opens its evidence (points of one figure may overlap)
    page.locator(f"svg.toll-chart .claim-point[data-claim='{charted[0]['id']}']").focus()
    page.keyboard.press("Enter")
    wait_until(page, f"document.querySelector('mark#evidence')?.dataset.claim === {charted[0]['id']!r}")
    # the sources, with reprints named as such
    assert page.locator("#sources tbody tr").count() == len(detail["articles"])
    reprints = sum(1 for a in detail["articles"] if a["duplicate_of"])
    assert page.locator("#sources tbody tr", has_text="reprint of").count() == reprints
    # evidence inline, a map of the place, a citation with the permalink and the data version
    assert page.locator("#claims td.snippet").count() == len(detail["claims"])
    wait_until(page, "document.querySelectorAll('#place-map path').length > 1")  # the country shapes and the place
    cite = page.inner_text("#cite-text")
    assert f"/incidents/{detail['id']}" in cite and "data version" in cite and "unknown)" not in cite
    page.screenshot(path=str(_screenshot_dir(tmp_path) / "incident-story.png"), full_page=True)
    assert page.outside == [] and page.errors == []


def test_a_correction_made_from_the_page_is_stored_and_logged(browser, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.serve.conftest import copy_db, running_server

    token = "page-token-not-a-secret"
    with running_server(copy_db(demo_db, tmp_path), token=token) as url, httpx.Client(base_url=url) as api:
        listed = api.get("/api/incidents", params={"sort": "-sources", "limit": 1}).json()["incidents"][0]
        detail = api.get(f"/api/incidents/{listed['id']}").json()
        moved = detail["articles"][-1]["id"]
        context = browser.new_context(viewport={"width": 1400, "height": 960})
        page = context.new_page()
        page.goto(f"{url}/incidents/{detail['id']}")
        page.wait_for_selector("#sources tbody tr")
        page.click("#correct summary")
        page.check(f"#sources input[value='{moved}']")
        page.select_option("form.corrections select[name=correction]", "split")
        page.fill("form.corrections input[name=reason]", "reports a second strike")
        page.fill("form.corrections input[name=author]", "page-test")
        page.fill("form.corrections input[name=token]", token)
        page.click("form.corrections button[type=submit]")
        result = "document.querySelector('form.corrections .result').textContent"
        wait_until(page, f"{result}.length > 0")
        assert page.evaluate(result).startswith("stored"), page.evaluate(result)
        wait_until(page, f"document.querySelectorAll('#sources tbody tr').length === {len(detail['articles']) - 1}")
        logged = api.get("/api/decisions").json()
        context.close()
    assert [(d["action"], d["author"], d["reason"], d["articles"]) for d in logged] == [
        ("split", "page-test", "reports a second strike", [moved])]
