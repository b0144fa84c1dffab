"""The map for daily work, in Chromium at a desktop (1400×900) and a phone (390×844) viewport:
clustered markers that open, no page wider than the screen, Back that undoes a filter, and a
shared link that comes back exactly as sent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.serve.browser import wait_until
from tests.serve.test_web_ui import CHROMIUM, _screenshot_dir, browser  # noqa: F401  (the module's browser fixture)

# Two viewports on two backends in a real browser: left out of `make test-fast` (test_web_ui.py keeps
# the main flows there).
pytestmark = [pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: run 'make setup'"),
              pytest.mark.slow]
VIEWPORTS = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(VIEWPORTS))
def page(request: pytest.FixtureRequest, browser, live_server: str) -> Iterator[object]:  # noqa: F811
    context = browser.new_context(viewport=VIEWPORTS[request.param], is_mobile=request.param == "phone",
                                  has_touch=request.param == "phone")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    assert page.errors == []
    context.close()


def _wider_than_the_screen(page) -> int:  # type: ignore[no-untyped-def]
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def _loaded(page, search: str = "") -> None:  # type: ignore[no-untyped-def]
    """Wait until the view of `search` is on screen, every marker added to the map."""
    wait_until(page, f"document.body.dataset.view === {search!r}")
    page.wait_for_selector("#map[data-markers]", state="attached")


def test_neither_page_is_wider_than_the_screen(page, live_server: str, client: httpx.Client,  # type: ignore[no-untyped-def]
                                               tmp_path: Path) -> None:
    page.goto(f"{live_server}/")
    _loaded(page)
    page.wait_for_selector("#incidents tbody tr")
    assert _wider_than_the_screen(page) == 0
    if page.viewport_size["width"] < 600:
        page.wait_for_timeout(300)  # the base map's shapes
        page.screenshot(path=str(_screenshot_dir(tmp_path) / "map-phone.png"))
    busiest = client.get("/api/incidents", params={"sort": "-sources", "limit": 1}).json()["incidents"][0]
    page.goto(f"{live_server}/incidents/{busiest['id']}")
    page.wait_for_selector("#claims tbody tr")
    assert _wider_than_the_screen(page) == 0


def test_the_filters_fold_away_on_a_phone_only(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/")
    _loaded(page)
    phone = page.viewport_size["width"] < 600
    assert page.locator("select[name=grade]").is_visible() is not phone
    if phone:
        page.click("#filter-box summary")
        assert page.locator("select[name=grade]").is_visible()


def test_a_cluster_opens_to_markers_that_open_their_incident(page, live_server: str,  # type: ignore[no-untyped-def]
                                                              client: httpx.Client) -> None:
    # The demo's two Kharkiv strikes (market and hostel) lie on one point: one numbered disc.
    kharkiv = client.get("/api/incidents", params={"admin1": "Kharkiv"}).json()["incidents"]
    assert len(kharkiv) == 2 and len({(i["place"]["lat"], i["place"]["lon"]) for i in kharkiv}) == 1
    page.goto(f"{live_server}/?admin1=Kharkiv")
    _loaded(page, "admin1=Kharkiv")
    # (the disc of the first draw may still be fading after the fit to the data)
    wait_until(page, "document.querySelectorAll('.marker-cluster').length === 1")
    assert page.locator(".marker-cluster").inner_text().strip() == "2"
    assert page.locator("path.marker").count() == 0
    page.locator(".marker-cluster").click()  # one place: the disc spreads into its markers
    wait_until(page, "document.querySelectorAll('path.marker').length === 2")
    page.locator("path.marker").first.click(force=True)  # under the fading disc
    link = page.wait_for_selector(".popup a")
    assert (link.get_attribute("href") or "").split("?")[0] in {f"/incidents/{i['id']}" for i in kharkiv}


def test_back_undoes_a_filter(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/")
    _loaded(page)
    everything = page.locator("#incidents tbody tr").count()
    page.evaluate("document.getElementById('filter-box').open = true")
    page.select_option("select[name=grade]", "disputed")
    page.click("button[type=submit]")
    _loaded(page, "grade=disputed")
    assert page.locator("#incidents tbody tr").count() < everything
    page.go_back()
    _loaded(page)
    assert page.url.rstrip("/") == live_server and page.input_value("select[name=grade]") == ""
    assert page.locator("#incidents tbody tr").count() == everything
    page.go_forward()
    _loaded(page, "grade=disputed")
    assert page.input_value("select[name=grade]") == "disputed"


def test_a_shared_map_view_link_comes_back_exactly(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    search = "bbox=35.5%2C49.5%2C37.0%2C50.5"
    page.goto(f"{live_server}/?{search}")
    _loaded(page, search)
    page.wait_for_timeout(300)  # any late moveend of the map would rewrite the address now
    assert page.url.endswith(f"?{search}")
    assert page.is_checked("input[name=in_view]")
    assert page.locator("#incidents tbody tr").count() >= 1
    page.evaluate("document.getElementById('filter-box').open = true")
    page.click("button[type=submit]")  # applying again without moving keeps the box as sent
    page.wait_for_timeout(300)
    assert page.url.endswith(f"?{search}")


def test_the_timeline_counts_in_whole_numbers(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/")
    _loaded(page)
    wait_until(page, "document.getElementById('timeline').dataset.yTicks")
    ticks = [float(v) for v in page.get_attribute("#timeline", "data-y-ticks").split(",")]
    assert len(ticks) >= 2 and all(v.is_integer() for v in ticks)


def test_towns_are_named_at_region_zoom(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    search = "bbox=35.5%2C49.5%2C37.0%2C50.5"  # around Kharkiv
    page.goto(f"{live_server}/?{search}")
    _loaded(page, search)
    wait_until(page, "[...document.querySelectorAll('.place-label')].some(l => l.textContent === 'Kharkiv')")
    label = page.locator(".place-label", has_text="Kharkiv").first
    assert label.is_visible()


def _longest_jump(page, pane: str) -> float:  # type: ignore[no-untyped-def]
    """The longest edge of any shape in `pane`, in halves of the world's width at the map's zoom."""
    return float(page.evaluate("""(pane) => {
        // half the world's width in pixels at the map's zoom
        const half = 256 * 2 ** Number(document.getElementById('map').dataset.zoom) / 2;
        let worst = 0;
        for (const path of document.querySelectorAll(`.leaflet-${pane}-pane path`)) {
          for (const sub of (path.getAttribute('d') || '').split('M').slice(1)) {
            const xs = [...sub.matchAll(/(-?[0-9.]+) (-?[0-9.]+)/g)].map(m => Number(m[1]));
            for (let i = 1; i < xs.length; i++) worst = Math.max(worst, Math.abs(xs[i] - xs[i - 1]) / half);
          }
        }
        return worst;
      }""", pane))


def test_no_country_is_drawn_as_a_stripe_across_the_globe(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    """Chukotka and Fiji cross the 180° meridian: no edge of a shape may jump half the world."""
    search = "bbox=-180%2C-60%2C180%2C80"
    page.goto(f"{live_server}/?{search}")
    _loaded(page, search)
    wait_until(page, "document.querySelectorAll('.leaflet-base-pane path').length > 100")
    assert 0 < _longest_jump(page, "base") < 0.9  # in halves of the world: a stripe is about 2
    wait_until(page, "document.getElementById('map').dataset.borders === '0'")  # none at world zoom


def test_region_borders_are_drawn_thin_at_region_zoom(page, live_server: str,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    search = "bbox=35.5%2C49.5%2C37.0%2C50.5"  # around Kharkiv
    page.goto(f"{live_server}/?{search}")
    _loaded(page, search)
    assert int(page.get_attribute("#map", "data-zoom") or 0) >= 6
    wait_until(page, "Number(document.getElementById('map').dataset.borders) >= 2")  # Ukraine's and Russia's
    lines = page.locator(".leaflet-borders-pane path")
    assert lines.count() >= 2 and lines.first.get_attribute("stroke-width") == "0.7"
    assert any(line.is_visible() for line in lines.all())
    if page.viewport_size["width"] > 600:
        page.wait_for_timeout(300)  # the town names
        page.locator("#map").screenshot(path=str(_screenshot_dir(tmp_path) / "map-regions.png"))
    # Zoomed out to the world, the lines go (a continent's region lines would be a grey mesh).
    page.evaluate("document.querySelector('.leaflet-control-zoom-out').click()")
    for _ in range(4):
        page.wait_for_timeout(350)
        page.evaluate("document.querySelector('.leaflet-control-zoom-out').click()")
    wait_until(page, "document.getElementById('map').dataset.borders === '0'")
    assert page.locator(".leaflet-borders-pane path").count() == 0


def test_region_borders_across_the_antimeridian_are_not_stripes(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    search = "bbox=178%2C65%2C-178%2C66.5"  # Chukotka, across 180° (region zoom on a phone too)
    page.goto(f"{live_server}/?{search}")
    _loaded(page, search)
    wait_until(page, "Number(document.getElementById('map').dataset.borders) >= 1")
    assert page.locator(".leaflet-borders-pane path").count() >= 1
    assert _longest_jump(page, "borders") < 0.9


def test_casualties_over_time_and_the_region_table_follow_the_view(page, live_server: str,  # type: ignore[no-untyped-def]
                                                                   client: httpx.Client, tmp_path: Path) -> None:
    page.goto(f"{live_server}/")
    _loaded(page)
    wait_until(page, "Number(document.getElementById('casualties').dataset.series) > 0")
    by_type = client.get("/api/casualties").json()
    assert page.get_attribute("#casualties", "data-series") == str(len(by_type["series"]))
    assert page.locator("#casualties .casualty-chart canvas").count() == 2  # killed and injured
    page.select_option("#casualty-split", "grade")
    by_grade = client.get("/api/casualties", params={"by": "grade"}).json()
    wait_until(page, f"document.getElementById('casualties').dataset.series === '{len(by_grade['series'])}'")
    assert page.locator("#casualties .u-legend").first.inner_text().count("disputed") == 1

    regions = client.get("/api/regions").json()
    wait_until(page, f"document.querySelectorAll('#regions tbody tr').length === {len(regions['rows'])}")
    assert page.locator("#regions tfoot td").first.inner_text() == "all"
    assert _wider_than_the_screen(page) == 0
    if page.viewport_size["width"] > 600:
        page.locator(".summaries").screenshot(path=str(_screenshot_dir(tmp_path) / "summaries.png"))
    page.click("#regions th[data-sort=incidents]")
    first = regions["rows"][0]
    wait_until(page, "document.querySelector('#regions th[data-sort=incidents]').classList.contains('sorted-desc')")
    page.locator("#regions tbody tr", has_text=first["admin1"]).first.click()  # a row filters by its region
    expected = f"country={first['country_code']}&admin1={first['admin1']}"
    _loaded(page, expected)
    assert page.locator("#incidents tbody tr").count() == first["incidents"]


@pytest.fixture(scope="module")
def large_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on 2,500 made-up incidents: above the 2,000 the page clusters itself."""
    import importlib.util

    from tests.conftest import ROOT
    from tests.serve.conftest import running_server

    spec = importlib.util.spec_from_file_location("ui_load", ROOT / "bench" / "ui_load.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    db = tmp_path_factory.mktemp("large") / "large.db"
    bench.fill(db, 2500, seed=3)
    with running_server(db) as url:
        yield url


def test_a_large_view_is_paged_sorted_and_drawn_from_server_cells(page, large_server: str) -> None:  # type: ignore[no-untyped-def]
    api: list[str] = []
    page.on("request", lambda r: api.append(r.url) if "/api/" in r.url else None)
    page.goto(f"{large_server}/")
    _loaded(page)
    assert page.locator("#incidents tbody tr").count() == 100
    assert "1–100 of 2,500" in page.inner_text("#pager")
    assert page.locator(".marker-cluster").count() >= 1  # cells counted by the server
    assert not any("limit=500" in u for u in api)  # never every incident
    first_page = page.locator("#incidents tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    page.click("#next-page")
    wait_until(page, "document.getElementById('pager').innerText.includes('101–200')")
    second_page = page.locator("#incidents tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert len(second_page) == 100 and not set(first_page) & set(second_page)
    page.click("#incidents th[data-sort=killed]")
    _loaded(page, "sort=-killed")
    killed = page.locator("#incidents tbody tr td:nth-child(5)").all_inner_texts()
    tops = [int(k.split("–")[-1]) for k in killed]
    assert tops == sorted(tops, reverse=True)
    assert _wider_than_the_screen(page) == 0


def test_the_filter_bar_filters_through_claims(page, live_server: str, client: httpx.Client) -> None:  # type: ignore[no-untyped-def]
    expected = [i["id"] for i in client.get("/api/incidents", params={"actor": "russia", "sort": "-date"}).json()[
        "incidents"]]
    page.goto(f"{live_server}/")
    _loaded(page)
    page.evaluate("document.getElementById('filter-box').open = true")
    page.fill("input[name=actor]", "russia")
    page.click("button[type=submit]")
    _loaded(page, "actor=russia")
    assert page.locator("#incidents tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)") == expected
    assert _wider_than_the_screen(page) == 0


def test_the_incident_page_shows_the_matching_event_of_a_loaded_comparison(  # type: ignore[no-untyped-def]
        page, compare_server: str, tmp_path: Path) -> None:
    with httpx.Client(base_url=compare_server, timeout=30) as client:
        listed = client.get("/api/incidents", params={"limit": 500}).json()["incidents"]
        answers = [client.get(f"/api/incidents/{i['id']}/comparison").json() for i in listed]
    matched = next(a for a in answers if a["match"])
    page.goto(f"{compare_server}/incidents/{matched['incident']}")
    page.wait_for_selector("#comparison:not([hidden])")
    assert page.get_attribute("#comparison", "data-match") == matched["match"]["their_id"]
    first = page.locator("#comparison-table tbody tr").first.inner_text()
    assert "matched" in first and f"theirs {matched['match']['their_fatalities']}" in first
    assert "acled_sample.csv" in page.inner_text("#comparison-file")
    assert _wider_than_the_screen(page) == 0
    if page.viewport_size["width"] > 600:
        page.locator("#comparison").screenshot(path=str(_screenshot_dir(tmp_path) / "incident-comparison.png"))
    outside = next(a for a in answers if not a["in_scope"])
    page.goto(f"{compare_server}/incidents/{outside['incident']}")
    page.wait_for_selector("#comparison:not([hidden])")
    assert "does not cover" in page.inner_text("#comparison-note")


def test_the_incident_page_has_no_comparison_without_a_file(page, live_server: str,  # type: ignore[no-untyped-def]
                                                            client: httpx.Client) -> None:
    first = client.get("/api/incidents", params={"limit": 1}).json()["incidents"][0]
    page.goto(f"{live_server}/incidents/{first['id']}")
    page.wait_for_selector("#claims tbody tr")
    page.wait_for_timeout(300)  # the comparison answer
    assert page.locator("#comparison").is_hidden()
