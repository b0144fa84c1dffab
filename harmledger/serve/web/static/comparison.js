// The incident page's line-up against the comparison file the server was started with
// (`harmledger serve --compare FILE`, an ACLED or UCDP GED export): the event matched to this
// incident, their figure beside our range, and the other events nearby. Hidden without a file.
import { el, getJSON } from "./api.js";

const STATUS = { both: "matched", only_theirs: "theirs only" };

function ours(row) {
  const low = row.our_killed_low;
  if (low === "") return "–";
  const high = row.our_killed_high === "" ? "+" : row.our_killed_high !== low ? `–${row.our_killed_high}` : "";
  return `${low}${high} (best ${row.our_killed_best})`;
}

function eventRow(row, matched) {
  const killed = matched
    ? `theirs ${row.their_fatalities} · ours ${ours(row)}${row.difference ? ` · ${row.difference > 0 ? "+" : ""}${row.difference}` : ""}`
      + (row.within_our_range === "no" ? " · outside our low–high" : "")
    : `theirs ${row.their_fatalities}`;
  const taken = !matched && row.our_id
    ? el("a", { href: `/incidents/${encodeURIComponent(row.our_id)}` }, `matched to ${row.our_id}`)
    : (matched ? STATUS.both : STATUS[row.status] || row.status);
  return el("tr", { class: matched ? "match" : "" }, el("td", {}, taken), el("td", {}, row.their_id),
    el("td", {}, row.their_date), el("td", {}, row.their_place), el("td", {}, row.their_type),
    el("td", {}, killed), el("td", {}, row.km === "" ? "" : `${row.km} km, ${row.days} d`));
}

/** Show how incident `id` lines up against the server's comparison file, if it has one. */
export async function drawComparison(id) {
  const { body } = await getJSON(`/api/incidents/${encodeURIComponent(id)}/comparison`);
  const box = document.getElementById("comparison");
  if (!body.file) return;
  document.getElementById("comparison-file").textContent = `${body.file} (${body.dataset.toUpperCase()})`;
  const rows = [...(body.match ? [eventRow(body.match, true)] : []), ...body.nearby.map((r) => eventRow(r, false))];
  document.querySelector("#comparison-table tbody").replaceChildren(...rows);
  document.getElementById("comparison-table").hidden = rows.length === 0;
  let note = "Matched as harmledger compare pairs them: dates within a day, places within 25 km, one type family.";
  if (!body.in_scope) note = "The file does not cover this incident: another country, other dates, or no date or place here.";
  else if (!body.match) note = `No event of the file matches this incident. ${note}`;
  document.getElementById("comparison-note").textContent = note;
  box.dataset.match = body.match ? body.match.their_id : ""; // tests read it
  box.hidden = false;
}
