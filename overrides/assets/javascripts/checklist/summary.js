/* "Your answers": what the plan was made from, each answer with a "Change" link that takes the reader (and the
 * focus) to its question. Shown above the plan on screen and on paper; built from the form's own labels, so it
 * says exactly what the reader chose, in the page's language. Constructed on #pct-summary. */

import { readDate } from "./dates.js";
import { element, fill } from "./dom.js";
import { questionText } from "./form.js";

/** A date (`2026-09-01`) or date and time (`2026-09-01T09:05`) in words, with the engine's words for the page's
 * language (`date_words` of #pct-config, from checklist/i18n.py `Texts.date_words`): "1 September 2026",
 * "1er septembre 2026", "2026 年 9 月 1 日"; the time on the 24-hour clock, as the engine writes it. */
export function dateWords(iso, words) {
  const [date, time] = iso.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const pattern = day === 1 ? words.first_day : words.date;
  const text = fill(pattern, { day, month: words.months[month - 1], year, month_number: month });
  return time ? fill(words.date_time, { date: text, time }) : text;
}

/** The words of one question's answer as the form shows them, or null when it has none. */
function answerText(box, words) {
  const chosen = [...box.querySelectorAll("input:checked")];
  if (box.classList.contains("pct-question--flag")) return chosen.length ? "✓" : null;
  if (chosen.length) return chosen.map((input) => box.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent.trim()).join("; ");
  const fields = box.querySelector(".pct-date");
  const { value } = fields ? readDate(fields) : {};
  return value ? dateWords(value, words) : null;
}

export class AnswersSummary {
  /** `form`: the QuestionsForm (its questions and focusField); `text`: the page's words; `dateWords`: the
   * engine's words for dates (see `dateWords`). */
  constructor(root, { form, text, dateWords: words }) {
    this.words = words;
    this.root = root;
    this.list = root.querySelector("#pct-summary-list");
    this.form = form;
    this.text = text;
  }

  /** Repaint from the form as it is now; hidden when no question has an answer. An answer the plan is waiting
   * for (refused, or a date not made yet) is not listed: this is what the plan was made from. */
  paint() {
    const rows = [];
    for (const box of this.form.boxes()) {
      if (box.hidden || this.form.isWaiting(box.dataset.field)) continue;
      const shown = answerText(box, this.words);
      if (shown === null) continue;
      const question = questionText(box);
      const change = element("a", {
        href: `#${box.querySelector("input")?.id ?? ""}`,
        class: "pct-summary__change",
        text: this.text("change"),
        "aria-label": this.text("change_named", { question }),
      });
      change.addEventListener("click", (event) => {
        event.preventDefault();
        this.form.focusField(box.dataset.field);
      });
      rows.push(element("div", { class: "pct-summary__row", dataset: { field: box.dataset.field } },
        element("dt", { text: question }),
        element("dd", {}, element("span", { text: shown }), " ", change)));
    }
    this.list.replaceChildren(...rows);
    this.root.hidden = rows.length === 0;
  }
}
