/* Offline use (README, "Offline"): registers the site's service worker (sw.js at the site root) and tells the
 * reader, in the page's words, when the site has become available offline and when an update was installed.
 *
 * Registered once Python is ready (by the page's app), so that the service worker's downloads never compete with a first
 * visit's start-up; most of what it keeps (Pyodide, the engine) is then already in the browser's HTTP cache.
 * Sets #pct-app's `data-offline` to "ready" or "updated" (read by the tests).
 */

export class Offline {
  /** `root`: #pct-app (its data-site-root says where sw.js is); `say(key)`: shows one of the page's strings. */
  constructor(root, { say }) {
    this.root = root;
    this.say = say;
  }

  /** Resolves once registered (or at once where there is no service worker: http, old browsers, blocked). */
  async init() {
    const container = navigator.serviceWorker;
    if (!container || !window.isSecureContext) return null;
    const scope = new URL(this.root.dataset.siteRoot || "./", document.baseURI);
    const hadController = Boolean(container.controller);
    let registration;
    try {
      registration = await container.register(new URL("sw.js", scope).href, { scope: scope.href });
    } catch (error) {
      console.info("checklist: no offline copy:", String(error?.message ?? error)); // the page works as before
      return null;
    }
    // A new worker activates as soon as its whole cache is filled (sw.js: skipWaiting); the first one makes
    // the site offline-ready, a later one is an update that this open page does not use until reloaded.
    const watch = (worker) => {
      if (!worker) return;
      const settle = () => {
        if (worker.state !== "activated") return;
        worker.removeEventListener("statechange", settle);
        this.announce(hadController ? "updated" : "ready");
      };
      worker.addEventListener("statechange", settle);
      settle();
    };
    if (!hadController) watch(registration.installing || registration.waiting || registration.active);
    registration.addEventListener("updatefound", () => watch(registration.installing));
    return registration;
  }

  announce(state) {
    if (this.root.dataset.offline === state) return;
    this.root.dataset.offline = state;
    this.say(state === "updated" ? "update_installed" : "offline_ready");
  }
}
