/* The questions form: reads and fills answers, asks a question only when its data-when holds, shows the
 * engine's message next to the field it names. Constructed on the #pct-form element; init() starts it. */

const DEFAULTS = { situation: "transition" };

export class QuestionsForm {
  constructor(root, { text }) {
    this.root = root;
    this.text = text;
  }

  /** `onChange()` runs after the visible questions are updated, whenever the reader changes an answer. */
  init(onChange) {
    this.root.addEventListener("change", (event) => {
      if (event.target.dataset?.step) return; // a tick, handled by the plan
      this.showRelevant();
      onChange();
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
      } else if (inputs[0].value) {
        answers[field] = inputs[0].value;
      }
    }
    answers.done = done;
    return answers;
  }

  fill(answers) {
    for (const box of this.boxes()) {
      const value = answers[box.dataset.field];
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

  clearErrors() {
    for (const box of this.root.querySelectorAll(".pct-error")) {
      box.hidden = true;
      box.textContent = "";
    }
    for (const input of this.root.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  }

  /** Show an EngineError next to its question; false when no visible question can take it. */
  showFieldError(error) {
    const field = error.field.split(/[[.]/)[0];
    const box = this.root.querySelector(`.pct-question[data-field="${CSS.escape(field)}"]`);
    if (!box || box.hidden) return false;
    const message = box.querySelector(".pct-error");
    message.textContent = this.text("field_error", { message: error.message });
    message.hidden = false;
    for (const input of box.querySelectorAll("input")) input.setAttribute("aria-invalid", "true");
    return true;
  }

  focusFirst() {
    this.root.querySelector(".pct-question:not([hidden]) input")?.focus();
  }
}
