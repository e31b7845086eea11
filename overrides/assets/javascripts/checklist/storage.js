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

  /** Delete everything this origin stored in local and session storage; whether it worked. */
  clearAll(session = () => window.sessionStorage) {
    let ok = true;
    for (const area of [() => this.area, session]) {
      try {
        area()?.clear();
      } catch {
        ok = false;
      }
    }
    return ok;
  }
}
