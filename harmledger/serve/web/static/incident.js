// One incident: facts, figures with their rules, contradictions, and the claim table whose rows open
// the article with the claim's evidence highlighted. Claims are named by their stable ids, so a
// permalink (/incidents/ID#claim=CLAIM_ID) opens the page with that evidence highlighted.
import { dateLabel, el, figure, getJSON, gradeBadge, label, placeLabel } from "./api.js";
import { correctionForm } from "./corrections.js";
import { drawComparison } from "./comparison.js";
import { citation, placeMap, sourceRows, tollChart } from "./story.js";

const status = document.getElementById("status");
const requested = decodeURIComponent(location.pathname.split("/").pop());
let incident = null;

function sourceName(articles, id) {
  const a = articles.get(id);
  if (!a) return id.slice(0, 8);
  // the language of a source that is not English: its claims are in that language's words
  return (a.outlet || a.source_id) + (a.language && a.language !== "en" ? ` (${a.language})` : "");
}

function drawFacts(inc, articles) {
  document.title = `harmledger · ${label(inc.event_type)} · ${inc.place ? inc.place.name : inc.id}`;
  document.getElementById("title").textContent =
    `${label(inc.event_type)} · ${dateLabel(inc)} · ${placeLabel(inc.place)}`;
  const facts = [
    ["incident", inc.id], ["date", `${dateLabel(inc)}`], ["place", placeLabel(inc.place)],
    ["type", label(inc.event_type)], ["target", inc.target || "–"], ["weapon", inc.weapon || "–"],
    ["grade", gradeBadge(inc.grade)],
    ["sources", `${inc.sources.independent} independent of ${inc.sources.articles} articles`],
  ];
  if (inc.background_only) facts.push(["note", "only recalled by later articles (background only)"]);
  document.getElementById("facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));

  const figureRows = ["killed", "injured"].map((kind) => {
    const f = inc[kind];
    const cell = (v) => el("td", { class: "num" }, v === null ? "–" : String(v));
    return el("tr", {}, el("th", {}, kind), cell(f.low), cell(f.best), cell(f.high), cell(f.conservative),
      el("td", { class: "rule" }, f.rule || ""));
  });
  document.querySelector("#figures tbody").replaceChildren(...figureRows);

  const contradictions = inc.contradictions.map((c) => el("tr", {},
    el("td", { class: "kind" }, c.kind), el("td", {}, c.description),
    el("td", { class: "claim-refs" }, ...c.claims.flatMap((i, n) => [n ? ", " : "", claimLink(inc, i)]))));
  document.querySelector("#contradictions tbody").replaceChildren(...(contradictions.length ? contradictions
    : [el("tr", {}, el("td", { class: "hint", colspan: "3" }, "none: the sources agree"))]));

  const roles = new Map(inc.mentions.map((m) => [m.article_id, m.role]));
  const claimRows = inc.claims.map((c, i) => el("tr", {
    tabindex: "0", "data-index": String(i), onclick: () => showClaim(i),
    onkeydown: (event) => { if (event.key === "Enter") showClaim(i); },
  },
  el("td", { class: "num" }, claimLink(inc, i)), el("td", {}, c.kind), el("td", { class: "num" }, figure(c)),
  el("td", {}, c.qualifier ? label(c.qualifier) : ""), el("td", {}, c.kind === "killed" || c.kind === "injured" ? c.group : ""),
  el("td", {}, c.claimant),
  el("td", {}, sourceName(articles, c.article_id), roles.get(c.article_id) === "background" ? " (background)" : ""),
  el("td", { class: "snippet" }, snippet(c.evidence))));
  document.querySelector("#claims tbody").replaceChildren(...claimRows);
  document.querySelector("#sources tbody").replaceChildren(...sourceRows(inc, articles));
  document.getElementById("tolls").replaceChildren(...["killed", "injured"]
    .map((kind) => tollChart(inc, articles, kind, showClaim)).filter(Boolean));
}

/** The evidence as a table cell shows it: one line, cut at a word near 140 characters. */
function snippet(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= 140 ? flat : `${flat.slice(0, flat.lastIndexOf(" ", 140))} …`;
}

/** A link to claim `index` by its stable id: the permalink of its highlighted evidence. */
function claimLink(inc, index) {
  const id = inc.claims[index].id;
  return el("a", {
    class: "claim-link", href: `#claim=${id}`, title: `claim ${id}`,
    onclick: (event) => { event.preventDefault(); event.stopPropagation(); showClaim(index); },
  }, `#${index}`);
}

/** The index of the claim a `#claim=ID` address names, or -1. */
function claimInAddress(inc) {
  const match = /^#claim=(.+)$/.exec(location.hash);
  return match ? inc.claims.findIndex((c) => c.id === decodeURIComponent(match[1])) : -1;
}

/** Show the claim's article with its evidence span marked, and scroll the mark into view. */
async function showClaim(index) {
  const claim = incident.claims[index];
  history.replaceState(null, "", `${location.pathname}${location.search}#claim=${claim.id}`);
  for (const row of document.querySelectorAll("#claims tbody tr")) {
    row.classList.toggle("selected", row.dataset.index === String(index));
  }
  const box = document.getElementById("article-text");
  try {
    const { body: article } = await getJSON(`/api/articles/${encodeURIComponent(claim.article_id)}`);
    const text = article.text;
    document.getElementById("article-title").textContent = article.title || article.source_id;
    const meta = [article.outlet, article.published, article.language,
      article.duplicate_of ? "reprint of another article" : ""]
      .filter(Boolean).join(" · ");
    // Only a web address becomes a link: a stored "javascript:" or "data:" URL stays text.
    const web = /^https?:\/\//i.test(article.url || "");
    const link = article.url ? (web ? el("a", { href: article.url, rel: "noreferrer" }, "original") : article.url) : null;
    document.getElementById("article-meta").replaceChildren(meta, meta && link ? " · " : "", link || "");
    let end = claim.end;
    while (end > claim.start && /\s/.test(text[end - 1])) end -= 1; // spans can take in the paragraph break
    const mark = el("mark", { id: "evidence", "data-claim": claim.id, title: `claim ${claim.id}: ${claim.claimant}` },
      text.slice(claim.start, end));
    box.replaceChildren(text.slice(0, claim.start), mark, text.slice(end));
    mark.scrollIntoView({ block: "center" });
  } catch (error) {
    box.replaceChildren(el("p", { class: "error" }, `Could not load the article: ${error.message}`));
  }
}

async function main() {
  try {
    const { body, etag } = await getJSON(`/api/incidents/${encodeURIComponent(requested)}`);
    incident = body;
    if (body.id !== requested) {
      // The API redirected: this id was merged into another incident.
      const note = document.getElementById("moved");
      note.textContent = `Incident ${requested} was merged into ${body.id}.`;
      note.hidden = false;
      history.replaceState(null, "", `/incidents/${encodeURIComponent(body.id)}${location.search}${location.hash}`);
    }
    const articles = new Map(body.articles.map((a) => [a.id, a]));
    drawFacts(body, articles);
    document.getElementById("back").href = `/${location.search}`;
    document.querySelector("main.incident").hidden = false;
    status.textContent = "";
    const cited = claimInAddress(body);
    if (cited >= 0) showClaim(cited);
    document.getElementById("cite-text").textContent = citation(body, (etag || "").replaceAll('"', ""));
    const correct = document.getElementById("correct-form");
    // made once: after a correction the page reloads its data, and the form keeps its answer
    if (!correct.firstChild) correct.append(correctionForm(body, () => main()));
    placeMap(document.getElementById("place-map"), body, getJSON).catch(() => {});
    drawComparison(body.id).catch(() => {}); // only when the server was started with --compare
  } catch (error) {
    status.textContent = `Could not load incident ${requested}: ${error.message}`;
  }
}

main();
