// The incident page's story at a glance: the toll chart, the sources, a small map and the citation.
import { el, label } from "./api.js";

const SVG = "http://www.w3.org/2000/svg";
// One colour per source type once claimants carry one, else per claimant; fixed order, colour-blind safe.
const PALETTE = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"];

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

/** Who a claim speaks for in the chart: its source type when known, else its claimant. */
const voiceOf = (claim) => claim.source_type || claim.claimant || "reporter";

/** Claims of `kind` with a figure, placed at their article's publication day (undated last). */
function points(inc, articles, kind) {
  return inc.claims.map((c, index) => ({ c, index, day: (articles.get(c.article_id) || {}).published || "" }))
    .filter(({ c }) => c.kind === kind && c.low !== null);
}

/**
 * The toll chart of one kind: each claim a point (a bar from low to high for a range, a tick up
 * for "at least"), at its article's publication day, coloured by who claims it; one voice's claims
 * joined in publication order, so a revision reads as a line. Clicking a point opens its evidence.
 */
export function tollChart(inc, articles, kind, onPick) {
  const found = points(inc, articles, kind);
  if (!found.length) return null;
  const days = [...new Set(found.map((p) => p.day))].sort((a, b) => (a || "~").localeCompare(b || "~"));
  const voices = [...new Set(found.map((p) => voiceOf(p.c)))];
  const colour = new Map(voices.map((v, i) => [v, PALETTE[i % PALETTE.length]]));
  const top = Math.max(...found.map((p) => p.c.high ?? p.c.low), 1);
  const width = 640, height = 190, left = 40, bottom = 28, right = 40, up = 12;
  const x = (day) => left + (days.length === 1 ? (width - left - right) / 2
    : (days.indexOf(day) / (days.length - 1)) * (width - left - right));
  const y = (v) => height - bottom - (v / top) * (height - bottom - up);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "toll-chart", role: "img",
    "aria-label": `${kind} figures by publication day` });
  chart.append(svg("line", { x1: left, y1: y(0), x2: width - right, y2: y(0), class: "axis" }),
    svg("text", { x: left - 6, y: y(top) + 4, class: "tick", "text-anchor": "end" }, String(top)),
    svg("text", { x: left - 6, y: y(0) + 4, class: "tick", "text-anchor": "end" }, "0"));
  for (const day of days) {
    chart.append(svg("text", { x: x(day), y: height - 8, class: "tick", "text-anchor": "middle" }, day || "undated"));
  }
  // Voices side by side within a day, so two sources that report the same figure stay visible.
  const nudge = (c) => (voices.indexOf(voiceOf(c)) - (voices.length - 1) / 2) * Math.min(8, 40 / voices.length);
  for (const voice of voices) {
    const mine = found.filter((p) => voiceOf(p.c) === voice);
    if (mine.length > 1) {
      chart.append(svg("polyline", { class: "revision", stroke: colour.get(voice), fill: "none",
        points: mine.map((p) => `${x(p.day) + nudge(p.c)},${y(p.c.low)}`).join(" ") }));
    }
  }
  for (const p of found) {
    const { c } = p;
    const cx = x(p.day) + nudge(c), stroke = colour.get(voiceOf(c));
    const title = svg("title", {}, `${c.low}${c.high === null ? "+" : c.high !== c.low ? `–${c.high}` : ""} · ${voiceOf(c)}`);
    const mark = svg("g", { class: "claim-point", tabindex: "0", "data-claim": c.id,
      onclick: () => onPick(p.index), onkeydown: (e) => { if (e.key === "Enter") onPick(p.index); } }, title);
    if (c.high !== null && c.high !== c.low) {
      mark.append(svg("line", { x1: cx, x2: cx, y1: y(c.low), y2: y(c.high), stroke, "stroke-width": 3 }));
    } else if (c.high === null) {
      mark.append(svg("line", { x1: cx, x2: cx, y1: y(c.low), y2: y(c.low) - 10, stroke, "stroke-width": 2 }));
    }
    mark.append(svg("circle", { cx, cy: y(c.low), r: 5, fill: stroke }));
    chart.append(mark);
  }
  const legend = el("ul", { class: "legend" }, ...voices.map((v) => el("li", {},
    el("span", { class: "swatch", style: `background:${colour.get(v)}` }), label(v))));
  return el("figure", { class: "toll" }, el("figcaption", {}, kind), chart, legend);
}

/** The sources: outlet, day, language, link, and whether it is a reprint of another article. */
export function sourceRows(inc, articles) {
  return inc.articles.map((a) => {
    const web = /^https?:\/\//i.test(a.url || "");
    const original = a.duplicate_of ? articles.get(a.duplicate_of) : null;
    return el("tr", { "data-article": a.id },
      el("td", {}, el("input", { type: "checkbox", name: "article", value: a.id, "aria-label": `select ${a.source_id}` })),
      el("td", {}, a.outlet || a.source_id), el("td", {}, a.published || "undated"), el("td", {}, a.language),
      el("td", {}, a.duplicate_of ? `reprint of ${original ? original.outlet || original.source_id : "another article"}`
        : "independent"),
      el("td", { class: "num" }, String(inc.claims.filter((c) => c.article_id === a.id).length)),
      el("td", {}, web ? el("a", { href: a.url, rel: "noreferrer" }, "original") : ""));
  });
}

/** A small map of the incident's place on the offline country shapes (no tile server). */
export async function placeMap(box, inc, getJSON) {
  const L = window.L, topojson = window.topojson;
  if (box.dataset.drawn) return; // drawn once: the page reloads its data after a correction
  box.dataset.drawn = "1";
  if (!inc.place || !L || !topojson) {
    box.replaceChildren(el("p", { class: "hint" }, inc.place ? "" : "no place known"));
    return;
  }
  const map = L.map(box, { zoomControl: false, attributionControl: false }).setView([inc.place.lat, inc.place.lon], 4);
  const { body: world } = await getJSON("/vendor/world-atlas/countries-50m.json");
  L.geoJSON(topojson.feature(world, world.objects.countries), {
    style: { color: "#999", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 }, interactive: false }).addTo(map);
  L.circleMarker([inc.place.lat, inc.place.lon], { radius: 7, color: "#c0392b", weight: 2, fillOpacity: 0.6 })
    .addTo(map);
}

/** "Cite this incident": what it is, its permalink and the data version it was read at. */
export function citation(inc, version) {
  const where = inc.place ? inc.place.name : "place unknown";
  const when = inc.date || "date unknown";
  const link = `${location.origin}/incidents/${inc.id}`;
  return `harmledger incident ${inc.id}: ${label(inc.event_type)}, ${where}, ${when}. ${link} `
    + `(data version ${version || "unknown"}, read ${new Date().toISOString().slice(0, 10)})`;
}
