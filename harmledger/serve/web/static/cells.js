// The map of a large view: the server counts incidents per grid cell of the visible box
// (GET /api/map), so the page draws hundreds of discs, never a hundred thousand markers.
import { GRADE_COLOURS, el, getJSON, label, range } from "./api.js";

/** Fetch the cells of `filters` inside the map's current box at its zoom. */
export async function fetchCells(map, filters) {
  const b = map.getBounds().pad(0.2);
  const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(3);
  const params = new URLSearchParams(filters);
  params.set("zoom", Math.round(map.getZoom()));
  params.set("view", [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180),
    clamp(b.getNorth(), 90)].join(","));
  const { body } = await getJSON(`/api/map?${params}`);
  return body.cells;
}

/** Layers for the cells: a numbered disc per busy cell (a click zooms in), a marker per single one. */
export function cellLayers(map, cells, hrefOf) {
  return cells.map((cell) => {
    if (cell.incident) {
      const inc = cell.incident;
      const marker = L.circleMarker([cell.lat, cell.lon], {
        radius: 6, color: "#222", weight: 1, fillColor: GRADE_COLOURS[inc.grade], fillOpacity: 0.8,
        className: `marker marker-${inc.grade}`,
      });
      return marker.bindPopup(() => el("div", { class: "popup" },
        el("strong", {}, `${label(inc.event_type)} · ${inc.date || "date unknown"}`), el("br"),
        `${inc.place} (${inc.country_code})`, el("br"),
        `killed ${range(inc.killed)} · injured ${range(inc.injured)}`, el("br"),
        el("a", { href: hrefOf(inc.id) }, "open incident →")));
    }
    const size = cell.count < 10 ? "small" : cell.count < 100 ? "medium" : "large";
    const icon = L.divIcon({ html: `<div><span>${cell.count}</span></div>`, iconSize: L.point(40, 40),
      className: `marker-cluster marker-cluster-${size}` });
    return L.marker([cell.lat, cell.lon], { icon, title: `${cell.count} incidents, ${cell.killed} killed` })
      .on("click", () => map.setView([cell.lat, cell.lon], Math.min(map.getMaxZoom(), map.getZoom() + 2)));
  });
}
