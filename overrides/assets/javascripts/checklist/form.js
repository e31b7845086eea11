/* The questions form: reads and fills answers, asks a question only when its data-when holds, shows the
 * engine's message next to the field it names. Constructed on the #pct-form element; init() starts it.
 *
 * When the plan recomputes (issue 21, "the plan follows what the reader sees"): on `change` for choices and
 * flags; for a date, only when the reader leaves its boxes for another part of the page (focus out of the
 * fieldset; not when the window loses the focus), presses Enter in them, or pastes a whole date. Never on
 * `input`, nor on the `change` of one box while the focus moves to the next: correcting 24/08/2026 to 3/12/2026
 * box by box makes 3 August for a moment, and that in-between value must not drive the plan (it said "your
 * password stopped working on 1 November"). No debounce is needed: a commit is one act of the reader, and
 * app.js paints only the newest reply.
 *
 * What the plan may use (`read`): the visible answers, without a date the boxes do not make yet (the form's own
 * error) and without an answer the engine refused and the reader has not changed since (`refused`). Both stay
 * in the boxes with their error beside them, and `waiting()` names their questions for the plan. */

import { fillFromPaste, wholeDatePasted } from "./date-paste.js";
import { fillDate, isDateBox, readDate } from "./dates.js";

const DEFAULTS = { situation: "transition" };

/** The question's words as the form shows them (its legend or label). */
export function questionText(box) {
  return (box.querySelector("legend") ?? box.querySelector("label"))?.textContent.trim() ?? box.dataset.field;
}

/** What a date's boxes hold, as one string: a commit happens only when it changed. */
const boxText = (fieldset) => [...fieldset.querySelectorAll("input[data-part]")].map((input) => input.value.trim()).join("|");

export class QuestionsForm {
  /** `readPasted(text)`: the engine's reading of a pasted date (a promise), or null before the engine is ready;
   * `dayFirst`: the page writes the day before the month (the fallback for pasted numbers). */
  constructor(root, { text, say = () => {}, readPasted = () => null, dayFirst = true }) {
    this.root = root;
    this.text = text;
    this.say = say; // the polite live region: errors are announced, not only drawn
    this.readPasted = readPasted;
    this.dayFirst = dayFirst;
    this.dateErrors = new Map(); // field -> page-string key, for the date boxes that do not make a day yet
    this.refused = new Map(); // field -> the engine's message, for an answer it refused, until the reader changes it
    this.committed = new Map(); // field -> boxText at the last commit of that date
  }

  /** `onChange()` runs after the visible questions are updated, whenever the reader changes an answer. */
  init(onChange) {
    this.onChange = onChange;
    this.root.addEventListener("change", (event) => {
      if (event.target.dataset?.step) return; // a tick, handled by the plan
      // A date box's change fires as the focus moves to the next box (activeElement is then the body): the
      // date is committed on leaving its boxes instead (focusout below), never box by box.
      if (isDateBox(event.target)) return;
      this.refused.delete(event.target.closest(".pct-question")?.dataset.field);
      this.showRelevant();
      onChange();
    });
    // A date half typed is not an error while the reader is still in its boxes: it is once they leave them.
    this.root.addEventListener("focusout", (event) => {
      const fieldset = isDateBox(event.target) ? event.target.closest(".pct-date") : null;
      if (!fieldset || fieldset.contains(event.relatedTarget)) return;
      if (!document.hasFocus()) return; // the window lost the focus: the reader comes back to the same box
      this.commitDate(fieldset);
    });
    this.root.addEventListener("paste", (event) => this.onPaste(event));
    // Enter in a date's boxes: the reader says the date is written (the form has no submit button to do it).
    this.root.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && isDateBox(event.target)) this.commitDate(event.target.closest(".pct-date"));
    });
    this.root.addEventListener("submit", (event) => event.preventDefault());
    this.root.hidden = false;
    return this;
  }

  /** The reader is done with a date's boxes: check them and, if they changed, recompute. */
  commitDate(fieldset) {
    const field = fieldset.closest(".pct-question").dataset.field;
    const now = boxText(fieldset);
    if (now === this.committed.get(field)) return; // tabbing through: nothing new to check or to compute
    this.committed.set(field, now);
    this.refused.delete(field); // a new value: the engine judges it afresh
    if (this.checkDate(fieldset) === "ok") this.hideError(fieldset.closest(".pct-question"));
    this.onChange?.();
  }

  /** A whole date pasted into one box fills all of them, then counts as written (one act, no in-between day). */
  onPaste(event) {
    if (!isDateBox(event.target)) return;
    const text = wholeDatePasted(event);
    if (!text) return; // one box's digits: the browser pastes them as usual
    event.preventDefault();
    const box = event.target;
    const fieldset = box.closest(".pct-date");
    const read = this.readPasted(text);
    fillFromPaste(fieldset, text, { read: read ? () => read : null, dayFirst: this.dayFirst })
      .catch(() => false)
      .then((filled) => {
        if (!filled) box.value = text; // not a date the page can read: kept as pasted, named on leaving
        else this.commitDate(fieldset);
      });
  }

  boxes() {
    return [...this.root.querySelectorAll(".pct-question")];
  }

  /** Whether a visible question asks for a date: if none does (a PMC company's admin after the retirement),
   * a plan without key dates must not tell the reader to answer date questions. */
  asksDates() {
    return this.boxes().some((box) => !box.hidden && box.querySelector(".pct-date"));
  }

  /** The answers the plan may use: visible, and not refused (ticks are not part of the form: `done` is passed
   * through). */
  read(done = []) {
    const answers = {};
    for (const box of this.boxes()) {
      if (box.hidden) continue;
      const field = box.dataset.field;
      if (this.refused.has(field)) continue;
      const inputs = [...box.querySelectorAll("input")];
      if (box.classList.contains("pct-question--choice")) {
        const chosen = inputs.find((input) => input.checked);
        if (chosen) answers[field] = chosen.value;
      } else if (box.classList.contains("pct-question--multi")) {
        answers[field] = inputs.filter((input) => input.checked).map((input) => input.value);
      } else if (box.classList.contains("pct-question--flag")) {
        answers[field] = inputs[0].checked;
      } else if (box.querySelector(".pct-date")) {
        const { value } = readDate(box.querySelector(".pct-date"));
        if (value) answers[field] = value;
      }
    }
    answers.done = done;
    return answers;
  }

  fill(answers) {
    this.dateErrors.clear();
    this.refused.clear();
    for (const box of this.boxes()) {
      const value = answers[box.dataset.field];
      const dateFields = box.querySelector(".pct-date");
      if (dateFields) {
        fillDate(dateFields, value);
        this.committed.set(box.dataset.field, boxText(dateFields));
        continue;
      }
      for (const input of box.querySelectorAll("input")) {
        if (input.type === "radio") input.checked = input.value === value;
        else if (input.type === "checkbox" && box.classList.contains("pct-question--multi"))
          input.checked = Array.isArray(value) && value.includes(input.value);
        else if (input.type === "checkbox") input.checked = value === true;
        else input.value = typeof value === "string" ? value : "";
      }
    }
    this.showRelevant();
  }

  /** A question is asked only when the answers it depends on (its data-when) hold. */
  showRelevant() {
    const current = {};
    for (const input of this.root.querySelectorAll("input[type=radio]:checked")) current[input.name] = input.value;
    for (const box of this.boxes()) {
      let when = {};
      try {
        when = JSON.parse(box.dataset.when || "{}");
      } catch {
        /* the build writes valid JSON; an unreadable condition shows the question */
      }
      box.hidden = !Object.entries(when).every(([field, value]) => (current[field] ?? DEFAULTS[field]) === value);
    }
  }

  /** Check one date's boxes once the reader is done with them: "ok" (a day, or empty) or "shown" (its error,
   * a half-typed date among them, is now beside it). */
  checkDate(fieldset) {
    const box = fieldset.closest(".pct-question");
    const field = box.dataset.field;
    const { error } = readDate(fieldset);
    const before = this.dateErrors.get(field);
    if (!error) {
      this.dateErrors.delete(field);
      if (before) this.hideError(box);
      return "ok";
    }
    this.dateErrors.set(field, error);
    this.showError(box, this.text(error));
    return "shown";
  }

  showError(box, message) {
    const line = box.querySelector(".pct-error");
    const shown = this.text("field_error", { message });
    line.textContent = shown;
    line.hidden = false;
    for (const input of box.querySelectorAll("input")) input.setAttribute("aria-invalid", "true");
    this.say(shown);
  }

  hideError(box) {
    const line = box.querySelector(".pct-error");
    line.hidden = true;
    line.textContent = "";
    for (const input of box.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  }

  /** The errors shown beside the questions, as one text: a plan announced while one is shown must not make the
   * reader lose it (the status line holds one message, and the newest wins). */
  shownErrors() {
    return [...this.root.querySelectorAll(".pct-error:not([hidden])")].map((line) => line.textContent).join(" ");
  }

  /** Clear the engine's errors, but those of answers still waiting (a date the boxes do not make yet, an
   * answer refused and not changed since): their message stays beside them. */
  clearErrors() {
    for (const box of this.boxes()) if (!this.isWaiting(box.dataset.field)) this.hideError(box);
  }

  isWaiting(field) {
    return this.dateErrors.has(field) || this.refused.has(field);
  }

  /** The visible questions the plan is made without, as `{field, question}`, in the form's order. */
  waiting() {
    return this.boxes()
      .filter((box) => !box.hidden && this.isWaiting(box.dataset.field))
      .map((box) => ({ field: box.dataset.field, question: questionText(box) }));
  }

  /** The engine refused an answer: show its message beside the question and leave the answer out of `read()`
   * until the reader changes it. The field it names, or null when no visible question can take it. */
  refuse(error) {
    const field = error.field.split(/[[.]/)[0];
    const box = this.root.querySelector(`.pct-question[data-field="${CSS.escape(field)}"]`);
    if (!box || box.hidden || this.refused.has(field)) return null;
    this.refused.set(field, error.message);
    this.showError(box, error.message);
    return field;
  }

  focusFirst() {
    this.root.querySelector(".pct-question:not([hidden]) input")?.focus();
  }

  /** Show the form and put the focus on one question's first box (the summary's "Change" links). */
  focusField(field) {
    this.root.hidden = false;
    const box = this.root.querySelector(`.pct-question[data-field="${CSS.escape(field)}"]`);
    const input = box?.querySelector("input:checked") ?? box?.querySelector("input");
    input?.focus();
    box?.scrollIntoView?.({ block: "center" });
  }
}
