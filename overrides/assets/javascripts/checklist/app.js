/* The checklist page: answers in, the engine's plan out, everything kept in this browser.
 *
 * - The engine (Python, in worker.js) decides everything: which steps, which dates, which warnings, which
 *   error for which field. This file only collects answers, stores them, and paints what the engine returns.
 * - Every string that reaches the DOM goes through textContent or a form control's value: never innerHTML.
 * - State lives in localStorage under language-independent step ids; the last plan is kept too, so a return
 *   visit paints at once and repaints when Python is ready (dates move on).
 */

import { setUpTeam } from "./team.js";

const app = document.getElementById("pct-app");
const STRINGS = JSON.parse(document.getElementById("pct-strings").textContent);
const { answer_fields: ANSWER_FIELDS, date_order: DATE_ORDER } = JSON.parse(
  document.getElementById("pct-config").textContent,
);
const LANGUAGE = app.dataset.language;
const STORAGE_KEY = "pct-checklist";
const PREVIOUS_KEY = `${STORAGE_KEY}.previous`;
const STATE_VERSION = 1;
const SHARE_PREFIX = "#checklist?";
const LIST_FIELDS = new Set(["benefits", "done"]);
const FLAG_FIELDS = new Set(["csp", "marketplace"]);

const form = document.getElementById("pct-form");
const planBox = document.getElementById("pct-plan");
const statusBox = document.getElementById("pct-status");
const alertBox = document.getElementById("pct-alert");
const actions = document.getElementById("pct-actions");
const shareBox = document.getElementById("pct-share");
const prerendered = planBox.cloneNode(true);

const text = (key, values = {}) =>
  (STRINGS[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));

function element(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name in node && typeof value !== "string") node[name] = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/* ---------------------------------------------------------------- dates in the reader's locale */

function formatDate(iso) {
  const [date, time] = iso.split("T");
  const [y, m, d] = date.split("-").map(Number);
  if (!time) {
    return new Intl.DateTimeFormat(LANGUAGE, { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
  }
  const [hh, mm] = time.split(":").map(Number);
  return new Intl.DateTimeFormat(LANGUAGE, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(
    Date.UTC(y, m - 1, d, hh, mm),
  );
}

const pad = (n) => String(n).padStart(2, "0");
function clock() {
  const now = new Date();
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return { today, now: `${today}T${pad(now.getHours())}:${pad(now.getMinutes())}` };
}

/* ---------------------------------------------------------------- state: storage, share links */

function emptyState() {
  return { version: STATE_VERSION, answers: {}, plan: null };
}

function isState(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    value.version === STATE_VERSION &&
    value.answers !== null &&
    typeof value.answers === "object" &&
    !Array.isArray(value.answers)
  );
}

/* Unreadable state is never dropped silently: it is copied aside under a key of its own, and the reader told. */
function setAside(raw) {
  const key = `${STORAGE_KEY}.unreadable-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  try {
    localStorage.setItem(key, raw);
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* storage full or blocked: the original stays where it was */
  }
  showAlert(text("corrupt_state", { key }));
}

function loadState() {
  let raw = null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return emptyState();
  }
  if (raw === null) return emptyState();
  try {
    const value = JSON.parse(raw);
    if (isState(value)) return value;
  } catch {
    /* fall through */
  }
  setAside(raw);
  return emptyState();
}

function saveState() {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    /* private mode or full storage: the page still works for this visit */
  }
}

function shareUrl(answers) {
  const params = new URLSearchParams();
  for (const field of ANSWER_FIELDS) {
    const value = answers[field];
    if (value === undefined || value === null || value === false || (Array.isArray(value) && !value.length)) continue;
    params.set(field, Array.isArray(value) ? value.join(",") : value === true ? "1" : String(value));
  }
  return `${location.origin}${location.pathname}${SHARE_PREFIX}${params}`;
}

/* Answers from a shared link. Values are only ever handed to the engine and to form controls, never parsed
 * as markup; the engine rejects what is not valid, naming the field. */
function answersFromFragment(hash) {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const params = new URLSearchParams(hash.slice(SHARE_PREFIX.length));
  const answers = {};
  for (const field of ANSWER_FIELDS) {
    if (!params.has(field)) continue;
    const value = params.get(field);
    if (LIST_FIELDS.has(field)) answers[field] = value.split(",").filter(Boolean);
    else if (FLAG_FIELDS.has(field)) answers[field] = value === "1" || value === "true";
    else answers[field] = value;
  }
  return answers;
}

/* ---------------------------------------------------------------- the form */

function questionBoxes() {
  return [...form.querySelectorAll(".pct-question")];
}

function readForm() {
  const answers = {};
  for (const box of questionBoxes()) {
    if (box.hidden) continue;
    const field = box.dataset.field;
    const inputs = [...box.querySelectorAll("input")];
    if (box.classList.contains("pct-question--choice")) {
      const chosen = inputs.find((input) => input.checked);
      if (chosen) answers[field] = chosen.value;
    } else if (box.classList.contains("pct-question--multi")) {
      answers[field] = inputs.filter((input) => input.checked).map((input) => input.value);
    } else if (box.classList.contains("pct-question--flag")) {
      answers[field] = inputs[0].checked;
    } else if (inputs[0].value) {
      answers[field] = inputs[0].value;
    }
  }
  answers.done = state.answers.done ?? [];
  return answers;
}

function fillForm(answers) {
  for (const box of questionBoxes()) {
    const value = answers[box.dataset.field];
    for (const input of box.querySelectorAll("input")) {
      if (input.type === "radio") input.checked = input.value === value;
      else if (input.type === "checkbox" && box.classList.contains("pct-question--multi"))
        input.checked = Array.isArray(value) && value.includes(input.value);
      else if (input.type === "checkbox") input.checked = value === true;
      else input.value = typeof value === "string" ? value : "";
    }
  }
  showRelevantQuestions();
}

/* A question is asked only when the answers it depends on (its data-when) hold. */
function showRelevantQuestions() {
  const current = {};
  for (const input of form.querySelectorAll("input[type=radio]:checked")) current[input.name] = input.value;
  for (const box of questionBoxes()) {
    const when = JSON.parse(box.dataset.when || "{}");
    box.hidden = !Object.entries(when).every(([field, value]) => (current[field] ?? defaults[field]) === value);
  }
}
const defaults = { situation: "transition" };

function clearFieldErrors() {
  for (const box of form.querySelectorAll(".pct-error")) {
    box.hidden = true;
    box.textContent = "";
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
}

/* Returns whether the error belongs to a question the reader can see and fix. */
function showFieldError(error) {
  const field = error.field.split(/[[.]/)[0];
  const box = form.querySelector(`.pct-question[data-field="${CSS.escape(field)}"]`);
  if (!box || box.hidden) return false;
  const message = box.querySelector(".pct-error");
  message.textContent = text("field_error", { message: error.message });
  message.hidden = false;
  for (const input of box.querySelectorAll("input")) input.setAttribute("aria-invalid", "true");
  return true;
}

/* ---------------------------------------------------------------- painting a plan */

function stepItem(step, done) {
  const id = `pct-step-${step.id}`;
  const badges = [];
  if (step.optional) badges.push(element("span", { class: "pct-badge", text: text("optional") }));
  if (step.due && !done)
    badges.push(
      element(
        "span",
        { class: "pct-badge pct-badge--due" },
        ...text("due", { date: "\u0000" })
          .split("\u0000")
          .flatMap((part, i) => (i ? [element("time", { datetime: step.due, text: formatDate(step.due) }), part] : [part])),
      ),
    );
  return element(
    "li",
    { class: done ? "pct-step pct-step--done" : "pct-step", dataset: { step: step.id } },
    element("input", { type: "checkbox", id, dataset: { step: step.id }, checked: done }),
    element("label", { for: id, class: "pct-step__title", text: step.title }),
    ...badges.flatMap((badge) => [" ", badge]),
    element("p", { class: "pct-step__detail", text: step.detail }),
    element("p", { class: "pct-step__link" }, element("a", { href: step.link, text: text("read_guide") })),
  );
}

let paints = 0;

function paintPlan(plan, source) {
  const focused = document.activeElement?.dataset?.step;
  const box = element("section", {
    class: "pct-plan",
    id: "pct-plan",
    "aria-labelledby": "pct-plan-title",
    dataset: { source, language: plan.language, today: plan.today, revision: ++paints },
  });
  box.append(element("h2", { id: "pct-plan-title", text: text("plan") }));

  const { done, total } = plan.progress;
  box.append(
    element(
      "div",
      { class: "pct-progress" },
      element("p", { id: "pct-progress-label", text: text("progress", { done, total }) }),
      element("progress", { value: done, max: total, "aria-labelledby": "pct-progress-label" }),
    ),
  );

  if (plan.warnings.length) {
    box.append(
      element(
        "div",
        { class: "admonition warning pct-warnings" },
        element("p", { class: "admonition-title", text: text("warnings") }),
        element("ul", {}, ...plan.warnings.map((w) => element("li", { dataset: { code: w.code }, text: w.message }))),
      ),
    );
  }

  const dates = DATE_ORDER.filter((key) => plan.dates[key]);
  box.append(element("h3", { id: "pct-dates-title", text: text("key_dates") }));
  box.append(
    dates.length
      ? element(
          "dl",
          { class: "pct-dates" },
          ...dates.flatMap((key) => [
            element("dt", { text: text(`date.${key}`) }),
            element(
              "dd",
              { dataset: { date: key } },
              element("time", { datetime: plan.dates[key], text: formatDate(plan.dates[key]) }),
              plan.projected_dates.includes(key) ? ` ${text("projected")}` : null,
            ),
          ]),
        )
      : element("p", { class: "pct-hint", text: text("no_dates") }),
  );

  if (!plan.remaining.length) box.append(element("p", { class: "pct-nothing-left", text: text("nothing_left") }));
  for (const group of plan.groups) {
    const todo = plan.remaining.filter((step) => step.group === group.id);
    const completed = (plan.completed ?? []).filter((step) => step.group === group.id);
    box.append(
      element("h3", { text: group.title }),
      element(
        "ul",
        { class: "pct-steps", dataset: { group: group.id } },
        ...todo.map((step) => stepItem(step, false)),
        ...completed.map((step) => stepItem(step, true)),
      ),
    );
  }

  document.getElementById("pct-plan").replaceWith(box);
  performance.mark(`pct:plan-painted:${source}`); // read by bench/checklist_page.py
  if (focused) document.getElementById(`pct-step-${focused}`)?.focus();
  actions.hidden = false;
}

/* Before a role is chosen, or when the engine is unavailable: the pre-rendered steps, for the chosen role only. */
function paintPrerendered(role) {
  const box = prerendered.cloneNode(true);
  for (const section of box.querySelectorAll(".pct-role-plan")) section.hidden = Boolean(role) && section.dataset.role !== role;
  for (const input of box.querySelectorAll("input[data-step]")) input.checked = (state.answers.done ?? []).includes(input.dataset.step);
  document.getElementById("pct-plan").replaceWith(box);
  actions.hidden = !role;
}

/* ---------------------------------------------------------------- messages */

/* `transient` alerts (start over, shared link) offer an undo that stops making sense once the reader answers. */
function showAlert(message, action = null, transient = false) {
  alertBox.dataset.transient = transient;
  alertBox.replaceChildren(element("p", { text: message }));
  if (action) alertBox.append(element("p", {}, action));
  alertBox.hidden = false;
}

function say(message) {
  statusBox.textContent = message;
}

/* ---------------------------------------------------------------- the engine, in its worker */

class Engine {
  constructor(url) {
    this.worker = new Worker(url, { type: "module" });
    this.pending = new Map();
    this.next = 1;
    this.worker.addEventListener("message", ({ data: message }) => {
      const data = message.json === undefined ? message : { id: message.id, ...JSON.parse(message.json) };
      const pending = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (pending) (data.ok ? pending.resolve : pending.reject)(data.ok ? data.result : data.error);
    });
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail({ field: "$", code: "worker", message: event.message || "worker failed to load" });
    });
  }

  fail(error) {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  call(fn, args) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, fn, args });
    });
  }
}

let engine = null;
let engineReady = false;
let team = null; // the admin's team section, once the engine is ready (team.js)
let latest = 0;

function engineAnswers() {
  return { ...state.answers, language: LANGUAGE, ...clock() };
}

/* Recompute and repaint; only the newest request paints, so fast typing never shows an older plan. */
async function recompute() {
  const answers = state.answers;
  if (!answers.role) {
    paintPrerendered(null);
    actions.hidden = true;
    return;
  }
  if (!engineReady) {
    if (!state.plan || state.plan.language !== LANGUAGE) paintPrerendered(answers.role);
    saveState();
    return;
  }
  const ticket = ++latest;
  try {
    const started = performance.now();
    const plan = await engine.call("plan", { answers: engineAnswers() });
    performance.measure("pct:recompute", { start: started }); // worker round trip, read by the benchmark
    if (ticket !== latest) return;
    clearFieldErrors();
    state.plan = plan;
    saveState();
    paintPlan(plan, "live");
    document.querySelector('[data-action="calendar"]').disabled = !Object.keys(plan.dates).length;
    say(text("ready"));
  } catch (error) {
    if (ticket !== latest) return;
    clearFieldErrors();
    if (!showFieldError(error)) throw error;
  }
}

function onAnswersChanged() {
  if (alertBox.dataset.transient === "true") alertBox.hidden = true;
  showRelevantQuestions();
  const done = state.answers.done ?? [];
  state.answers = readForm();
  state.answers.done = done;
  team?.show(state.answers.role === "admin");
  saveState();
  recompute().catch(reportUnusableState);
}

/* Stored or shared answers the engine rejects on a field the form does not show (a step id from another
 * version, say) cannot be fixed by the reader: keep them aside, say so, start clean. */
function reportUnusableState(error) {
  if (error?.code === "worker" || error?.code === "internal") {
    engineFailed("load_failed");
    return;
  }
  setAside(JSON.stringify(state));
  state = emptyState();
  fillForm({});
  saveState();
  paintPrerendered(null);
}

function engineFailed(key) {
  engineReady = false;
  showAlert(text(key));
  say("");
  paintPrerendered(state.answers.role);
}

async function startEngine() {
  performance.mark("pct:engine-start");
  say(state.plan ? text("stored") : text("loading"));
  const timeout = Number(app.dataset.loadTimeout) || 20000;
  let timer;
  try {
    engine = new Engine(app.dataset.worker);
    const slow = new Promise((_, reject) => {
      timer = setTimeout(() => reject({ code: "timeout" }), timeout);
    });
    // Absolute URLs: the worker resolves relative ones against its own script address, not the page's.
    const absolute = (url) => new URL(url, document.baseURI).href;
    const init = engine.call("init", {
      pyodide: absolute(app.dataset.pyodide),
      bundle: absolute(app.dataset.bundle),
      snapshot: app.dataset.snapshot ? absolute(app.dataset.snapshot) : null,
      extractDir: app.dataset.extractDir,
    });
    const started = await Promise.race([init, slow]);
    app.dataset.engineTimings = JSON.stringify(started.timings);
  } catch (error) {
    engine?.worker.terminate();
    engineFailed(error?.code === "timeout" ? "load_slow" : "load_failed");
    return;
  } finally {
    clearTimeout(timer);
  }
  engineReady = true;
  team = setUpTeam({ engine: () => engine, text, element, download, clock, language: LANGUAGE });
  team.show(state.answers.role === "admin");
  team.recompute();
  app.dataset.engine = "ready";
  performance.mark("pct:engine-ready");
  await recompute().catch(reportUnusableState);
}

/* ---------------------------------------------------------------- actions */

function download(name, type, content) {
  const link = element("a", { href: URL.createObjectURL(new Blob([content], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

const handlers = {
  change() {
    form.hidden = false;
    form.querySelector(".pct-question:not([hidden]) input")?.focus();
  },
  async share() {
    const url = shareUrl(state.answers);
    const input = document.getElementById("pct-share-url");
    input.value = url;
    shareBox.hidden = false;
    input.select();
    try {
      await navigator.clipboard.writeText(url);
      say(text("share_copied"));
    } catch {
      input.focus();
    }
  },
  async calendar() {
    const ics = await engine.call("calendar", {
      answers: engineAnswers(),
      page_url: `${location.origin}${location.pathname}`,
      site_url: location.origin,
    });
    download(`${text("calendar_file")}.ics`, "text/calendar;charset=utf-8", ics);
  },
  print() {
    window.print();
  },
  reset() {
    const before = state;
    state = emptyState();
    saveState();
    fillForm({});
    clearFieldErrors();
    shareBox.hidden = true;
    paintPrerendered(null);
    const undo = element("button", { type: "button", class: "md-button", text: text("undo") });
    undo.addEventListener("click", () => {
      state = before;
      saveState();
      fillForm(state.answers);
      alertBox.hidden = true;
      recompute().catch(reportUnusableState);
    });
    showAlert(text("started_over"), undo, true);
  },
};

actions.addEventListener("click", (event) => {
  const action = event.target.closest("[data-action]")?.dataset.action;
  if (action) handlers[action]();
});

form.addEventListener("change", onAnswersChanged);
form.addEventListener("submit", (event) => event.preventDefault());

/* Ticks work on the live plan and on the pre-rendered list alike (the latter when Python is unavailable). */
app.addEventListener("change", (event) => {
  const stepId = event.target.dataset?.step;
  if (!stepId) return;
  const done = new Set(state.answers.done ?? []);
  if (event.target.checked) done.add(stepId);
  else done.delete(stepId);
  state.answers = { ...state.answers, done: [...done] };
  saveState();
  recompute().catch(reportUnusableState);
});

/* ---------------------------------------------------------------- start */

let state = loadState();

const shared = answersFromFragment(location.hash);
if (shared) {
  const previous = localStorage.getItem(STORAGE_KEY);
  if (previous && JSON.stringify(JSON.parse(previous).answers) !== JSON.stringify(shared)) {
    localStorage.setItem(PREVIOUS_KEY, previous);
    const restore = element("button", { type: "button", class: "md-button", text: text("restore_previous") });
    restore.addEventListener("click", () => {
      state = JSON.parse(localStorage.getItem(PREVIOUS_KEY));
      localStorage.removeItem(PREVIOUS_KEY);
      saveState();
      fillForm(state.answers);
      alertBox.hidden = true;
      recompute().catch(reportUnusableState);
    });
    showAlert(text("shared_loaded"), restore, true);
  }
  state = { version: STATE_VERSION, answers: shared, plan: null };
  saveState();
  history.replaceState(null, "", location.pathname + location.search);
}

form.hidden = false;
fillForm(state.answers);
if (state.plan && state.plan.language === LANGUAGE && state.answers.role) paintPlan(state.plan, "stored");
else paintPrerendered(state.answers.role);
startEngine();
