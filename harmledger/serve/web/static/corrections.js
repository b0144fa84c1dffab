// Corrections from the incident page, behind the server's write token: split the selected sources
// out, detach one source from every incident, or merge other incidents in. Each is kept as a decision
// that later ingests and rebuilds honour (GET /api/decisions is the audit log).
import { el } from "./api.js";

const ACTIONS = {
  split: "move the selected sources into a new incident",
  detach: "keep the selected source out of every incident of other sources",
  merge: "merge the incidents named below into this one",
};

async function post(url, token, body) {
  const response = await fetch(url, {
    method: "POST", body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${token}` },
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new Error(answer && answer.detail ? answer.detail : `${response.status}`);
  return answer;
}

/** The request a filled-in form makes: [url, body], or an error sentence. */
function request(inc, form, selected) {
  const why = { reason: form.reason.value.trim(), author: form.author.value.trim() };
  const id = encodeURIComponent(inc.id);
  if (form.correction.value === "merge") {
    const others = form.others.value.split(/[\s,]+/).filter(Boolean);
    return others.length ? [`/api/incidents/${id}/merge`, { others, ...why }] : "name the incidents to merge in";
  }
  if (!selected.length) return "select a source in the table above";
  if (form.correction.value === "detach") {
    return selected.length === 1 ? [`/api/articles/${encodeURIComponent(selected[0])}/detach`, why]
      : "detach one source at a time";
  }
  return [`/api/incidents/${id}/split`, { articles: selected, ...why }];
}

/** The form; `done(answer)` runs after a correction is stored. */
export function correctionForm(inc, done) {
  const result = el("p", { class: "result", role: "status" });
  const form = el("form", { class: "corrections" },
    el("label", {}, "action ", el("select", { name: "correction" },
      ...Object.entries(ACTIONS).map(([value, text]) => el("option", { value }, `${value}: ${text}`)))),
    el("label", {}, "incidents to merge in ", el("input", { name: "others", placeholder: "I… I…" })),
    el("label", {}, "why ", el("input", { name: "reason", required: "", maxlength: "2000" })),
    el("label", {}, "who ", el("input", { name: "author", maxlength: "200" })),
    el("label", {}, "write token ", el("input", { name: "token", type: "password", autocomplete: "off", required: "" })),
    el("button", { type: "submit" }, "store the correction"), result);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const selected = [...document.querySelectorAll("#sources input[name=article]:checked")].map((b) => b.value);
    const made = request(inc, form, selected);
    if (typeof made === "string") {
      result.textContent = made;
      return;
    }
    try {
      const answer = await post(made[0], form.token.value, made[1]);
      result.textContent = "stored; it is in the audit log and later rebuilds keep it";
      done(answer);
    } catch (error) {
      result.textContent = `not stored: ${error.message}`;
    }
  });
  return form;
}
