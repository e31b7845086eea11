/* The admin's team section of the checklist page: it wires the team components and keeps the team's facts.
 *
 * The engine does the work (the checklist/team/ package, through checklist.web.call): reading the file
 * (encoding, headers, dropping a password column, every row it cannot read listed), the status of each person
 * as compact records, the CSV and calendar exports, the reminders. The components, in this folder as the
 * Python package has one module per concern: import.js (the file, the day/month question, the rows not
 * imported), filters.js (filters with totals, search, sort, grouping by the admin's own column), table.js (the
 * table, cards on a phone), export.js (files, copying addresses) and reminders.js (mailto: or copy).
 *
 * This file stores the team's facts (never the file, never a password) in localStorage under `pct-team`, through
 * the guarded store (storage.js: a write that fails is said, never assumed), with each person's row in the
 * admin's file (identity on screen, in messages, after reload and in the export), the admin's own columns, what
 * the import said, and the time it was saved. Removing the list can be undone.
 */

import { TeamExport } from "./export.js";
import { TeamFilters } from "./filters.js";
import { TeamImport } from "./import.js";
import { TeamReminders } from "./reminders.js";
import { TeamTable, peopleOf } from "./table.js";

const TEAM_KEY = "pct-team";

/** Whether a stored value has the shape this page writes: an object with a list of people (objects). */
export function isTeam(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Array.isArray(value.employees) &&
    value.employees.every((person) => person !== null && typeof person === "object" && !Array.isArray(person))
  );
}

export function setUpTeam({ engine, text, element, download, clock, language, links, store }) {
  const section = document.getElementById("pct-team");
  const error = document.getElementById("pct-team-error");
  const notes = document.getElementById("pct-team-notes");
  const totals = document.getElementById("pct-team-totals");
  const shownLine = document.getElementById("pct-team-shown");
  const savedLine = document.getElementById("pct-team-saved");
  const undoBox = document.getElementById("pct-team-undo");
  const tableNode = document.getElementById("pct-team-table");
  const aside = document.getElementById("pct-team-aside");
  let unreadable = ""; // what the admin is told about a stored team that could not be read (set aside)
  let stored = read();
  let kept = true; // whether `stored` is what this device keeps
  let view = null; // the engine's compact view of `stored`
  let people = [];
  let removed = null; // the list just removed, until undone or replaced

  const table = new TeamTable(tableNode, { text, element, links });
  const filters = new TeamFilters(section, { text, element, language, onChange: refresh });
  const exporter = new TeamExport(section, { engine, text, download, links, language });
  const reminders = new TeamReminders(section, { engine, text, element, links, clock, language, download }).init();
  const importer = new TeamImport(section, { engine, text, element, clock, language, store, onImported, onError: showError }).init();

  /* The stored team, or null. Text that is not a team (corrupt JSON, another shape) is never dropped nor left
   * for the next import to overwrite: it is copied under a side key (as saved-state.js does for the checklist's
   * answers), removed from TEAM_KEY only once the copy is written, and the admin is told where it is. */
  function read() {
    const raw = store.get(TEAM_KEY);
    if (raw === null) return null;
    let value = null;
    try {
      value = JSON.parse(raw);
    } catch {
      value = null;
    }
    if (isTeam(value)) return value;
    const key = `${TEAM_KEY}.unreadable-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    const setAside = store.set(key, raw) && store.remove(TEAM_KEY);
    unreadable = setAside ? text("team_stored_unreadable", { key }) : text("team_stored_unreadable_kept");
    return null;
  }

  /* Storage full or blocked: the table still shows for this visit, and the admin is told it is not kept. */
  function save(value) {
    stored = value;
    kept = stored ? store.set(TEAM_KEY, JSON.stringify(stored)) : store.remove(TEAM_KEY);
  }

  // The engine reads the facts only: the saved time and the import's report stay on the page.
  const facts = ({ saved_at: _saved, import: _import, ...document }) => ({ ...document, language, ...clock() });

  function savedText() {
    if (!kept) return text("team_not_kept");
    if (typeof stored?.saved_at !== "string") return "";
    const day = stored.saved_at.slice(0, 10);
    return text("team_saved_on", { date: view?.dates_text?.[day] ?? day });
  }

  function showError(message) {
    error.textContent = message ? text("team_error", { message }) : "";
    error.hidden = !message;
    const file = document.getElementById("pct-team-file");
    if (message) file.setAttribute("aria-invalid", "true");
    else file.removeAttribute("aria-invalid");
  }

  function paint() {
    aside.textContent = unreadable;
    aside.hidden = !unreadable;
    for (const node of section.querySelectorAll("[data-needs-team]")) node.hidden = !view;
    tableNode.hidden = !view;
    savedLine.textContent = view ? savedText() : "";
    importer.paintRejected(view ? stored?.import?.rejected : null, stored?.import?.rejected_groups);
    if (!view) {
      totals.textContent = notes.textContent = shownLine.textContent = "";
      tableNode.tBodies[0].replaceChildren();
      return;
    }
    totals.textContent = view.totals_text;
    // The engine's notices: rows not imported, the date order read, dropped (password), kept and ignored columns.
    notes.textContent = (stored.import?.notices ?? []).map((notice) => notice.message).join(" ");
    filters.paintFilters(view.totals);
    filters.paintColumns(stored.extra_columns ?? [], people);
    refresh();
  }

  function refresh() {
    if (!view) return;
    filters.paintColumns(stored.extra_columns ?? [], people);
    const groups = filters.apply(people);
    const count = groups.reduce((sum, group) => sum + group.people.length, 0);
    table.paint(view, groups, { columns: stored.extra_columns ?? [], remind: (chosen) => reminders.write(chosen) });
    shownLine.textContent = count ? text("team_shown", { shown: count, total: people.length }) : text("team_no_match");
    exporter.clear();
  }

  const shownPeople = () => filters.apply(people).flatMap((group) => group.people);

  async function recompute() {
    if (!stored) {
      view = null;
      people = [];
      paint();
      return;
    }
    try {
      const started = performance.now();
      const saved = typeof stored.saved_at === "string" ? [stored.saved_at.slice(0, 10)] : [];
      view = await engine().call("team_view", { document: facts(stored), date_texts: saved });
      performance.measure("pct:team-recompute", { start: started }); // read by bench/checklist_page.py
      people = peopleOf(view, stored.employees);
    } catch (problem) {
      showError(problem.message);
    }
    paint();
  }

  function onImported(result) {
    showError("");
    unreadable = "";
    const { rejected, notices, date_order, date_order_source, summary } = result.team;
    const rejected_groups = summary?.rejected_groups ?? null; // the groups stay with the team after a reload
    save({ ...result.document, import: { rejected, rejected_groups, notices, date_order, date_order_source }, saved_at: clock().now });
    removed = null;
    undoBox.hidden = true;
    return recompute();
  }

  const actions = {
    template: () => exporter.template(),
    export: () => exporter.table(facts(stored)),
    calendar: () => exporter.calendar(facts(stored)),
    emails: () => exporter.emails(shownPeople()),
    remind: () => reminders.write(shownPeople().filter((p) => p.email)),
    /* Remove, with an undo, like "Start over": the list stays in memory until the page is left. */
    clear() {
      removed = stored;
      save(null);
      view = null;
      people = [];
      showError("");
      reminders.close();
      paint();
      undoBox.replaceChildren(element("span", { text: text("team_removed") }), " ", undoButton());
      undoBox.hidden = false;
    },
  };

  function undoButton() {
    const node = element("button", { type: "button", class: "md-button", text: text("undo"), dataset: { teamUndo: "" } });
    node.addEventListener("click", () => {
      if (removed) save(removed);
      removed = null;
      undoBox.hidden = true;
      recompute();
    });
    return node;
  }

  section.addEventListener("click", (event) => {
    const action = event.target.closest("[data-team-action]")?.dataset.teamAction;
    if (action) Promise.resolve(actions[action]()).catch((problem) => showError(problem.message));
  });
  // Another tab changed the team: follow it, so two open tabs never show different lists.
  window.addEventListener("storage", (event) => {
    if (event.key !== TEAM_KEY && event.key !== null) return;
    stored = read();
    kept = true;
    recompute();
  });
  // The section needs the engine (reading a file, computing statuses): it appears once Python is ready.
  return {
    show(visible) {
      section.hidden = !visible;
    },
    recompute,
    /** Everything stored was deleted (the page's delete-everything button): forget the team on screen too. */
    forget() {
      stored = null;
      unreadable = "";
      removed = null;
      kept = true;
      view = null;
      people = [];
      undoBox.hidden = true;
      showError("");
      paint();
    },
  };
}
