/* "Delete everything this site stored on this device": one button, an explicit confirmation, then what this
 * site stored is removed, and only that (issue 25: an origin may be shared with other applications): the `pct-`
 * keys (and Material's keys under the site root) in local and session storage, the site's caches (the offline
 * copy, the engine's snapshot), and the service worker registered for the site root. Constructed on the
 * #pct-forget element; init(onDeleted) starts it, and onDeleted(cleared, summary) lets the page forget what it
 * shows and say what was removed (`summary`, in the page's words) and whether the browser did it all. */

import { Links } from "./links.js";
import { isSiteCache, siteKeys } from "./storage.js";

export class ForgetButton {
  /** `text(key, values)`: the page's strings; `siteRoot`: the site's root URL (default: from #pct-app). */
  constructor(root, { store, text, siteRoot }) {
    this.root = root;
    this.store = store;
    this.text = text;
    this.siteRoot = siteRoot ?? new Links(root.closest("#pct-app") ?? document.body).root;
    this.confirm = root.querySelector("#pct-forget-confirm");
  }

  init(onDeleted) {
    this.root.hidden = false; // needs JavaScript: hidden in the pre-rendered page
    this.root.addEventListener("click", async (event) => {
      const step = event.target.closest("[data-forget]")?.dataset.forget;
      if (step === "ask") {
        this.confirm.hidden = false;
        this.confirm.querySelector("[data-forget=no]").focus();
      } else if (step === "no") {
        this.confirm.hidden = true;
        this.root.querySelector("[data-forget=ask]").focus();
      } else if (step === "yes") {
        this.confirm.hidden = true;
        const done = await this.forget();
        onDeleted(done.ok, this.summary(done));
      }
    });
    return this;
  }

  /** Remove what is ours; {keys, caches, worker, ok}: how many keys, which caches, whether a worker went.
   * The service worker goes first, and an install it was running is waited for: unregistering does not stop
   * an install, which would write the offline copy again after the caches were deleted. */
  async forget() {
    const { removed, ok: keysOk } = this.store.removeOurs(siteKeys(this.siteRoot.pathname));
    const done = { keys: removed, caches: [], worker: false, ok: keysOk };
    try {
      const container = window.isSecureContext ? navigator.serviceWorker : undefined;
      for (const registration of container ? await container.getRegistrations() : []) {
        if (registration.scope !== this.siteRoot.href) continue;
        const busy = [registration.installing, registration.waiting].filter(Boolean);
        if (await registration.unregister()) done.worker = true;
        await Promise.all(busy.map(settled));
      }
      if (window.caches) {
        for (const name of (await caches.keys()).filter(isSiteCache)) {
          if (await caches.delete(name)) done.caches.push(name);
        }
      }
    } catch {
      done.ok = false; // site data blocked, or a browser that refused: the page says so
    }
    this.root.dataset.forgotten = JSON.stringify(done); // read by the tests
    return done;
  }

  /** "Deleted from this device: saved answers, ticks and settings (3), the offline copy of the guide, ...". */
  summary({ keys, caches: names, worker }) {
    const items = [];
    if (keys) items.push(this.text("deleted_keys", { count: keys }));
    if (names.some((name) => name.startsWith("pct-site-"))) items.push(this.text("deleted_offline_copy"));
    if (names.includes("pct-pyodide-snapshot")) items.push(this.text("deleted_snapshot"));
    if (worker) items.push(this.text("deleted_service_worker"));
    if (!items.length) return this.text("deleted_nothing");
    const language = this.root.closest("[data-language]")?.dataset.language; // none: the browser's own
    return this.text("deleted_what", { items: new Intl.ListFormat(language, { type: "conjunction" }).format(items) });
  }
}

/** Resolves once a service worker is past installing (installed, activated or redundant), or after `limit` ms:
 * the button must answer even if a browser never reports the end of an install. */
function settled(worker, limit = 10000) {
  return new Promise((resolve) => {
    if (worker.state !== "installing") return resolve();
    const timer = setTimeout(resolve, limit);
    worker.addEventListener("statechange", () => {
      if (worker.state === "installing") return;
      clearTimeout(timer);
      resolve();
    });
  });
}
