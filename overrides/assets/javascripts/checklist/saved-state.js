/* The checklist's saved state (`pct-checklist`) and the checks it must pass before anything is painted from it.
 *
 * Stored data is data: another version of the page, an extension or a person may have written anything there.
 * A state is used only when its answers and its plan have the shape the engine returns; otherwise it is copied
 * aside (and the reader told where, only if the copy was really written) and the page starts clean.
 */

export const STORAGE_KEY = "pct-checklist";
export const PREVIOUS_KEY = `${STORAGE_KEY}.previous`;
const VERSION = 1;

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isText = (value) => typeof value === "string";
const optional = (check) => (value) => value === undefined || value === null || check(value);
const listOf = (check) => (value) => Array.isArray(value) && value.every(check);
const textMap = (value) => isObject(value) && Object.values(value).every(isText);

function isStep(step) {
  return (
    isObject(step) &&
    [step.id, step.group, step.title, step.detail].every(isText) &&
    optional(isText)(step.link) &&
    optional(isText)(step.due) &&
    optional((value) => typeof value === "boolean")(step.optional)
  );
}

/** A plan as checklist.plan() returns it. The engine's display-text fields are not checked here: the view uses
 * each one only when it is a string, so a shape the page does not know yet falls back instead of failing. */
export function isPlan(plan) {
  return (
    isObject(plan) &&
    isText(plan.language) &&
    isText(plan.today) &&
    isObject(plan.progress) &&
    Number.isInteger(plan.progress.done) &&
    Number.isInteger(plan.progress.total) &&
    listOf((w) => isObject(w) && isText(w.code) && isText(w.message))(plan.warnings) &&
    textMap(plan.dates) &&
    listOf(isText)(plan.projected_dates) &&
    listOf(isStep)(plan.remaining) &&
    optional(listOf(isStep))(plan.completed) &&
    listOf((g) => isObject(g) && isText(g.id) && isText(g.title))(plan.groups)
  );
}

export function isState(value) {
  return (
    isObject(value) &&
    value.version === VERSION &&
    isObject(value.answers) &&
    optional(listOf(isText))(value.answers.done) &&
    (value.plan === null || value.plan === undefined || isPlan(value.plan))
  );
}

export function emptyState() {
  return { version: VERSION, answers: {}, plan: null };
}

/** `shared`: the answers came from a share link, so they are not the reader's own (see SavedChecklist.share). */
export function stateOf(answers, shared = false) {
  return { version: VERSION, answers, plan: null, ...(shared ? { shared: true } : {}) };
}

export class SavedChecklist {
  constructor(store) {
    this.store = store;
  }

  /** `{state}` or, when the stored text is unreadable, `{state: empty, setAside: {key|null}}`. */
  load() {
    const raw = this.store.get(STORAGE_KEY);
    if (raw === null) return { state: emptyState() };
    const state = parse(raw);
    if (state) return { state };
    return { state: emptyState(), setAside: this.setAside(raw) };
  }

  /** The stored state if it is readable (another tab may have written it), else null. */
  peek() {
    const raw = this.store.get(STORAGE_KEY);
    return raw === null ? null : parse(raw);
  }

  save(state) {
    return this.store.set(STORAGE_KEY, JSON.stringify(state));
  }

  /** Copy unreadable text aside; returns the copy's key, or null when the copy could not be written. */
  setAside(raw) {
    const key = `${STORAGE_KEY}.unreadable-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    if (!this.store.set(key, raw)) return null;
    this.store.remove(STORAGE_KEY);
    return key;
  }

  /** Answers from a share link replace the current ones; the reader's own answers (not those of an earlier
   * link, which are not theirs) are kept under PREVIOUS_KEY until the reader restores them or makes new
   * answers of their own, so several links in a row never overwrite them. Says whether they are kept, or were lost. */
  share(answers) {
    const state = stateOf(answers, true);
    const current = this.peek();
    const own =
      current && !current.shared && Object.keys(current.answers).length > 0 && JSON.stringify(current.answers) !== JSON.stringify(answers);
    if (!own) return { state, previousKept: this.previous() !== null };
    const kept = this.store.set(PREVIOUS_KEY, JSON.stringify(current));
    return { state, previousKept: kept, previousLost: !kept };
  }

  previous() {
    const raw = this.store.get(PREVIOUS_KEY);
    return raw === null ? null : parse(raw);
  }

  /** Take back the reader's own answers; they leave PREVIOUS_KEY only once saved as the current state. */
  restorePrevious() {
    const previous = this.previous();
    if (!previous) return null;
    if (this.save(previous)) this.store.remove(PREVIOUS_KEY);
    return previous;
  }
}

function parse(raw) {
  try {
    const value = JSON.parse(raw);
    return isState(value) ? value : null;
  } catch {
    return null;
  }
}
