/* The plan's toolbar (#pct-actions): change answers, share, calendar, print, start over. Each button names its
 * action in data-action; the page (the app) is passed in, so the toolbar only says what each action does. */

import { clock, download } from "./dom.js";
import { button } from "./messages.js";
import { emptyState } from "./saved-state.js";
import { ShareBox, fragmentFor, shareUrl } from "./share.js";
import { dateWords } from "./summary.js";

export class Toolbar {
  constructor(root, app) {
    this.root = root;
    this.app = app;
    this.shareBox = new ShareBox(app.root.querySelector("#pct-share"), {
      say: (message) => app.messages.say(message),
      copied: app.text("share_copied"),
    });
  }

  /** Listen to the buttons; every action's promise goes to the page's run(), which sorts errors. */
  init() {
    this.root.addEventListener("click", (event) => {
      const action = event.target.closest("[data-action]")?.dataset.action;
      if (action && typeof this[action] === "function") this.app.run(this[action]());
    });
    // Printed from the button or from the browser's menu alike.
    window.addEventListener("beforeprint", () => this.beforePrint());
    return this;
  }

  set hidden(value) {
    this.root.hidden = value;
  }

  /** The calendar button, usable only with key dates; disabled, it says why beside it (#pct-calendar-reason,
   * its aria-describedby). `why`: null (usable), "calendar_no_dates" or "calendar_not_ready" (page strings). */
  showCalendar(why) {
    const calendar = this.root.querySelector('[data-action="calendar"]');
    const reason = this.root.querySelector("#pct-calendar-reason");
    calendar.disabled = Boolean(why);
    reason.hidden = !why;
    reason.textContent = why ? this.app.text(why) : "";
    // A hidden description is still read (aria-describedby ignores `hidden`): only a disabled button has one.
    if (why) calendar.setAttribute("aria-describedby", reason.id);
    else calendar.removeAttribute("aria-describedby");
  }

  change() {
    const form = this.app.form;
    form.root.hidden = false;
    form.focusFirst();
  }

  share() {
    return this.shareBox.show(shareUrl(this.app.state.answers, this.app.fields, `${location.origin}${location.pathname}`));
  }

  async calendar() {
    const { app } = this;
    const ics = await app.engine.call("calendar", { answers: app.engineAnswers(), ...app.links.calendarUrls() });
    download(`${app.text("calendar_file")}.ics`, "text/calendar;charset=utf-8", ics);
  }

  print() {
    window.print();
  }

  /** On paper: the day it was printed and the address that brings these answers back (#pct-printed). */
  beforePrint() {
    const { app } = this;
    const link = fragmentFor(app.state.answers, app.fields);
    app.root.querySelector("#pct-printed").textContent = [
      app.text("printed_on", { date: dateWords(clock().today, app.dateWords) }),
      link ? app.text("share_address", { url: `${location.origin}${location.pathname}${link}` }) : "",
    ].join(" ");
  }

  /** Start over, with an undo while the reader has not answered anything new. */
  reset() {
    const { app } = this;
    const before = app.state;
    app.setState(emptyState());
    app.save();
    this.shareBox.hide();
    app.paintPrerendered();
    const undo = button(app.text("undo"), () => {
      app.setState(before);
      app.save();
      app.messages.hideAlert();
      app.run(app.recompute());
    });
    app.messages.alert(app.text("started_over"), [undo], true);
  }
}
