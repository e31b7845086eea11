/* Guarded browser storage: every call is inside a try, every write says whether it worked.
 *
 * localStorage can be missing or refuse at any moment: site data blocked (the getter itself throws), Safari's
 * private mode (setItem throws), a full quota. The page must keep working for the visit and must never claim to
 * have kept something it has not; so writes return true or false and the first failure is reported once to
 * whoever listens (the page then tells the reader that nothing will be kept on this device).
 */

const PROBE_KEY = "pct-probe";

export class Store {
  /** `area`: a function returning the Storage to use (window.localStorage); called once, inside a try. */
  constructor(area = () => window.localStorage) {
    this.listeners = [];
    this.failed = false;
    try {
      this.area = area() ?? null;
    } catch {
      this.area = null;
    }
  }

  /** Probe with a tiny write, so that blocked or read-only storage is known before the reader types. */
  init() {
    if (!this.area || !this.set(PROBE_KEY, "1") || !this.remove(PROBE_KEY)) this.fail();
    return this;
  }

  /** Call `listener` once, the first time storage fails (at once if it already has). */
  onFailure(listener) {
    if (this.failed) listener();
    else this.listeners.push(listener);
  }

  fail() {
    if (this.failed) return;
    this.failed = true;
    for (const listener of this.listeners.splice(0)) listener();
  }

  /** The stored text, or null when there is none or storage cannot be read. */
  get(key) {
    try {
      return this.area ? this.area.getItem(key) : null;
    } catch {
      return null;
    }
  }

  /** Whether the value was written (and can be read back the same: some browsers fail without throwing). */
  set(key, value) {
    try {
      if (!this.area) throw new Error("no storage");
      this.area.setItem(key, value);
      if (this.area.getItem(key) !== value) throw new Error("not kept");
      return true;
    } catch {
      this.fail();
      return false;
    }
  }

  remove(key) {
    try {
      if (!this.area) throw new Error("no storage");
      this.area.removeItem(key);
      return true;
    } catch {
      this.fail();
      return false;
    }
  }

  keys() {
    try {
      return this.area ? Array.from({ length: this.area.length }, (_, i) => this.area.key(i)) : [];
    } catch {
      return [];
    }
  }

  /** Remove, from local and session storage, the keys `ours(key)` accepts and only those (an origin may be
   * shared: a GitHub Pages user site, a host serving other applications beside the guide's sub-path). Returns
   * {removed, ok}: how many keys went, and whether the browser let every area be read and changed. */
  removeOurs(ours, session = () => window.sessionStorage) {
    let removed = 0;
    let ok = true;
    for (const area of [() => this.area, session]) {
      try {
        const storage = area();
        if (!storage) continue;
        const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key) => key !== null && ours(key));
        for (const key of keys) storage.removeItem(key);
        removed += keys.length;
      } catch {
        ok = false;
      }
    }
    return { removed, ok };
  }
}

/** The storage keys of this site: ours start with `pct-`; Material's (palette, consent, search) start with the
 * site root's path and `.__` (its `__md_scope`), so another Material site on the same origin keeps its own. */
export function siteKeys(rootPath) {
  const material = `${rootPath}.__`;
  return (key) => key.startsWith("pct-") || key.startsWith(material);
}

/** The Cache Storage caches of this site: the service worker's (`pct-site-<version>`, sw.js) and the engine's
 * memory snapshot (`pct-pyodide-snapshot`, worker.js). */
export const isSiteCache = (name) => name === "pct-pyodide-snapshot" || name.startsWith("pct-site-");
