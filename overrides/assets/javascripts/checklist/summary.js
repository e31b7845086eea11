/* "Your answers": what the plan was made from, each answer with a "Change" link that takes the reader (and the
 * focus) to its question. Shown above the plan on screen and on paper; built from the form's own labels, so it
 * says exactly what the reader chose, in the page's language. Constructed on #pct-summary. */

import { readDate } from "./dates.js";
import { element } from "./dom.js";
import { questionText } from "./form.js";

/** A date in words, in the page's language and in the engine's date style (checklist/i18n.py, Texts.date):
 * "1 September 2026", "1er septembre 2026", "2026 年 9 月 1 日"; the time on the 24-hour clock. */
export function dateWords(iso, language) {
  const [date, time] = iso.split("T");
  const [y, m, d] = date.split("-").map(Number);
  let words;
  if (language === "zh-TW") words = `${y} 年 ${m} 月 ${d} 日`;
  else {
    const month = new Intl.DateTimeFormat(language === "en" ? "en-GB" : language, { month: "long", timeZone: "UTC" });
    const day = language === "fr" && d === 1 ? "1er" : String(d);
    words = `${day} ${month.format(Date.UTC(y, m - 1, 1))} ${y}`;
  }
  const at = { en: ", ", fr: " à ", "zh-TW": " " }[language] ?? " ";
  return time ? `${words}${at}${time}` : words;
}

/** The words of one question's answer as the form shows them, or null when it has none. */
function answerText(box, language) {
  const chosen = [...box.querySelectorAll("input:checked")];
  if (box.classList.contains("pct-question--flag")) return chosen.length ? "✓" : null;
  if (chosen.length) return chosen.map((input) => box.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent.trim()).join("; ");
  const fields = box.querySelector(".pct-date");
  const { value } = fields ? readDate(fields) : {};
  return value ? dateWords(value, language) : null;
}

export class AnswersSummary {
  /** `form`: the QuestionsForm (its questions and focusField); `text`: the page's words. */
  constructor(root, { form, text, language }) {
    this.language = language;
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
      const shown = answerText(box, this.language);
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
