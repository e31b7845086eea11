/* The team table: the engine's compact records (checklist/team/views.py: ids, ISO dates, codes) joined with
 * the people the page keeps (name, e-mail, the admin's own columns, by row), and painted with textContent.
 *
 * Each record is read by the field names the reply gives (`view_fields`), its yes/no facts by the reply's bits
 * (`flags`) and the status order from the reply (`statuses`): no field order, bit or status list of the engine is
 * copied here (tests/checklist/test_team_page_constants.py checks it).
 *
 * The words come from the page strings once (`team_status.*`, `team_action.*`, `team_warning.*`, filled with
 * the reply's `dates_text`), never from each reply: a 1,000-person reply stays small (issue 11).
 *
 * One line per person (issue 22: 200 people must be scannable on a desktop): name, status, deadline, up to two
 * of the admin's own columns, ONE primary action (the reminder, named after the person) and a Details button
 * (aria-expanded) that opens a row under it with the warnings, every action with its guide link and the other
 * columns. Each record's `warnings` ([code, ...values]) are shown there, any code: a code the page has no words
 * for says to check the row, and the line itself carries a warning mark. On a phone the CSS stacks each row as
 * a card (no horizontal scroll); the cells carry their column name for that.
 */

const PAGE = 250; // people painted at once (a 200-person team fits on one)
const OWN_COLUMNS = 2; // the admin's own columns shown in the line; the others are in the details

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

/** A cell's text kept to two lines in the desktop line (the CSS clamps it; the whole text is its tooltip and
 * is in the details): a long department name never makes one person's line three times as tall. */
function clamped(e, text) {
  return e("span", { class: "pct-team__clamp", title: text, text });
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

  /** A warning in words: the page's message for its code, filled with its values; any other code, a generic
   * "check this row" (a newer engine's warning is never dropped). */
  warning(view, [code, ...values]) {
    const key = `team_warning.${code}`;
    if (this.text(key) === key) return this.text("team_warning_unknown");
    const names = (this.text(`team_warning_params.${code}`) || "").split(",").filter(Boolean);
    const filled = Object.fromEntries(names.map((name, i) => [name, /^\d{4}-\d{2}-\d{2}/.test(String(values[i])) ? this.day(view, values[i]) : values[i]]));
    return this.text(key, filled);
  }

  action(view, [code, due]) {
    return due ? this.text(`team_action_by.${code}`, { date: this.day(view, due) }) : this.text(`team_action.${code}`);
  }

  /** The table's head for the admin's columns shown in the line. */
  paintHead(own) {
    const e = this.element;
    const th = (key, className) => e("th", { scope: "col", class: className, text: this.text(key) });
    this.table.tHead.replaceChildren(
      e(
        "tr",
        {},
        th("team_col_row", "pct-team__row"),
        th("team_col_name", "pct-team__person"),
        th("team_col_status", "pct-team__status"),
        th("team_col_deadline", "pct-team__deadline"),
        ...own.map((column) => e("th", { scope: "col", class: "pct-team__own", text: column })),
        th("team_col_action", "pct-team__primary"),
        th("team_details", "pct-team__more-head"),
      ),
    );
  }

  /** Paint `groups` ([{label, people}], label null for no grouping); `remind(person)` opens a reminder;
   * `columns` are the admin's own columns (the first OWN_COLUMNS in the line, the others in the details).
   * At most PAGE people at a time, then a "Show more" row: laying out 10,000 table rows at once blocks the page
   * for seconds (measured: 3.3 s), and a long list is worked through with the filters and the search anyway. */
  paint(view, groups, { columns = [], remind }) {
    const e = this.element;
    const own = columns.slice(0, OWN_COLUMNS);
    const span = 6 + own.length;
    this.paintHead(own);
    const items = groups.flatMap((group) => [
      ...(group.label !== null ? [{ group, total: group.people.length }] : []),
      ...group.people.map((person) => ({ person })),
    ]);
    const total = items.filter((item) => item.person).length;
    const body = this.table.tBodies[0];
    let shown = 0;
    let next = 0;
    const more = e("tr", { class: "pct-team__more" }, e("td", { colSpan: span }, e("button", { type: "button", class: "md-button" })));
    const button = more.querySelector("button");
    const context = { own, rest: columns.slice(OWN_COLUMNS), span, remind };
    const paintPage = () => {
      const rows = [];
      let painted = 0;
      while (next < items.length && painted < PAGE) {
        const item = items[next++];
        if (item.person) {
          rows.push(...this.row(view, item.person, context));
          painted += 1;
        } else {
          rows.push(e("tr", { class: "pct-team__group" }, e("th", { scope: "rowgroup", colSpan: span, text: `${item.group.label} (${item.total})` })));
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

  /** A person's line and, hidden until asked for, the row of their details. */
  row(view, person, { own, rest, span, remind }) {
    const e = this.element;
    const label = (key) => this.text(key);
    const who = person.name || person.email || String(person.row);
    const detailsId = `pct-team-details-${person.row}`;
    const details = e(
      "tr",
      { class: "pct-team__details", id: detailsId, hidden: true, dataset: { detailsFor: person.row } },
      e("td", { colSpan: span }, ...this.details(view, person, [...own, ...rest])),
    );
    const toggle = e("button", {
      type: "button",
      class: "pct-team__toggle",
      text: this.text("team_details"),
      "aria-expanded": "false",
      "aria-controls": detailsId,
      "aria-label": this.text("team_details_for", { name: who }),
    });
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      details.hidden = !open;
    });
    const mark = person.warnings.length
      ? e("span", { class: "pct-team__mark", role: "img", "aria-label": label("team_has_warnings"), title: label("team_has_warnings"), text: "!" })
      : null;
    const line = e(
      "tr",
      { dataset: { row: person.row, status: person.status, needsAction: person.needsAction, warnings: person.warnings.length } },
      e("td", { class: "pct-team__row", dataset: { label: label("team_col_row") } }, String(person.row), mark),
      e(
        "td",
        { class: "pct-team__person", dataset: { label: label("team_col_name") } },
        e("span", { class: "pct-team__name pct-team__clamp", title: person.name || null, text: person.name }),
        e("span", { class: "pct-team__email", title: person.email || null, text: person.email }),
      ),
      e("td", { class: "pct-team__status", dataset: { label: label("team_col_status") } }, clamped(e, this.text(`team_status.${person.status}`))),
      e(
        "td",
        { class: "pct-team__deadline", dataset: { label: label("team_col_deadline") } },
        person.expires ? e("time", { datetime: person.expires, text: this.day(view, person.expires) }) : null,
      ),
      ...own.map((column) => e("td", { class: "pct-team__own", dataset: { label: column } }, person.extra[column] ? clamped(e, person.extra[column]) : null)),
      e("td", { class: "pct-team__primary" }, this.primary(view, person, who, remind)),
      e("td", { class: "pct-team__more-cell" }, toggle),
    );
    return [line, details];
  }

  /** The one action in the line: the person's reminder (named after them), else the first action's guide link. */
  primary(view, person, who, remind) {
    const e = this.element;
    if (!person.actions.length) return null;
    if (person.email) {
      const open = e("button", {
        type: "button",
        class: "pct-team__remind",
        text: this.text("team_remind_one"),
        "aria-label": this.text("team_remind_for", { name: who }),
        dataset: { remindRow: person.row },
      });
      open.addEventListener("click", () => remind([person]));
      return open;
    }
    const first = person.actions[0];
    const href = this.links.guide(this.text(`team_link.${first[0]}`));
    const words = this.action(view, first);
    return href ? e("a", { href, text: words }) : e("span", { text: words });
  }

  /** What opens on demand: the warnings (what is wrong, with dates), every action with its guide section, the
   * whole address and the admin's columns, whole (the line may shorten them). */
  details(view, person, rest) {
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
    const cells = rest.filter((column) => person.extra[column]).map((column) => [column, person.extra[column]]);
    if (person.email) cells.unshift([this.text("team_col_email"), person.email]);
    if (cells.length) {
      nodes.push(e("dl", { class: "pct-team__cells" }, ...cells.flatMap(([column, value]) => [e("dt", { text: column }), e("dd", { text: value })])));
    }
    return nodes;
  }
}
