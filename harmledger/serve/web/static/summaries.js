// The overview page's sums of the filtered view: casualties over time (GET /api/casualties), one
// chart for the killed and one for the injured, a line per event type or grade; and the table by
// country and region (GET /api/regions).
import { GRADE_COLOURS, el, getJSON, label } from "./api.js";

// One colour per event type (the grades keep their own everywhere on the page).
const TYPE_COLOURS = {
  missile_strike: "#c0392b", airstrike: "#8e44ad", shelling: "#d35400", drone_strike: "#16a085",
  bombing: "#2c3e50", shooting: "#b7950b", other: "#7f8c8d",
};
const charts = [];
const REGION_ROWS = 25; // the table shows the first rows in its order; the API and the CLI give them all

/** Fetch and draw the casualties of `filters`, split by `by` (type or grade). */
export async function drawCasualties(filters, by) {
  const params = new URLSearchParams(filters);
  params.delete("sort");
  params.set("by", by);
  const { body } = await getJSON(`/api/casualties?${params}`);
  const box = document.getElementById("casualties");
  for (const chart of charts.splice(0)) chart.destroy();
  box.replaceChildren();
  box.dataset.period = body.period;
  box.dataset.series = String(body.series.length); // tests read both
  const note = document.getElementById("casualties-note");
  note.textContent = body.undated ? `${body.undated} undated incident${body.undated > 1 ? "s" : ""} not shown. ` : "";
  note.textContent += `Per ${body.period}; best figures; a date known to the month falls in its first ${body.period}.`;
  if (!body.periods.length) {
    box.append(el("p", { class: "hint" }, "No dated incidents in this view."));
    return;
  }
  const xs = body.periods.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
  const colours = by === "grade" ? GRADE_COLOURS : TYPE_COLOURS;
  for (const measure of ["killed", "injured"]) {
    const panel = el("div", { class: "casualty-chart", "data-measure": measure }, el("h3", {}, measure));
    box.append(panel);
    const width = Math.max(260, panel.clientWidth || box.clientWidth / 2 || 420);
    charts.push(new uPlot({
      width, height: 180,
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [{}, { size: 44, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000] }],
      legend: { show: measure === "killed", live: false },
      series: [{}, ...body.series.map((s) => ({
        label: label(s.key), stroke: colours[s.key] || "#555", width: 1.5,
        points: { show: body.periods.length <= 60, size: 5 },
      }))],
    }, [xs, ...body.series.map((s) => s[measure])], panel));
  }
}

/** Fetch and draw the table by country or region of `filters`, in `sort` order. */
export async function drawRegions(filters, by, sort, { onSort, onPick }) {
  const params = new URLSearchParams(filters);
  params.delete("sort");
  params.set("by", by);
  params.set("sort", sort);
  params.set("limit", REGION_ROWS);
  const { body } = await getJSON(`/api/regions?${params}`);
  const figures = (f) => {
    if (!f.incidents_with_figure) return "–"; // no report gave a figure, which is not zero
    return f.low === f.high ? `${f.best}` : `${f.best} (${f.low}–${f.high})`;
  };
  const row = (r, name, pick) => el("tr", pick ? { onclick: () => onPick(r) } : {}, el("td", {}, name),
    el("td", { class: "num" }, String(r.incidents)), el("td", { class: "num" }, figures(r.killed)),
    el("td", { class: "num" }, figures(r.injured)));
  const table = document.getElementById("regions");
  const place = (r) => {
    const country = r.country_code || "unknown place";
    if (by === "country" || !r.country_code) return country;
    return `${r.admin1 || "unknown region"}, ${country}`;
  };
  table.querySelector("tbody").replaceChildren(...body.rows.map((r) => row(r, place(r), Boolean(r.country_code))));
  table.querySelector("tfoot").replaceChildren(row(body.totals, "all", false));
  table.querySelector("thead th").textContent = by === "country" ? "country" : "region, country";
  const more = body.total - body.rows.length;
  document.getElementById("regions-more").textContent = more > 0
    ? `The first ${body.rows.length} of ${body.total.toLocaleString("en")} rows; the footer counts them all.` : "";
  for (const th of table.querySelectorAll("th[data-sort]")) {
    const key = th.dataset.sort;
    th.classList.toggle("sorted-asc", sort === key);
    th.classList.toggle("sorted-desc", sort === `-${key}`);
    th.onclick = () => onSort(key === "name" ? "name" : sort === `-${key}` ? key : `-${key}`);
  }
}
