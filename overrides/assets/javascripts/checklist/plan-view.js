/* The plan as the reader sees it: progress, warnings, key dates, steps by group, built with textContent only.
 *
 * Words come from the engine: its display text for dates, due dates and progress (`dates_text`,
 * `projected_dates_text`, `due_text`, `progress.text`) when the plan carries it, so one screen has one date
 * style; today's Intl formatting is only the fallback for a plan without it. Links go through links.js.
 */

import { element } from "./dom.js";

/** The engine's text when it is a non-empty string, else the page's own fallback. */
const textOr = (given, fallback) => (typeof given === "string" && given ? given : fallback());

export class PlanView {
  /** `root`: #pct-app; the plan box (#pct-plan) inside it is replaced at each paint. */
  constructor(root, { text, language, dateOrder, links }) {
    this.root = root;
    this.text = text;
    this.language = language;
    this.dateOrder = dateOrder;
    this.links = links;
    this.paints = 0;
    this.prerendered = null;
    this.stepOrder = [];
  }

  /** Keep a copy of the build's pre-rendered list, shown before a role is chosen or without the engine.
   * `prerendered`: that list when the first-paint script (first-paint.js) has already replaced it. */
  init(prerendered = this.box()) {
    this.prerendered = prerendered.cloneNode(true);
    this.stepOrder = [...this.prerendered.querySelectorAll("input[data-step]")].map((input) => input.dataset.step);
    return this;
  }

  box() {
    return this.root.querySelector("#pct-plan");
  }

  formatDate(iso) {
    const [date, time] = iso.split("T");
    const [y, m, d] = date.split("-").map(Number);
    const options = { dateStyle: "long", timeZone: "UTC", ...(time ? { timeStyle: "short" } : {}) };
    const [hh, mm] = (time ?? "0:0").split(":").map(Number);
    try {
      return new Intl.DateTimeFormat(this.language, options).format(Date.UTC(y, m - 1, d, hh, mm));
    } catch {
      return iso;
    }
  }

  dateText(plan, key) {
    return textOr(plan.dates_text?.[key], () => this.formatDate(plan.dates[key]));
  }

  /** The date as a <time>, with the engine's projected-date note around it when it gives one
   * (`projected_dates_text[key]`: the date's text with its note), else the page's own note after it. */
  dateCell(plan, key) {
    const shown = this.dateText(plan, key);
    const time = element("time", { datetime: plan.dates[key], text: shown });
    if (!plan.projected_dates.includes(key)) return [time];
    const given = plan.projected_dates_text?.[key];
    if (typeof given !== "string" || !given.includes(shown)) return [time, ` ${this.text("projected")}`];
    const at = given.indexOf(shown);
    return [given.slice(0, at), time, given.slice(at + shown.length)];
  }

  /** A badge around the engine's date text: "due {date}" with the date as a <time>. */
  dueBadge(step) {
    const when = element("time", { datetime: step.due, text: textOr(step.due_text, () => this.formatDate(step.due)) });
    const parts = this.text("due", { date: "\u0000" }).split("\u0000");
    return element("span", { class: "pct-badge pct-badge--due" }, ...parts.flatMap((part, i) => (i ? [when, part] : [part])));
  }

  /**
   * One step. Its badges (due date, overdue, next, optional) are inside its label, so the checkbox's accessible
   * name says them ("Sign in with your temporary password, due 28 November 2026"); an overdue step says what to
   * do now (the engine's `overdue_text`) right under its title.
   */
  stepItem(step, done, next = false) {
    const id = `pct-step-${step.id}`;
    const badges = [];
    const late = !done && step.overdue === true;
    if (late) badges.push(element("span", { class: "pct-badge pct-badge--overdue", text: this.text("overdue") }));
    if (next) badges.push(element("span", { class: "pct-badge pct-badge--next", text: this.text("next_step") }));
    if (step.optional) badges.push(element("span", { class: "pct-badge", text: this.text("optional") }));
    if (step.due && !done) badges.push(this.dueBadge(step));
    const href = this.links.guide(step.link);
    const classes = ["pct-step", done && "pct-step--done", late && "pct-step--overdue", next && "pct-step--next"];
    // The accessible name: the title, then what the badges say, with the language's comma (a page string).
    const name = badges.reduce((before, badge) => this.text("name_and", { before, after: badge.textContent }), step.title);
    return element(
      "li",
      { class: classes.filter(Boolean).join(" "), dataset: { step: step.id } },
      element("input", { type: "checkbox", id, dataset: { step: step.id }, checked: done, "aria-label": name }),
      element(
        "label",
        { for: id, class: "pct-step__label" },
        element("span", { class: "pct-step__title", text: step.title }),
        ...badges.flatMap((badge) => [" ", badge]),
      ),
      late && typeof step.overdue_text === "string"
        ? element("p", { class: "pct-step__overdue", text: step.overdue_text })
        : null,
      element("p", { class: "pct-step__detail", text: step.detail }),
      href
        ? element(
            "p",
            { class: "pct-step__link" },
            // The full address for paper (print CSS writes data-print-url after the link).
            // Its name says its step ("How to do it: Sign in…"): five links of one name cannot be told apart.
            element("a", {
              href,
              text: this.text("read_guide"),
              "aria-label": this.text("read_guide_named", { step: step.title }),
              dataset: { printUrl: new URL(href, location.href).href },
            }),
          )
        : null,
    );
  }

  /** A group's steps in the guide's order, done or not (the pre-rendered list holds the engine's order of all the
   * steps): ticking a step never moves it, so the focus and the next Tab stay where the reader is. */
  stepsInOrder(plan, group) {
    const rank = new Map(this.stepOrder.map((id, i) => [id, i]));
    const placed = (step, i) => ({ step, key: rank.get(step.id) ?? this.stepOrder.length + i });
    const remaining = plan.remaining.filter((step) => step.group === group).map((step, i) => ({ ...placed(step, i), done: false }));
    const completed = (plan.completed ?? []).filter((step) => step.group === group).map((step, i) => ({ ...placed(step, i), done: true }));
    return [...remaining, ...completed].sort((a, b) => a.key - b.key);
  }

  /** Paint a plan (validated by the caller); `source` is "first-paint" (first-paint.js), "stored" or "live"
   * (read by tests and the benchmark); `waiting`: the questions (`{field, question}`) it was made without because their answer is refused or not
   * a date yet, each named at the top of the plan. `asked`: whether the form asks a date question at all (if not,
   * an empty "Key dates" says that none applies rather than asking for answers). */
  paint(plan, source, waiting = [], asked = true) {
    const text = this.text;
    const focused = document.activeElement?.dataset?.step;
    const box = element("section", {
      class: "pct-plan",
      id: "pct-plan",
      "aria-labelledby": "pct-plan-title",
      dataset: { source, language: plan.language, today: plan.today, revision: ++this.paints },
    });
    box.append(element("h2", { id: "pct-plan-title", text: text("plan") }));
    for (const { field, question } of waiting) {
      box.append(element("p", { class: "pct-waiting", dataset: { field }, text: text("waiting_for", { question }) }));
    }

    const { done, total } = plan.progress;
    box.append(
      element(
        "div",
        { class: "pct-progress" },
        element("p", { id: "pct-progress-label", text: textOr(plan.progress.text, () => text("progress", { done, total })) }),
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

    const dates = this.dateOrder.filter((key) => plan.dates[key]);
    box.append(element("h3", { id: "pct-dates-title", text: text("key_dates") }));
    box.append(
      dates.length
        ? element(
            "dl",
            { class: "pct-dates" },
            ...dates.flatMap((key) => [
              element("dt", { text: text(`date.${key}`) }),
              element("dd", { dataset: { date: key } }, ...this.dateCell(plan, key)),
            ]),
          )
        : element("p", { class: "pct-hint", text: text(asked ? "no_dates" : "no_dates_here") }),
    );

    if (!plan.remaining.length) box.append(element("p", { class: "pct-nothing-left", text: text("nothing_left") }));
    // The next step: the first required step still to do, in the order the groups are shown.
    const groupIds = plan.groups.map((group) => group.id);
    const next = groupIds.flatMap((id) => plan.remaining.filter((s) => s.group === id && !s.optional))[0]?.id;
    for (const group of plan.groups) {
      box.append(
        element("h3", { text: group.title }),
        element(
          "ul",
          { class: "pct-steps", dataset: { group: group.id } },
          ...this.stepsInOrder(plan, group.id).map(({ step, done }) => this.stepItem(step, done, step.id === next)),
        ),
      );
    }

    this.box().replaceWith(box);
    performance.mark(`pct:plan-painted:${source}`); // read by bench/checklist_page.py
    if (focused) document.getElementById(`pct-step-${focused}`)?.focus();
  }

  /** The build's list for `role` only (every role when null), with the reader's ticks. */
  paintPrerendered(role, done = []) {
    const box = this.prerendered.cloneNode(true);
    for (const section of box.querySelectorAll(".pct-role-plan")) section.hidden = Boolean(role) && section.dataset.role !== role;
    for (const input of box.querySelectorAll("input[data-step]")) input.checked = done.includes(input.dataset.step);
    this.box().replaceWith(box);
  }
}
