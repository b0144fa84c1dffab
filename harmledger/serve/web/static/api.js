// Shared by the map and incident pages: API calls, the filter query string, and formatting.

// The view in the URL: the filters, and the list's sort (the export follows it too).
export const FILTER_KEYS = ["since", "until", "country", "admin1", "bbox", "type", "grade", "min_killed", "q",
  "claimant", "actor", "victim_group", "outlet", "language", "sort"];
export const GRADE_COLOURS = { disputed: "#c0392b", corroborated: "#1f78b4", single_source: "#8c8c8c" };
const PAGE = 500; // the API's page cap

/** Fetch JSON; a non-2xx answer throws with the API's own error sentence. */
export async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body && body.detail ? body.detail : `${response.status} ${response.statusText}`);
  }
  return { body, url: response.url, etag: response.headers.get("etag") };
}

/** The filters present in a query string, as a new URLSearchParams holding only those. */
export function pickFilters(search) {
  const from = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = from.get(key);
    if (value) out.set(key, value);
  }
  return out;
}

/** Every incident the filters keep (the list is paged; the map and timeline need all of it). */
export async function allIncidents(filters) {
  const found = [];
  let total = Infinity;
  while (found.length < total) {
    const params = new URLSearchParams(filters);
    params.set("limit", PAGE);
    params.set("offset", found.length);
    const { body } = await getJSON(`/api/incidents?${params}`);
    total = body.total;
    found.push(...body.incidents);
    if (body.incidents.length === 0) break;
  }
  return found;
}

/** "30–39", "50" or "–" for a low/high pair. */
export function range(f) {
  if (f.low === null || f.low === undefined) return "–";
  return f.low === f.high || f.high === null ? `${f.low}` : `${f.low}–${f.high}`;
}

/** A claim's figure as the CLI prints it: "50+" when open-ended, "5", "30–39". */
export function figure(claim) {
  if (claim.low === null) return "";
  if (claim.high === null) return `${claim.low}+`;
  return claim.low === claim.high ? `${claim.low}` : `${claim.low}–${claim.high}`;
}

export function placeLabel(place) {
  if (!place) return "unknown place";
  const region = place.admin1 && place.admin1 !== place.name ? `${place.admin1}, ` : "";
  return `${place.name} (${region}${place.country_code})`;
}

export function dateLabel(inc) {
  if (!inc.date) return "date unknown";
  return inc.date_precision === "day" ? inc.date : `${inc.date} (${inc.date_precision})`;
}

export const label = (code) => (code || "").replaceAll("_", " ");

/** Build an element; children are nodes or strings (always inserted as text, never as HTML). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

export function gradeBadge(grade) {
  return el("span", { class: `grade grade-${grade}` }, label(grade));
}
