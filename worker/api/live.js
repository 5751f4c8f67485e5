"use strict";
// Served as a file, not inline: the Content-Security-Policy lets only the page's own scripts run.
// Everything from the API is put in the page with textContent, never as HTML, so a quote holding
// markup is shown as the text it is.
let previous = null;
// A worker with NEWSWORKER_API_TOKEN set answers /api/* only with the token. It is asked once and kept
// in this tab's sessionStorage: gone when the tab closes, never sent to any other site.
const TOKEN_KEY = "newsworker.token";

class NeedsToken extends Error {}

function text(tag, value, cls) {
  const node = document.createElement(tag);
  node.textContent = value;
  if (cls) node.className = cls;
  return node;
}

function fill(target, nodes, emptyTag, emptyText) {
  target.replaceChildren(...(nodes.length ? nodes : [text(emptyTag, emptyText, "empty")]));
}

async function getJson(path) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const headers = token ? {Authorization: "Bearer " + token} : {};
  const response = await fetch(path, {cache: "no-store", headers});
  if (response.status === 401) throw new NeedsToken(token ? "that token was refused" : "");
  if (!response.ok) throw new Error(path + " answered " + response.status);
  return response.json();
}

function askForToken(note) {
  sessionStorage.removeItem(TOKEN_KEY);
  const form = document.getElementById("token-form");
  document.getElementById("token-note").textContent = note ? "(" + note + ")" : "";
  form.hidden = false;
  document.getElementById("token").focus();
  document.title = "newsworker live (token needed)";
}

document.getElementById("token-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = document.getElementById("token");
  sessionStorage.setItem(TOKEN_KEY, input.value.trim());
  input.value = "";
  event.target.hidden = true;
  loop();
});

async function refresh() {
  // Every request answers before the page decides: a refused token is asked for once, with no refusal
  // still on its way to the console after the form is shown.
  const answers = await Promise.allSettled([
    getJson("/api/entities/top?window=1h&limit=10"),
    getJson("/api/quotes/latest?limit=6"),
    getJson("/api/topics/top?window=1h&limit=8"),
    getJson("/api/stats"),
  ]);
  const failed = answers.filter((answer) => answer.status === "rejected").map((answer) => answer.reason);
  if (failed.length) throw failed.find((reason) => reason instanceof NeedsToken) || failed[0];
  const [entities, quotes, topics, stats] = answers.map((answer) => answer.value);
  fill(document.getElementById("entities"), entities.items.map((e) => {
    const li = text("li", e.name + " ");
    li.append(text("span", e.type, "type"), text("span", e.count, "count"));
    return li;
  }), "li", "no mentions in this window");
  fill(document.getElementById("quotes"), quotes.items.map((q) => {
    const block = text("blockquote", "«" + q.text + "»");
    block.append(text("cite", "— " + (q.speaker || q.entity_id)));
    return block;
  }), "p", "no quotes yet");
  const top = topics.items.length ? topics.items[0].count : 1;
  fill(document.getElementById("topics"), topics.items.flatMap((t) => {
    const label = text("div", t.name + " ");
    label.append(text("span", t.count, "count"));
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.style.width = Math.max(4, Math.round(100 * t.count / top)) + "%";
    return [label, bar];
  }), "p", "no topics in this window");
  document.getElementById("enriched").textContent = stats.enriched;
  document.getElementById("dead").textContent = stats.dead_lettered;
  if (previous) {
    const seconds = stats.time - previous.time;
    const rate = seconds > 0 ? (stats.consumed - previous.consumed) / seconds : 0;
    document.getElementById("rate").textContent = rate.toFixed(1);
  }
  previous = stats;
}

let timer = null;

async function loop() {
  clearTimeout(timer);
  try {
    await refresh();
    document.title = "newsworker live";
  } catch (error) {
    if (error instanceof NeedsToken) {
      askForToken(error.message);
      return;  // polling resumes when the form is sent
    }
    document.title = "newsworker live (reconnecting)";
  }
  timer = setTimeout(loop, 3000);
}
loop();
