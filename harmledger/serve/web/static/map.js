// The overview page: filter bar, offline map, timeline and incident list, all showing one filtered view.
import {
  GRADE_COLOURS, allIncidents, dateLabel, el, getJSON, gradeBadge, label, pickFilters, placeLabel, range,
} from "./api.js";
import { cellLayers, fetchCells } from "./cells.js";
import { PAGE, drawList, fetchPage } from "./list.js";
import { drawCasualties, drawRegions } from "./summaries.js";

const form = document.getElementById("filters");
const status = document.getElementById("status");
// Up to this many incidents the page holds them all and clusters them itself; above, the server
// counts them per map cell and per day, and the list is read a page at a time.
const CLIENT_LIMIT = 2000;
const DEFAULT_SORT = "-date"; // newest first
const state = { incidents: null, days: [], page: null, filters: new URLSearchParams(), sort: DEFAULT_SORT };

// --- map: world-atlas country shapes as the base layer, no tile server ---
const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([48.5, 31], 5);
// Incidents at one place (six strikes on Kharkiv) cluster into one numbered disc; clicking it zooms
// in, and at the last zoom spreads them out ("spiderfy") so each can be clicked.
// Many markers are added in chunks between frames; #map[data-markers] says when all are in.
const mapBox = document.getElementById("map");
const markers = L.markerClusterGroup({
  maxClusterRadius: 36, showCoverageOnHover: false, spiderfyOnMaxZoom: true, chunkedLoading: true,
  chunkProgress: (done, total) => { if (done === total) mapBox.dataset.markers = String(total); },
}).addTo(map);
const cellsLayer = L.layerGroup().addTo(map);
let fitted = false;
// Moves the page makes itself (fitting a shared link's box, the first fit to the data) must not
// rewrite the "only the map view" box: a shared link reproduces its view exactly. Those fits are
// not animated, so their moveend fires inside ownFit().
let ownMove = false;
let mapMovedByUser = false;

function ownFit(bounds, options = {}) {
  ownMove = true;
  try {
    map.fitBounds(bounds, { ...options, animate: false });
  } finally {
    ownMove = false;
  }
}

// A ring that crosses the 180° meridian (Chukotka, Fiji) jumps from +180 to -180 and would be drawn
// as a stripe across the globe: its western points are moved a turn east instead.
function unwrapRing(ring) {
  const lons = ring.map((p) => p[0]);
  if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
  return ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]);
}

function unwrapShape(geometry) {
  if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(unwrapRing);
  if (geometry.type === "MultiPolygon") geometry.coordinates = geometry.coordinates.map((p) => p.map(unwrapRing));
}

// The map's box as the API takes it: longitudes wrapped into ±180, so a view across the 180°
// meridian (Chukotka, Fiji) is a box whose west edge is east of its east edge.
function viewBox(b) {
  const lat = (v) => Math.max(-90, Math.min(90, v)).toFixed(3);
  if (b.getEast() - b.getWest() >= 360) return ["-180.000", lat(b.getSouth()), "180.000", lat(b.getNorth())];
  const lon = (v) => (((v + 180) % 360 + 360) % 360 - 180).toFixed(3);
  return [lon(b.getWest()), lat(b.getSouth()), lon(b.getEast()), lat(b.getNorth())];
}

// The country shapes lie in a pane of their own under the region borders and the town names
// (Leaflet's overlay pane, where vectors go by default, would cover both).
map.createPane("base").style.zIndex = 250;

// Town names over the base map, the biggest first and more of them closer in (GET /api/labels),
// in a pane under the incidents so a name never hides a marker.
map.createPane("labels").style.zIndex = 350;
const labelsLayer = L.layerGroup().addTo(map);

async function drawLabels() {
  const view = viewBox(map.getBounds());
  const { body } = await getJSON(`/api/labels?view=${view.join(",")}&zoom=${Math.round(map.getZoom())}`);
  labelsLayer.clearLayers();
  for (const town of body.labels) {
    const icon = L.divIcon({ className: "place-label", html: "", iconSize: null });
    const marker = L.marker([town.lat, town.lon], { icon, interactive: false, keyboard: false, pane: "labels" });
    marker.on("add", () => { marker.getElement().textContent = town.name; });
    labelsLayer.addLayer(marker);
  }
}

// Region (admin-1) borders at region zoom: thin lines between the regions of each country in
// view (GET /api/borders names the files; each is fetched once and kept), under the labels.
map.createPane("borders").style.zIndex = 340;
const bordersLayer = L.layerGroup();
const borderLines = new Map(); // country code -> its layer, or a promise while it loads

async function borderLayer(country) {
  const { body: topo } = await getJSON(country.url);
  const object = Object.values(topo.objects)[0];
  const mesh = topojson.mesh(topo, object, (a, b) => a !== b); // between two regions, not the coast
  mesh.coordinates = mesh.coordinates.map(unwrapRing);
  return L.geoJSON(mesh, { pane: "borders", interactive: false,
    style: { color: "#8a8071", weight: 0.7, opacity: 0.9, dashArray: "3 2" } });
}

let bordersAsked = 0; // only the answer to the latest move is drawn

async function drawBorders() {
  const asked = ++bordersAsked;
  const zoom = Math.round(map.getZoom());
  const view = viewBox(map.getBounds());
  const { body } = await getJSON(`/api/borders?view=${view.join(",")}&zoom=${zoom}`);
  if (asked !== bordersAsked) return;
  if (!body.countries.length) {
    bordersLayer.remove();
    mapBox.dataset.borders = "0";
    return;
  }
  bordersLayer.addTo(map);
  await Promise.all(body.countries.map((country) => {
    if (!borderLines.has(country.code)) {
      borderLines.set(country.code, borderLayer(country).then((layer) => {
        borderLines.set(country.code, layer);
        bordersLayer.addLayer(layer);
        return layer;
      }).catch((error) => { borderLines.delete(country.code); throw error; })); // asked again next move
    }
    return borderLines.get(country.code);
  }));
  if (asked === bordersAsked && map.hasLayer(bordersLayer)) {
    mapBox.dataset.borders = String(bordersLayer.getLayers().length); // countries drawn (tests read it)
  }
}

async function drawBaseMap() {
  const { body: world } = await getJSON("/vendor/world-atlas/countries-50m.json");
  const countries = topojson.feature(world, world.objects.countries);
  for (const country of countries.features) if (country.geometry) unwrapShape(country.geometry);
  L.geoJSON(countries, {
    style: { color: "#ffffff", weight: 0.8, fillColor: "#dcd8cf", fillOpacity: 1 },
    interactive: false, pane: "base",
  }).addTo(map);
}

// Area grows with the killed (best), capped so that one large single-source figure does not
// cover a country at world zoom; the popup and the list carry the number itself.
const MAX_RADIUS = 14;
function radius(inc) {
  return Math.min(MAX_RADIUS, 4 + 1.6 * Math.sqrt(inc.killed.best || 0));
}

async function drawMarkers() {
  markers.clearLayers();
  cellsLayer.clearLayers();
  delete mapBox.dataset.markers;
  if (state.incidents === null) {
    await drawCells();
    return;
  }
  const located = state.incidents.filter((inc) => inc.place);
  const layers = [];
  for (const inc of located) {
    const marker = L.circleMarker([inc.place.lat, inc.place.lon], {
      radius: radius(inc), color: "#222", weight: 1, fillColor: GRADE_COLOURS[inc.grade], fillOpacity: 0.8,
      className: `marker marker-${inc.grade}`,
    });
    marker.bindPopup(() => el("div", { class: "popup" },
      el("strong", {}, `${label(inc.event_type)} · ${dateLabel(inc)}`), el("br"),
      placeLabel(inc.place), el("br"),
      `killed ${range(inc.killed)} · injured ${range(inc.injured)} · `, gradeBadge(inc.grade), el("br"),
      el("a", { href: incidentHref(inc.id) }, "open incident →")));
    layers.push(marker);
  }
  markers.addLayers(layers);
  if (!layers.length) mapBox.dataset.markers = "0";
  if (!fitted && located.length) {
    ownFit(L.latLngBounds(located.map((inc) => [inc.place.lat, inc.place.lon])).pad(0.3), { maxZoom: 7 });
    fitted = true;
  }
}

async function drawCells() {
  if (!fitted) {
    // The first view of a large database: fit the world-zoom cells, where the bulk of it is.
    const world = await fetchCellsAt(2);
    if (world.length) ownFit(L.latLngBounds(world.map((c) => [c.lat, c.lon])).pad(0.2), { maxZoom: 7 });
    fitted = true;
  }
  const cells = await fetchCells(map, state.filters);
  cellsLayer.clearLayers();
  for (const layer of cellLayers(map, cells, incidentHref)) cellsLayer.addLayer(layer);
  mapBox.dataset.markers = String(cells.length);
}

async function fetchCellsAt(zoom) {
  const params = new URLSearchParams(state.filters);
  params.set("zoom", zoom);
  const { body } = await getJSON(`/api/map?${params}`);
  return body.cells;
}

const legend = L.control({ position: "bottomleft" });
legend.onAdd = () => el("div", { class: "legend" },
  ...Object.entries(GRADE_COLOURS).map(([grade, colour]) =>
    el("div", {}, el("span", { class: "swatch", style: `background:${colour}` }), label(grade))),
  el("div", { class: "hint" }, "size: killed (best), capped"), el("div", { class: "hint" }, "number: incidents there"));
legend.addTo(map);

// --- timeline: incidents or killed per day/week of the same view; drag to filter by dates ---
let chart = null;

function startOfBucket(day, bucket) {
  const d = new Date(`${day}T00:00:00Z`);
  if (bucket === "week") d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); // Monday
  return d.getTime() / 1000;
}

function timelineData() {
  const measure = document.getElementById("measure").value;
  const bucket = document.getElementById("bucket").value;
  const sums = new Map();
  for (const day of state.days) {
    const key = startOfBucket(day.date, bucket);
    sums.set(key, (sums.get(key) || 0) + (measure === "killed" ? day.killed : day.incidents));
  }
  const xs = [...sums.keys()].sort((a, b) => a - b);
  return { data: [xs, xs.map((x) => sums.get(x))], measure, bucket };
}

function drawTimeline() {
  const box = document.getElementById("timeline");
  const { data, measure, bucket } = timelineData();
  if (chart) chart.destroy();
  box.replaceChildren();
  if (!data[0].length) {
    box.append(el("p", { class: "hint" }, "No dated incidents in this view."));
    chart = null;
    return;
  }
  const pad = bucket === "week" ? 7 * 86400 : 86400;
  chart = new uPlot({
    width: box.clientWidth || 420, height: 200,
    scales: { x: { time: true, range: (u, min, max) => [min - pad, max + pad] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    // Counts are whole: ticks at 1, 2, 5, 10 … never 0.5.
    axes: [{}, {
      size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000],
      values: (u, splits) => { box.dataset.yTicks = splits.join(","); return splits.map(String); },
    }],
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: false } },
    series: [{}, {
      label: measure, fill: "rgba(192,57,43,0.55)", stroke: "#c0392b",
      paths: uPlot.paths.bars({ size: [0.9, 28] }), points: { show: false },
    }],
    hooks: { setSelect: [onTimelineSelect] },
  }, data, box);
}

function onTimelineSelect(u) {
  if (u.select.width < 2) return;
  const day = (t) => new Date(t * 1000).toISOString().slice(0, 10);
  form.elements.since.value = day(u.posToVal(u.select.left, "x"));
  form.elements.until.value = day(u.posToVal(u.select.left + u.select.width, "x"));
  u.setSelect({ left: 0, width: 0 }, false);
  apply();
}

// --- list and exports ---
function incidentHref(id) {
  const back = state.filters.toString();
  return `/incidents/${encodeURIComponent(id)}${back ? `?${back}` : ""}`;
}

function showList() {
  drawList(state.page, state.sort, incidentHref, {
    onSort: (sort) => { form.elements.sort.value = sort === DEFAULT_SORT ? "" : sort; apply(); },
    onPage: async (offset) => {
      state.page = await fetchPage(state.filters, state.sort, offset);
      showList();
      document.getElementById("incidents").scrollIntoView();
    },
  });
  document.getElementById("count").textContent = `${state.page.total.toLocaleString("en")} incidents ·`;
  for (const format of ["json", "csv", "geojson"]) {
    const params = new URLSearchParams(state.filters);
    params.set("sort", state.sort); // the file lists the incidents in the list's order
    params.set("format", format);
    document.getElementById(`export-${format}`).href = `/api/export?${params}`;
  }
}

// --- casualties over time and the table by country and region, of the same view ---
let regionSort = "-killed";

function drawSummaries() {
  const failed = (error) => { status.textContent = `Could not draw the sums: ${error.message}`; };
  const box = document.querySelector(".summaries");
  const view = state.filters.toString();
  delete box.dataset.view;
  Promise.all([
    drawCasualties(state.filters, document.getElementById("casualty-split").value),
    drawRegions(state.filters, document.getElementById("region-grouping").value, regionSort, {
    onSort: (sort) => { regionSort = sort; drawSummaries(); },
    onPick: (row) => { // filter by the region (or country) of the row
      form.elements.country.value = row.country_code;
      form.elements.admin1.value = row.admin1 || "";
      apply();
    },
  })]).then(() => { box.dataset.view = view; }, failed); // which view the sums show (the bench waits for it)
}

// --- the filter bar drives everything through the URL, so a view can be bookmarked ---
function filtersFromForm() {
  const data = new FormData(form);
  if (data.get("in_view") && state.filters.has("bbox") && !mapMovedByUser) {
    data.set("bbox", state.filters.get("bbox")); // the shared box as given, not the snapped map bounds
  } else if (data.get("in_view")) {
    const b = map.getBounds();
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(3);
    data.set("bbox", [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180),
      clamp(b.getNorth(), 90)].join(","));
  } else {
    data.delete("bbox");
  }
  return pickFilters(new URLSearchParams(data));
}

function fillForm(filters) {
  for (const key of ["since", "until", "country", "admin1", "type", "grade", "min_killed", "q", "claimant", "actor",
    "victim_group", "outlet", "language", "sort"]) {
    form.elements[key].value = filters.get(key) || "";
  }
  form.elements.in_view.checked = filters.has("bbox");
}

async function load(filters) {
  state.filters = filters;
  state.sort = filters.get("sort") || DEFAULT_SORT;
  status.textContent = "loading…";
  try {
    const [page, timeline] = await Promise.all([
      fetchPage(filters, state.sort, 0), getJSON(`/api/timeline?${filters}`)]);
    state.page = page;
    state.days = timeline.body.days;
    if (page.total > CLIENT_LIMIT) state.incidents = null;
    else state.incidents = page.total <= PAGE ? page.incidents : await allIncidents(filters);
    status.textContent = page.total ? "" : "No incidents match these filters.";
  } catch (error) {
    state.page = { total: 0, offset: 0, incidents: [], next: null, prev: null };
    state.days = [];
    state.incidents = [];
    status.textContent = `Could not load incidents: ${error.message}`;
  }
  await drawMarkers().catch((error) => { status.textContent = `Could not draw the map: ${error.message}`; });
  drawTimeline();
  showList();
  drawSummaries();
  document.body.dataset.view = filters.toString(); // which view is on screen (tests wait for it)
}

function apply() {
  const filters = filtersFromForm();
  // A new entry per change of view, so Back undoes a filter instead of leaving the app.
  if (filters.toString() !== state.filters.toString()) {
    history.pushState(null, "", filters.toString() ? `?${filters}` : "/");
  }
  load(filters);
}

window.addEventListener("popstate", () => {
  const filters = pickFilters(location.search);
  fillForm(filters);
  if (filters.has("bbox")) fitBox(filters.get("bbox"));
  load(filters);
});

function fitBox(bbox) {
  const [w, s, e, n] = bbox.split(",").map(Number);
  ownFit([[s, w], [n, e < w ? e + 360 : e]]); // a box across the 180° meridian: the short way
  mapMovedByUser = false;
}

form.addEventListener("submit", (event) => { event.preventDefault(); apply(); });
document.getElementById("reset").addEventListener("click", () => { form.reset(); apply(); });
document.getElementById("measure").addEventListener("change", drawTimeline);
document.getElementById("bucket").addEventListener("change", drawTimeline);
document.getElementById("casualty-split").addEventListener("change", drawSummaries);
document.getElementById("region-grouping").addEventListener("change", drawSummaries);
map.on("moveend", () => {
  mapBox.dataset.zoom = map.getZoom(); // what the map shows (tests read it)
  drawLabels().catch(() => {}); // names are a help, not the data: a failure leaves the map as it is
  drawBorders().catch(() => {}); // so are region borders
  if (ownMove) return;
  mapMovedByUser = true;
  if (form.elements.in_view.checked) apply();
  else if (state.incidents === null) drawCells().catch(() => {}); // a large view: the cells of the new box
});

const initial = pickFilters(location.search);
fillForm(initial);
if (initial.has("bbox")) {
  fitBox(initial.get("bbox"));
  fitted = true;
}
// On a phone the filters fold away above the map; the summary line opens them.
if (window.matchMedia("(max-width: 600px)").matches) document.getElementById("filter-box").open = false;
drawBaseMap().catch((error) => { status.textContent = `Base map unavailable: ${error.message}`; });
mapBox.dataset.zoom = map.getZoom();
drawLabels().catch(() => {});
drawBorders().catch(() => {});
load(initial);
