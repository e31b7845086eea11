/* The admin's team section of the checklist page: import a CSV, see each person's status, export.
 *
 * The engine does the work (checklist/team.py, team_csv.py through checklist.web.call): reading the file
 * (encoding, headers, dropping a password column), the status of each person, the CSV and calendar exports with
 * formulas neutralised. This file stores the team's facts (never the file, never a password) in localStorage
 * under `pct-team`, through the guarded store (storage.js: a write that fails is said, never assumed), with the
 * time they were saved (`saved_at`, shown so the admin knows how old the list is), and paints the table with
 * textContent only; links to the guide go through links.js.
 */

const TEAM_KEY = "pct-team";

export function setUpTeam({ engine, text, element, download, clock, language, links, store }) {
  const section = document.getElementById("pct-team");
  const file = document.getElementById("pct-team-file");
  const error = document.getElementById("pct-team-error");
  const notes = document.getElementById("pct-team-notes");
  const totals = document.getElementById("pct-team-totals");
  const table = document.getElementById("pct-team-table");
  const filter = document.getElementById("pct-team-filter");
  const savedLine = document.getElementById("pct-team-saved");
  let stored = read();
  let current = null;
  let kept = true; // whether `stored` is what this device keeps

  function read() {
    try {
      const value = JSON.parse(store.get(TEAM_KEY));
      return value && Array.isArray(value.employees) ? value : null;
    } catch {
      return null;
    }
  }

  /* Storage full or blocked: the table still shows for this visit, and the admin is told it is not kept. */
  function save(document) {
    stored = document ? { ...document, saved_at: clock().now } : null;
    kept = stored ? store.set(TEAM_KEY, JSON.stringify(stored)) : store.remove(TEAM_KEY);
  }

  // The engine reads the facts only: the saved time stays on the page.
  const withClock = ({ saved_at: _saved, ...document }) => ({ ...document, language, ...clock() });

  function savedText() {
    if (!kept) return text("team_not_kept");
    if (typeof stored?.saved_at !== "string") return "";
    const [date, time = "00:00"] = stored.saved_at.split("T");
    const [y, m, d] = date.split("-").map(Number);
    const [hh, mm] = time.split(":").map(Number);
    const when = new Date(y, m - 1, d, hh, mm);
    if (Number.isNaN(when.getTime())) return "";
    const day = new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(when);
    return text("team_saved_on", { date: day });
  }

  function showError(message) {
    error.textContent = message ? text("team_error", { message }) : "";
    error.hidden = !message;
    file.toggleAttribute("aria-invalid", Boolean(message));
  }

  function paint() {
    for (const node of section.querySelectorAll("[data-needs-team]")) node.hidden = !current;
    table.hidden = !current;
    savedLine.textContent = current ? savedText() : "";
    if (!current) {
      totals.textContent = "";
      notes.textContent = "";
      return;
    }
    totals.textContent = text("team_totals", current.totals);
    // The engine's notices name dropped (password) and ignored columns, in the reader's language.
    notes.textContent = (current.notices ?? []).map((notice) => notice.message).join(" ");
    const rows = current.employees
      .filter((person) => !filter.checked || person.needs_action)
      .map((person) =>
        element(
          "tr",
          { dataset: { status: person.status, needsAction: person.needs_action } },
          element(
            "td",
            {},
            element("span", { class: "pct-team__name", text: person.name ?? "" }),
            person.name && person.email ? element("br") : null,
            element("span", { class: "pct-team__email", text: person.email ?? "" }),
          ),
          element("td", { text: person.status_label }),
          element(
            "td",
            {},
            person.dates.temp_password_expires && !person.signed_in // a deadline only until they sign in
              ? element("time", { datetime: person.dates.temp_password_expires, text: formatDay(person.dates.temp_password_expires) })
              : null,
          ),
          element("td", {}, ...whatToDo(person)),
        ),
      );
    table.tBodies[0].replaceChildren(...rows);
  }

  /* The warnings say what to do; with none, the steps still open, each linking to its guide section. */
  function whatToDo(person) {
    if (person.warnings.length) {
      return person.warnings.map((w) => element("p", { class: "pct-team__warning", dataset: { code: w.code }, text: w.message }));
    }
    return person.remaining.flatMap((step, i) => {
      const href = links.guide(step.link);
      return [i ? " · " : null, href ? element("a", { href, text: step.title }) : element("span", { text: step.title })];
    });
  }

  function formatDay(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
  }

  async function recompute() {
    if (!stored) {
      current = null;
      paint();
      return;
    }
    try {
      const started = performance.now();
      current = (await engine().call("team", { document: withClock(stored) })).team;
      performance.measure("pct:team-recompute", { start: started }); // read by bench/checklist_page.py
    } catch (problem) {
      showError(problem.message);
    }
    paint();
  }

  async function importFile() {
    const chosen = file.files[0];
    if (!chosen) return;
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    try {
      const result = await engine().call("team_csv", { data: btoa(binary), language, ...clock() });
      showError("");
      save(result.document);
      current = result.team;
      paint();
    } catch (problem) {
      showError(problem.message); // the previous team stays as it was
    } finally {
      file.value = "";
    }
  }

  const actions = {
    async template() {
      const csv = await engine().call("team_template", { language });
      download(`${text("team_template_file")}.csv`, "text/csv;charset=utf-8", csv);
    },
    async export() {
      const csv = await engine().call("team_export", { document: withClock(stored) });
      download(`${text("team_export_file")}.csv`, "text/csv;charset=utf-8", csv);
    },
    async calendar() {
      const ics = await engine().call("team_calendar", { document: withClock(stored), ...links.calendarUrls() });
      download(`${text("team_calendar_file")}.ics`, "text/calendar;charset=utf-8", ics);
    },
    clear() {
      save(null);
      current = null;
      showError("");
      paint();
    },
  };

  section.addEventListener("click", (event) => {
    const action = event.target.closest("[data-team-action]")?.dataset.teamAction;
    if (action) actions[action]().catch((problem) => showError(problem.message));
  });
  file.addEventListener("change", () => importFile());
  filter.addEventListener("change", paint);
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
      kept = true;
      current = null;
      showError("");
      paint();
    },
  };
}
