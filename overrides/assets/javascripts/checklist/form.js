/* The questions form: reads and fills answers, asks a question only when its data-when holds, shows the
 * engine's message next to the field it names. Constructed on the #pct-form element; init() starts it.
 * Date questions are day/month/year boxes (dates.js): a date the boxes do not make yet is the form's own error,
 * shown beside them and announced, and the engine gets the answers without it until it is a real day. */

import { fillDate, isDateBox, readDate } from "./dates.js";

const DEFAULTS = { situation: "transition" };

export class QuestionsForm {
  constructor(root, { text, say = () => {} }) {
    this.root = root;
    this.text = text;
    this.say = say; // the polite live region: errors are announced, not only drawn
    this.dateErrors = new Map(); // field -> page-string key, for the date boxes that do not make a day yet
  }

  /** `onChange()` runs after the visible questions are updated, whenever the reader changes an answer. */
  init(onChange) {
    this.root.addEventListener("change", (event) => {
      if (event.target.dataset?.step) return; // a tick, handled by the plan
      if (isDateBox(event.target) && this.checkDate(event.target.closest(".pct-date"), false) === "wait") return;
      this.showRelevant();
      onChange();
    });
    // A date half typed is not an error while the reader is still in its boxes: it is once they leave them.
    this.root.addEventListener("focusout", (event) => {
      const fieldset = isDateBox(event.target) ? event.target.closest(".pct-date") : null;
      if (!fieldset || fieldset.contains(event.relatedTarget)) return;
      if (this.checkDate(fieldset, true) === "shown") onChange();
    });
    this.root.addEventListener("submit", (event) => event.preventDefault());
    this.root.hidden = false;
    return this;
  }

  boxes() {
    return [...this.root.querySelectorAll(".pct-question")];
  }

  /** The answers of the visible questions (ticks are not part of the form: `done` is passed through). */
  read(done = []) {
    const answers = {};
    for (const box of this.boxes()) {
      if (box.hidden) continue;
      const field = box.dataset.field;
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
    for (const box of this.boxes()) {
      const value = answers[box.dataset.field];
      const dateFields = box.querySelector(".pct-date");
      if (dateFields) {
        fillDate(dateFields, value);
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

  /** Check one date's boxes: "ok" (a day, or empty), "wait" (half typed, the reader may still be in them) or
   * "shown" (its error is now beside it). `leaving`: the reader left the boxes, so a half-typed date is an error. */
  checkDate(fieldset, leaving) {
    const box = fieldset.closest(".pct-question");
    const field = box.dataset.field;
    const { error } = readDate(fieldset);
    const before = this.dateErrors.get(field);
    if (!error) {
      this.dateErrors.delete(field);
      if (before) this.hideError(box);
      return "ok";
    }
    if (error === "date_incomplete" && !leaving) return "wait";
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

  /** Clear the engine's errors; a date the boxes do not make yet keeps its own (the engine never saw it). */
  /** The errors shown beside the questions, as one text: a plan announced while one is shown must not make the
   * reader lose it (the status line holds one message, and the newest wins). */
  shownErrors() {
    return [...this.root.querySelectorAll(".pct-error:not([hidden])")].map((line) => line.textContent).join(" ");
  }

  clearErrors() {
    for (const box of this.boxes()) if (!this.dateErrors.has(box.dataset.field)) this.hideError(box);
  }

  /** Show an EngineError next to its question; false when no visible question can take it. */
  showFieldError(error) {
    const field = error.field.split(/[[.]/)[0];
    const box = this.root.querySelector(`.pct-question[data-field="${CSS.escape(field)}"]`);
    if (!box || box.hidden) return false;
    this.showError(box, error.message);
    return true;
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
