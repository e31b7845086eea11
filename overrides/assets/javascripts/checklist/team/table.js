/* The team table: the engine's compact records (checklist/team/views.py: ids, ISO dates, codes) joined with
 * the people the page keeps (name, e-mail, the admin's own columns, by row), and painted with textContent.
 *
 * Each record is read by the field names the reply gives (`view_fields`), its yes/no facts by the reply's bits
 * (`flags`) and the status order from the reply (`statuses`): no field order, bit or status list of the engine is
 * copied here (tests/checklist/test_team_page_constants.py checks it).
 *
 * The words come from the page strings once (`team_status.*`, `team_action.*`, `team_warning.*`, filled with
 * the reply's `dates_text`), never from each reply: a 1,000-person reply stays small (issue 11). On a phone
 * the CSS stacks each row as a card (no horizontal scroll); the cells carry their column name for that.
 */

const PAGE = 250; // people painted at once (a 200-person team fits on one)

/** People of the view: one object per record, with what the filters, sorting and painting read. */
export function peopleOf(view, employees) {
  const byRow = new Map(employees.map((person, index) => [person.row ?? index + 1, person]));
  const at = Object.fromEntries(view.view_fields.map((name, index) => [name, index]));
  const bit = view.flags;
  const order = new Map(view.statuses.map((status, index) => [status, index]));
  return view.employees.map((record, rank) => {
    const row = record[at.row];
    const status = record[at.status];
    const flags = record[at.flags];
    const person = byRow.get(row) ?? {};
    const signedIn = Boolean(flags & bit.signed_in);
    return {
      row,
      rank, // the engine's order: most urgent first
      status,
      statusRank: order.get(status) ?? order.size, // the engine's status order (`statuses`), for sorting
      needsAction: Boolean(record[at.needs_action]),
      signedIn,
      connected: Boolean(flags & bit.partner_university_connected),
      associated: Boolean(flags & bit.exams_associated),
      expires: signedIn ? null : record[at.expires], // a deadline only until they sign in
      actions: record[at.actions],
      warnings: record[at.warnings],
      name: person.name ?? "",
      email: person.email ?? "",
      extra: person.extra ?? {},
      facts: person,
    };
  });
}

export class TeamTable {
  constructor(table, { text, element, links }) {
    this.table = table;
    this.text = text;
    this.element = element;
    this.links = links;
  }

  /** The date as the engine writes it in this language (one style in the whole section). */
  day(view, iso) {
    return view.dates_text?.[iso] ?? iso;
  }

  warning(view, [code, ...values]) {
    const names = (this.text(`team_warning_params.${code}`) || "").split(",").filter(Boolean);
    const filled = Object.fromEntries(names.map((name, i) => [name, name === "row" ? values[i] : this.day(view, values[i])]));
    return this.text(`team_warning.${code}`, filled);
  }

  action(view, [code, due]) {
    return due ? this.text(`team_action_by.${code}`, { date: this.day(view, due) }) : this.text(`team_action.${code}`);
  }

  /** Paint `groups` ([{label, people}], label null for no grouping); `remind(person)` opens a reminder.
   * At most PAGE people at a time, then a "Show more" row: laying out 10,000 table rows at once blocks the page
   * for seconds (measured: 3.3 s), and a long list is worked through with the filters and the search anyway. */
  paint(view, groups, { extraColumn, remind }) {
    const e = this.element;
    const label = (key) => this.text(key);
    const items = groups.flatMap((group) => [
      ...(group.label !== null ? [{ group, total: group.people.length }] : []),
      ...group.people.map((person) => ({ person })),
    ]);
    const total = items.filter((item) => item.person).length;
    const body = this.table.tBodies[0];
    let shown = 0;
    let next = 0;
    const more = e("tr", { class: "pct-team__more" }, e("td", { colSpan: 5 }, e("button", { type: "button", class: "md-button" })));
    const button = more.querySelector("button");
    const paintPage = () => {
      const rows = [];
      let painted = 0;
      while (next < items.length && painted < PAGE) {
        const item = items[next++];
        if (item.person) {
          rows.push(this.row(view, item.person, { extraColumn, remind, label }));
          painted += 1;
        } else {
          rows.push(e("tr", { class: "pct-team__group" }, e("th", { scope: "rowgroup", colSpan: 5, text: `${item.group.label} (${item.total})` })));
        }
      }
      shown += painted;
      more.remove();
      body.append(...rows);
      if (next < items.length) {
        button.textContent = this.text("team_show_more", { shown, total });
        body.append(more);
      }
      return rows;
    };
    button.addEventListener("click", () => {
      const first = paintPage().find((row) => row.dataset.row);
      first?.querySelector("td")?.setAttribute("tabindex", "-1");
      first?.querySelector("td")?.focus(); // keyboard readers continue where the new people start
    });
    body.replaceChildren();
    paintPage();
  }

  row(view, person, { extraColumn, remind, label }) {
    const e = this.element;
    const own = extraColumn && person.extra[extraColumn] ? e("span", { class: "pct-team__own", text: `${extraColumn}: ${person.extra[extraColumn]}` }) : null;
    return e(
      "tr",
      { dataset: { row: person.row, status: person.status, needsAction: person.needsAction } },
      e("td", { class: "pct-team__row", dataset: { label: label("team_col_row") }, text: String(person.row) }),
      e(
        "td",
        { class: "pct-team__person", dataset: { label: label("team_col_name") } },
        e("span", { class: "pct-team__name", text: person.name }),
        person.name && person.email ? e("br") : null,
        e("span", { class: "pct-team__email", text: person.email }),
        own ? e("br") : null,
        own,
      ),
      e("td", { dataset: { label: label("team_col_status") }, text: this.text(`team_status.${person.status}`) }),
      e(
        "td",
        { class: "pct-team__deadline", dataset: { label: label("team_col_deadline") } },
        person.expires ? e("time", { datetime: person.expires, text: this.day(view, person.expires) }) : null,
      ),
      e("td", { class: "pct-team__todo", dataset: { label: label("team_col_warnings") } }, ...this.todo(view, person, remind)),
    );
  }

  /** The warnings (what is wrong, with dates), then the admin's actions, each linking to its guide section. */
  todo(view, person, remind) {
    const e = this.element;
    const nodes = person.warnings.map((w) => e("p", { class: "pct-team__warning", dataset: { code: w[0] }, text: this.warning(view, w) }));
    if (person.actions.length) {
      const items = person.actions.map((a) => {
        const href = this.links.guide(this.text(`team_link.${a[0]}`));
        const words = this.action(view, a);
        return e("li", { dataset: { action: a[0] } }, href ? e("a", { href, text: words }) : e("span", { text: words }));
      });
      nodes.push(e("ul", { class: "pct-team__actions" }, ...items));
    }
    if (person.email && person.actions.length) {
      const open = e("button", { type: "button", class: "pct-team__remind", text: this.text("team_remind_one"), dataset: { remindRow: person.row } });
      open.addEventListener("click", () => remind([person]));
      nodes.push(open);
    }
    return nodes;
  }
}
