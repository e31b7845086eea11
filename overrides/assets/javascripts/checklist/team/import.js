/* Importing the admin's file: its bytes go to the engine (`team_csv_view`), which reads what it can and lists
 * every row it could not (row, the file's own header, the cell as written, what to write). When the file does not
 * say whether 8/10/2026 is day or month first, the engine asks (`date_order_needed`): the page shows the choice,
 * keeps the file in memory for this visit only, and reads it again once the admin answers. The answer is
 * remembered (asked once) and shown with the result; the file itself is never stored. */

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

  /** Every row not imported, in the admin's words; the list is kept with the team until the next import. Each
   * line is the engine's `message`, whole (row, the file's header, the cell, what to write, punctuated by the
   * catalogs of the page's language), so the page and the CLI (`rejected:` lines) say the same words. */
  paintRejected(rejected) {
    const list = this.rejectedBox.querySelector("ul");
    this.rejectedBox.hidden = !rejected?.length;
    list.replaceChildren(
      ...(rejected ?? []).map((entry) =>
        this.element("li", { dataset: { row: entry.row, code: entry.code }, text: entry.message ?? entry.expected }),
      ),
    );
  }
}
