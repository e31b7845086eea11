/* What leaves the team section: the template, the status CSV (in the admin's row order, with their own
 * columns, so that it imports back), the team calendar, and the e-mail addresses of the people shown, copied
 * to the clipboard. Files are built by the engine; this module only offers them. */

/** Copy `text`; false when the browser refuses (the caller then shows the text to select by hand). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export class TeamExport {
  constructor(root, { engine, text, download, links, language }) {
    this.engine = engine;
    this.text = text;
    this.download = download;
    this.links = links;
    this.language = language;
    this.copied = root.querySelector("#pct-team-copied");
    this.fallback = root.querySelector("#pct-team-addresses");
  }

  async template() {
    const csv = await this.engine().call("team_template", { language: this.language });
    this.download(`${this.text("team_template_file")}.csv`, "text/csv;charset=utf-8", csv);
  }

  async table(document) {
    const csv = await this.engine().call("team_export", { document });
    this.download(`${this.text("team_export_file")}.csv`, "text/csv;charset=utf-8", csv);
  }

  async calendar(document) {
    const ics = await this.engine().call("team_calendar", { document, ...this.links.calendarUrls() });
    this.download(`${this.text("team_calendar_file")}.ics`, "text/calendar;charset=utf-8", ics);
  }

  /** The addresses of the people shown, one per line (a mail program's To or Bcc field takes them pasted), each
   * once whatever its case (Ana@x and ana@x are one mailbox: the first spelling is kept). */
  async emails(people) {
    const seen = new Set();
    const addresses = people
      .map((p) => p.email)
      .filter((email) => email && !seen.has(email.toLowerCase()) && seen.add(email.toLowerCase()));
    const joined = addresses.join("\n");
    const done = await copyText(joined);
    this.fallback.hidden = done;
    this.fallback.value = done ? "" : joined;
    this.copied.textContent = done ? this.text("team_copied_emails", { count: addresses.length }) : this.text("team_copy_failed");
    if (!done) this.fallback.select();
  }

  clear() {
    this.copied.textContent = "";
    this.fallback.hidden = true;
    this.fallback.value = "";
  }
}
