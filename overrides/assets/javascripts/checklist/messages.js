/* What the page tells the reader: the alert (#pct-alert, one message with optional buttons), the polite status
 * line (#pct-status) and the storage notice (#pct-storage-notice, shown once storage has failed and kept). */

import { element } from "./dom.js";

export class Messages {
  constructor(root) {
    this.alertBox = root.querySelector("#pct-alert");
    this.statusBox = root.querySelector("#pct-status");
    this.noticeBox = root.querySelector("#pct-storage-notice");
  }

  /** `transient` alerts (start over, shared link) offer an undo that stops making sense once the reader answers. */
  alert(message, buttons = [], transient = false) {
    this.alertBox.dataset.transient = transient;
    this.alertBox.replaceChildren(element("p", { text: message }));
    if (buttons.length) this.alertBox.append(element("p", { class: "pct-alert__actions" }, ...buttons));
    this.alertBox.hidden = false;
  }

  hideAlert() {
    this.alertBox.hidden = true;
  }

  hideTransient() {
    if (this.alertBox.dataset.transient === "true") this.alertBox.hidden = true;
  }

  say(message) {
    this.statusBox.textContent = message;
  }

  /** The storage notice stays for the visit: it is true for as long as the page is open. */
  notice(message) {
    this.noticeBox.replaceChildren(element("p", { text: message }));
    this.noticeBox.hidden = false;
  }
}

/** A button that runs `action` when clicked. */
export function button(label, action, extra = {}) {
  const node = element("button", { type: "button", class: "md-button", text: label, ...extra });
  node.addEventListener("click", action);
  return node;
}
