/* Offline use (ARCHITECTURE.md, "Offline"): registers the site's service worker (sw.js at the site root) and tells the
 * reader, in the page's words, when the site has become available offline and when an update was installed.
 *
 * The service worker takes control of open pages once its whole cache is filled (skipWaiting, clients.claim):
 * that moment is `controllerchange`. On a page that had no service worker, it means "works offline now"; on a
 * page served by an older one, "an update was installed" (this page keeps the build it was loaded with until it
 * is reloaded). The browser looks for an update on every navigation, so the watch starts with the page (init)
 * while the registration waits until Python is ready (register), so that it never competes with a first visit.
 * Sets #pct-app's `data-offline` to "ready" or "updated" (read by the tests).
 */

export class Offline {
  /** `root`: #pct-app (its data-site-root says where sw.js is); `say(key)`: shows one of the page's strings. */
  constructor(root, { say }) {
    this.root = root;
    this.say = say;
    this.container = window.isSecureContext ? navigator.serviceWorker : undefined;
  }

  /** Watch for a new service worker taking control; call as early as possible. */
  init() {
    if (!this.container) return this;
    // Whether a service worker controlled the page before this change: the first one of a first visit makes the
    // page work offline; any later one, in the same visit too (issue 25), is an update.
    let controlled = Boolean(this.container.controller);
    this.container.addEventListener("controllerchange", () => {
      this.announce(controlled ? "updated" : "ready");
      controlled = true;
    });
    return this;
  }

  /** Register the service worker; resolves once registered, or with null where there is none (plain http, an
   * old browser, site data blocked): the page then works as before, online only. */
  async register() {
    if (!this.container) return null;
    const scope = new URL(this.root.dataset.siteRoot || "./", document.baseURI);
    try {
      return await this.container.register(new URL("sw.js", scope).href, { scope: scope.href });
    } catch (error) {
      console.info("checklist: no offline copy:", String(error?.message ?? error));
      return null;
    }
  }

  announce(state) {
    if (this.root.dataset.offline === state) return;
    this.root.dataset.offline = state;
    this.say(state === "updated" ? "update_installed" : "offline_ready");
  }
}
