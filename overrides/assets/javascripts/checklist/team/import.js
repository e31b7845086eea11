/* Importing the admin's file: its bytes go to the engine (`team_csv_view`), which reads what it can and lists
 * every row it could not (row, the file's own header, the cell as written, what to write). When the file does not
 * say whether 8/10/2026 is day or month first, the engine asks (`date_order_needed`): the page shows the choice,
 * keeps the file in memory for this visit only, and reads it again once the admin answers. The answer is
 * remembered (asked once) and shown with the result; the file itself is never stored.
 *
 * The rows not imported are shown grouped by problem (issue 22): the engine's `summary.rejected_groups`, each a
 * title ("51 rows: …"), one fix, and its rows (number and person, in the engine's words). Without the groups
 * (a team saved before them), every row's whole line is listed as before. */

const ORDER_KEY = "pct-team-date-order";

export class TeamImport {
  constructor(root, { engine, element, clock, language, store, onImported, onError }) {
    this.file = root.querySelector("#pct-team-file");
    this.order = root.querySelector("#pct-team-order");
    this.rejectedBox = root.querySelector("#pct-team-rejected");
    this.engine = engine;
    this.element = element;
    this.clock = clock;
    this.language = language;
    this.store = store;
    this.onImported = onImported;
    this.onError = onError;
    this.pending = null; // the last file's bytes (base64), while the date order is asked
    this.groups = null; // the last import's rejected rows grouped by problem (`summary.rejected_groups`)
  }

  init() {
    this.file.addEventListener("change", () => this.chosen());
    this.order.addEventListener("change", () => {
      const value = this.order.querySelector("input:checked")?.value;
      if (value && value !== "auto") this.store.set(ORDER_KEY, value);
      if (value === "auto") this.store.remove(ORDER_KEY);
      if (this.pending) this.read(this.pending, value === "auto" ? null : value);
    });
    return this;
  }

  async chosen() {
    const chosen = this.file.files[0];
    if (!chosen) return;
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    bytes.fill(0); // the file's bytes (a password column included) do not outlive the import in the page
    this.file.value = "";
    await this.read(btoa(binary), null);
  }

  /** Read the file, in `order` when given; a remembered order answers the engine's question without asking. */
  async read(data, order) {
    const remembered = this.store.get(ORDER_KEY);
    try {
      const result = await this.engine().call("team_csv_view", { data, language: this.language, date_order: order, ...this.clock() });
      this.pending = null;
      this.groups = result.team.summary?.rejected_groups ?? null;
      this.showOrder(result.team.date_order_source === "chosen" ? result.team.date_order : null, false);
      this.onImported(result);
    } catch (problem) {
      if (problem.code === "date_order_needed") {
        if (!order && remembered) return this.read(data, remembered);
        this.pending = data;
        this.showOrder(null, true);
        this.onError(problem.message);
        return;
      }
      this.pending = null;
      this.onError(problem.message); // the previous team stays as it was
    }
  }

  /** The day/month choice: asked (`asking`), or shown with the order the admin chose for the file read. */
  showOrder(chosen, asking) {
    this.order.hidden = !asking && !chosen;
    this.order.toggleAttribute("data-asking", asking);
    const value = chosen ?? (asking ? null : "auto");
    for (const input of this.order.querySelectorAll("input")) input.checked = input.value === value;
    if (asking) this.order.querySelector("input")?.focus();
  }

  /** Every row not imported, in the admin's words; the list is kept with the team until the next import. Grouped
   * by problem when the groups are known (given, or from this visit's import of these very rows), each row a
   * line with its number and person; else each line is the engine's whole `message` (the CLI's words). */
  paintRejected(rejected, groups = null) {
    const list = this.rejectedBox.querySelector("ul");
    this.rejectedBox.hidden = !rejected?.length;
    const known = this.groupsOf(rejected ?? [], groups ?? this.groups);
    if (known) {
      list.replaceChildren(...known.map((group) => this.group(group)));
      return;
    }
    list.replaceChildren(
      ...(rejected ?? []).map((entry) =>
        this.element("li", { dataset: { row: entry.row, code: entry.code }, text: entry.message ?? entry.expected }),
      ),
    );
  }

  /** The groups, when they describe exactly these rows (never the groups of another file's import). */
  groupsOf(rejected, groups) {
    if (!Array.isArray(groups) || !rejected.length) return null;
    const rows = groups.flatMap((group) => group.rows ?? []).map((row) => row.row);
    const wanted = new Set(rejected.map((entry) => entry.row));
    return rows.length === rejected.length && rows.every((row) => wanted.has(row)) ? groups : null;
  }

  /** One problem: its title and fix, then its rows. */
  group(group) {
    const rows = this.element(
      "ul",
      { class: "pct-team-rejected__rows" },
      ...group.rows.map((row) => this.element("li", { dataset: { row: row.row, code: group.code }, text: row.text })),
    );
    return this.element(
      "li",
      { class: "pct-team-rejected__group", dataset: { code: group.code, count: group.count } },
      this.element("p", {}, this.element("strong", { text: group.title }), " ", group.fix),
      rows,
    );
  }
}
