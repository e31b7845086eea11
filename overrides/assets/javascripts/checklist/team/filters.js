/* What the admin narrows the team to: one filter (with the team's totals), a search by name or e-mail, a sort
 * on any column, and a grouping or filter by one of the admin's own columns (e.g. Department). Pure choices:
 * `apply(people)` returns the groups to paint; nothing here talks to the engine or storage. */

// Filter id -> [totals key for its count, who it keeps].
export const FILTERS = {
  all: ["employees", () => true],
  needs_action: ["needs_action", (p) => p.needsAction],
  expired: ["expired", (p) => p.status === "expired"],
  due_soon: ["due_soon", (p) => p.status === "due_soon"],
  not_signed_in: ["not_signed_in", (p) => !p.signedIn],
  pu: ["partner_university_not_connected", (p) => !p.connected],
  exams: ["exams_not_associated", (p) => !p.associated],
};

// Sorting by status follows the engine's order (`statusRank`, from the reply's `statuses`: table.js peopleOf).
const SORTS = {
  urgency: (a, b) => a.rank - b.rank,
  row: (a, b) => a.row - b.row,
  name: (a, b, collator) => collator.compare(a.name || a.email, b.name || b.email) || a.row - b.row,
  email: (a, b, collator) => collator.compare(a.email, b.email) || a.row - b.row,
  status: (a, b) => a.statusRank - b.statusRank || a.rank - b.rank,
  deadline: (a, b) => (a.expires ?? "9999").localeCompare(b.expires ?? "9999") || a.row - b.row,
};

/** Text folded for search: case, accents and full-width forms ignored ("Chloé" is found by "chloe"). */
export function fold(value) {
  return String(value ?? "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

export class TeamFilters {
  constructor(root, { text, element, language, onChange }) {
    this.text = text;
    this.element = element;
    this.collator = new Intl.Collator(language);
    this.box = root.querySelector("#pct-team-filters");
    this.search = root.querySelector("#pct-team-search");
    this.sort = root.querySelector("#pct-team-sort");
    this.group = root.querySelector("#pct-team-group");
    this.groupValue = root.querySelector("#pct-team-group-value");
    this.onChange = onChange;
    this.filter = "all";
    this.columns = [];
    this.only = null; // the chosen value of the grouping column ("" is a value: the empty cell), null for all
    for (const control of [this.search, this.sort, this.group, this.groupValue]) {
      control.addEventListener(control === this.search ? "input" : "change", () => this.changed(control));
    }
  }

  changed(control) {
    if (control === this.group) this.only = null;
    if (control === this.groupValue) {
      const option = this.groupValue.selectedOptions[0];
      this.only = this.groupValue.selectedIndex > 0 ? option.dataset.value : null;
    }
    this.onChange();
  }

  /** The filter buttons with the team's totals (counts of the whole team, not of what is shown). */
  paintFilters(totals) {
    const e = this.element;
    const items = Object.entries(FILTERS).map(([id, [key]]) => {
      const input = e("input", { type: "radio", name: "pct-team-filter", id: `pct-team-filter-${id}`, value: id, checked: id === this.filter });
      input.addEventListener("change", () => {
        this.filter = id;
        this.onChange();
      });
      const count = totals?.[key] ?? 0;
      return e("span", { class: "pct-team__filter", dataset: { filter: id, count } }, input, e("label", { for: input.id, text: this.text(`team_filter_${id}`, { count }) }));
    });
    this.box.replaceChildren(e("legend", { text: this.text("team_filter_label") }), ...items);
  }

  /** The admin's own columns to group by; the choice is kept when the columns stay the same. */
  paintColumns(columns, people) {
    const e = this.element;
    if (columns.join("\n") !== this.columns.join("\n")) {
      this.columns = columns;
      const keep = columns.includes(this.group.value) ? this.group.value : "";
      this.group.replaceChildren(e("option", { value: "", text: this.text("team_group_none") }), ...columns.map((c) => e("option", { value: c, text: c })));
      this.group.value = keep;
    }
    this.group.closest("[data-team-group]").hidden = columns.length === 0;
    const column = this.group.value;
    this.groupValue.hidden = !column;
    if (!column) return;
    const values = [...new Set(people.map((p) => p.extra[column] ?? ""))].sort((a, b) => this.collator.compare(a, b));
    if (this.only !== null && !values.includes(this.only)) this.only = null;
    this.groupValue.replaceChildren(
      e("option", { value: "", text: this.text("team_group_all") }),
      ...values.map((v, i) => e("option", { value: `v${i}`, text: v || this.text("team_empty_cell"), dataset: { value: v } })),
    );
    this.groupValue.selectedIndex = this.only === null ? 0 : values.indexOf(this.only) + 1;
  }

  /** Filter, search, sort, then group by the chosen column: [{label, people}]. */
  apply(people) {
    const keep = FILTERS[this.filter]?.[1] ?? FILTERS.all[1];
    const words = fold(this.search.value).trim().split(/\s+/).filter(Boolean);
    const column = this.group.value;
    const only = column ? this.only : null;
    const shown = people.filter((p) => {
      if (!keep(p)) return false;
      if (only !== null && (p.extra[column] ?? "") !== only) return false;
      const hay = `${fold(p.name)} ${fold(p.email)}`;
      return words.every((word) => hay.includes(word));
    });
    const compare = SORTS[this.sort.value] ?? SORTS.urgency;
    shown.sort((a, b) => compare(a, b, this.collator));
    if (!column) return [{ label: null, people: shown }];
    const groups = new Map();
    for (const person of shown) {
      const value = person.extra[column] ?? "";
      if (!groups.has(value)) groups.set(value, []);
      groups.get(value).push(person);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => this.collator.compare(a, b))
      .map(([value, members]) => ({ label: `${column}: ${value || this.text("team_empty_cell")}`, people: members }));
  }
}
