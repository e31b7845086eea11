/* A reminder to one person or to the people shown: subject and body written by the engine (`team_reminder`,
 * checklist/team/reminders.py) in the language the admin picks, fitting each one's status, with their own
 * checklist link. Nothing is sent from the page: the admin opens it in their own mail program (a `mailto:`
 * link, addresses in Bcc for a group) or copies it. The subject and body stay editable.
 *
 * A group's mail links come in batches: each holds at most MAX_PEOPLE addresses and MAX_URL characters.
 * Why: mail programs and browsers cut or refuse longer `mailto:` links (Outlook and Windows pass about 2,000
 * characters), and mail servers limit the recipients of one message (50 keeps clear of the common limits). A
 * message too long for even one address is copied instead. One message per person (each with their own
 * checklist link, written by the engine, never built here) is offered as a mail-merge file and as mail links. */

import { copyText } from "./export.js";

export const MAX_URL = 2000;
export const MAX_PEOPLE = 50;

/** The `mailto:` links for `emails` with `query` (subject and body): one To link for one address, else Bcc
 * batches that each fit MAX_URL and MAX_PEOPLE; [] when the message alone is too long for a link. */
export function mailLinks(emails, query) {
  if (emails.length === 1) {
    const href = `mailto:${encodeURIComponent(emails[0])}?${query}`;
    return href.length <= MAX_URL ? [{ href, count: 1 }] : [];
  }
  const start = "mailto:?bcc=";
  const end = `&${query}`;
  const fixed = start.length + end.length;
  const links = [];
  let batch = [];
  let length = fixed;
  for (const email of emails) {
    const part = encodeURIComponent(email);
    if (fixed + part.length > MAX_URL) return [];
    if (batch.length && (batch.length >= MAX_PEOPLE || length + 1 + part.length > MAX_URL)) {
      links.push({ href: start + batch.join(",") + end, count: batch.length });
      batch = [];
      length = fixed;
    }
    length += (batch.length ? 1 : 0) + part.length;
    batch.push(part);
  }
  if (batch.length) links.push({ href: start + batch.join(",") + end, count: batch.length });
  return links;
}

export const queryOf = (subject, body) => `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;

export class TeamReminders {
  constructor(root, { engine, text, element, links, clock, language, download }) {
    this.box = root.querySelector("#pct-team-remind");
    this.choice = root.querySelector("#pct-team-remind-language");
    this.subject = root.querySelector("#pct-team-remind-subject");
    this.body = root.querySelector("#pct-team-remind-body");
    this.open = root.querySelector("#pct-team-remind-open");
    this.more = root.querySelector("#pct-team-remind-more");
    this.tooMany = root.querySelector("#pct-team-remind-too-many");
    this.batches = root.querySelector("#pct-team-remind-batches");
    this.status = root.querySelector("#pct-team-remind-status");
    this.each = root.querySelector("#pct-team-remind-each");
    this.eachList = root.querySelector("#pct-team-remind-people");
    this.engine = engine;
    this.text = text;
    this.element = element;
    this.links = links;
    this.clock = clock;
    this.download = download;
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
    this.box.querySelector("[data-remind=merge]").addEventListener("click", () => this.merge());
    this.box.querySelector("[data-remind=close]").addEventListener("click", () => this.close());
    return this;
  }

  document() {
    return { employees: this.people.map((p) => p.facts), language: this.choice.value, ...this.clock() };
  }

  /** Write the reminder for `people` (their facts as kept: the engine recomputes their steps and deadlines). */
  async write(people) {
    this.people = people;
    const { site_url } = this.links.calendarUrls();
    const written = await this.engine().call("team_reminder", { document: this.document(), site_url });
    this.emails = written.emails;
    this.subject.value = written.subject;
    this.body.value = written.body;
    this.status.textContent = "";
    this.box.hidden = false;
    this.link();
    this.paintEach(written.messages);
    this.box.scrollIntoView({ block: "nearest" });
    this.subject.focus();
  }

  /** One person in To; a group in Bcc (nobody sees the others' addresses), in batches that fit. */
  link() {
    const found = mailLinks(this.emails, queryOf(this.subject.value, this.body.value));
    const [first, ...others] = found;
    this.open.hidden = !first;
    this.tooMany.hidden = Boolean(first) || !this.emails.length;
    if (first) this.open.href = first.href;
    else this.open.removeAttribute("href");
    const split = found.length > 1;
    this.open.textContent = split
      ? this.text("team_remind_batch", { number: 1, count: found.length, people: first.count })
      : this.text("team_remind_open");
    this.more.replaceChildren(
      ...others.map((link, index) =>
        this.element("a", {
          class: "md-button",
          href: link.href,
          dataset: { batch: index + 2 },
          text: this.text("team_remind_batch", { number: index + 2, count: found.length, people: link.count }),
        }),
      ),
    );
    this.batches.hidden = !split;
    this.batches.textContent = split ? this.text("team_remind_batches", { size: MAX_PEOPLE, chars: MAX_URL }) : "";
  }

  /** For a group: each person's own message as a mail link, named after them (their own link inside); the
   * short form of the message (without the steps, which their checklist lists) when the whole is too long. */
  paintEach(messages) {
    const group = this.people.length > 1 && messages.length > 0;
    this.each.hidden = !group;
    this.eachList.replaceChildren(
      ...(group ? messages : []).map((message) => {
        const [link] =
          mailLinks([message.email], queryOf(message.subject, message.body)).concat(mailLinks([message.email], queryOf(message.subject, message.short_body)));
        const words = this.text("team_remind_mail_to", { name: message.name || message.email });
        return this.element(
          "li",
          { dataset: { row: message.row } },
          link ? this.element("a", { href: link.href, text: words }) : this.element("span", { text: words }),
        );
      }),
    );
  }

  /** One message per person as a mail-merge file (written by the engine: UTF-8 with BOM, CRLF, quoted). */
  async merge() {
    const { site_url } = this.links.calendarUrls();
    const csv = await this.engine().call("team_mail_merge", { document: this.document(), site_url });
    this.download(`${this.text("team_mail_merge_file")}.csv`, "text/csv;charset=utf-8", csv);
  }

  close() {
    this.box.hidden = true;
    this.people = [];
  }
}
