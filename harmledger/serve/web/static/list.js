// The incident list of the overview page: one server page at a time, sorted by a column header.
import { dateLabel, el, getJSON, gradeBadge, label, placeLabel, range } from "./api.js";

export const PAGE = 100;
// Column headers the API can sort by (their sort key); a second click reverses.
const SORTABLE = { date: "date", killed: "killed", injured: "injured", sources: "sources" };

/** Fetch one page of the filtered list: {total, incidents, next, prev}. */
export async function fetchPage(filters, sort, offset) {
  const params = new URLSearchParams(filters);
  params.set("sort", sort);
  params.set("limit", PAGE);
  params.set("offset", offset);
  const { body } = await getJSON(`/api/incidents?${params}`);
  return body;
}

/** Draw the rows, the pager and the sort marks; `onSort(key)` and `onPage(offset)` act on clicks. */
export function drawList(page, sort, hrefOf, { onSort, onPage }) {
  const rows = page.incidents.map((inc) => el("tr", { "data-id": inc.id },
    el("td", {}, dateLabel(inc)),
    el("td", {}, el("a", { href: hrefOf(inc.id) }, inc.place ? placeLabel(inc.place) : "unknown place")),
    el("td", {}, label(inc.event_type)), el("td", {}, inc.target || "–"),
    el("td", { class: "num" }, range(inc.killed)), el("td", { class: "num" }, range(inc.injured)),
    el("td", { class: "num" }, `${inc.sources.independent}/${inc.sources.articles}`),
    el("td", {}, gradeBadge(inc.grade), inc.background_only ? " (background only)" : "")));
  document.querySelector("#incidents tbody").replaceChildren(...rows);

  for (const th of document.querySelectorAll("#incidents th[data-sort]")) {
    const key = SORTABLE[th.dataset.sort];
    th.classList.toggle("sorted-asc", sort === key);
    th.classList.toggle("sorted-desc", sort === `-${key}`);
    th.onclick = () => onSort(sort === `-${key}` ? key : `-${key}`);
  }
  const pager = document.getElementById("pager");
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.incidents.length;
  pager.replaceChildren(
    el("button", { type: "button", id: "prev-page", ...(page.prev ? {} : { disabled: "" }),
      onclick: () => onPage(Math.max(0, page.offset - PAGE)) }, "‹ previous"),
    el("span", {}, ` ${first}–${last} of ${page.total.toLocaleString("en")} `),
    el("button", { type: "button", id: "next-page", ...(page.next ? {} : { disabled: "" }),
      onclick: () => onPage(page.offset + PAGE) }, "next ›"));
  pager.hidden = page.total <= PAGE;
}
