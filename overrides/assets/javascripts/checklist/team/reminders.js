/* A reminder to one person or to the people shown: subject and body written by the engine (`team_reminder`,
 * checklist/team/reminders.py) in the language the admin picks, with each one's deadline. Nothing is sent from
 * the page: the admin opens it in their own mail program (a `mailto:` link, addresses in Bcc for a group) or
 * copies it. The subject and body stay editable. */

import { copyText } from "./export.js";

const MAILTO_LIMIT = 1800; // mail programs and browsers cut longer mailto: links; past this, copy instead

export class TeamReminders {
  constructor(root, { engine, text, links, clock, language }) {
    this.box = root.querySelector("#pct-team-remind");
    this.choice = root.querySelector("#pct-team-remind-language");
    this.subject = root.querySelector("#pct-team-remind-subject");
    this.body = root.querySelector("#pct-team-remind-body");
    this.open = root.querySelector("#pct-team-remind-open");
    this.tooMany = root.querySelector("#pct-team-remind-too-many");
    this.status = root.querySelector("#pct-team-remind-status");
    this.engine = engine;
    this.text = text;
    this.links = links;
    this.clock = clock;
    this.choice.value = language;
    this.people = [];
    this.emails = [];
  }

  init() {
    this.choice.addEventListener("change", () => this.write(this.people));
    for (const field of [this.subject, this.body]) field.addEventListener("input", () => this.link());
    this.box.querySelector("[data-remind=copy]").addEventListener("click", async () => {
      const done = await copyText(`${this.subject.value}\n\n${this.body.value}`);
      this.status.textContent = done ? this.text("team_remind_copied") : this.text("team_copy_failed");
    });
    this.box.querySelector("[data-remind=close]").addEventListener("click", () => this.close());
    return this;
  }

  /** Write the reminder for `people` (their facts as kept: the engine recomputes their steps and deadlines). */
  async write(people) {
    this.people = people;
    const { site_url } = this.links.calendarUrls();
    const document = { employees: people.map((p) => p.facts), language: this.choice.value, ...this.clock() };
    const written = await this.engine().call("team_reminder", { document, site_url });
    this.emails = written.emails;
    this.subject.value = written.subject;
    this.body.value = written.body;
    this.status.textContent = "";
    this.box.hidden = false;
    this.link();
    this.box.scrollIntoView({ block: "nearest" });
    this.subject.focus();
  }

  /** One person in To; a group in Bcc, so that nobody sees the others' addresses. */
  link() {
    const query = `subject=${encodeURIComponent(this.subject.value)}&body=${encodeURIComponent(this.body.value)}`;
    const to = this.emails.map(encodeURIComponent).join(",");
    const href = this.emails.length === 1 ? `mailto:${to}?${query}` : `mailto:?bcc=${to}&${query}`;
    const fits = href.length <= MAILTO_LIMIT;
    this.open.hidden = !fits;
    this.tooMany.hidden = fits;
    if (fits) this.open.href = href;
    else this.open.removeAttribute("href");
  }

  close() {
    this.box.hidden = true;
    this.people = [];
  }
}
