/* "Delete everything this site stored on this device": one button, an explicit confirmation, then the browser's
 * storage for this site is cleared. Constructed on the #pct-forget element; init(onDeleted) starts it, and
 * onDeleted(cleared) lets the page forget what it shows and say whether the browser did it all. */

export class ForgetButton {
  constructor(root, { store }) {
    this.root = root;
    this.store = store;
    this.confirm = root.querySelector("#pct-forget-confirm");
  }

  init(onDeleted) {
    this.root.hidden = false; // needs JavaScript: hidden in the pre-rendered page
    this.root.addEventListener("click", (event) => {
      const step = event.target.closest("[data-forget]")?.dataset.forget;
      if (step === "ask") {
        this.confirm.hidden = false;
        this.confirm.querySelector("[data-forget=no]").focus();
      } else if (step === "no") {
        this.confirm.hidden = true;
        this.root.querySelector("[data-forget=ask]").focus();
      } else if (step === "yes") {
        this.confirm.hidden = true;
        onDeleted(this.store.clearAll());
      }
    });
    return this;
  }
}
