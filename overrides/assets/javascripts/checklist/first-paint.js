/* The saved plan in the page's first paint (issue 27): built by hooks/first_paint.py into a small classic script
 * (this file and what it imports, each in its own scope) that overrides/partials/checklist-app.html loads right
 * after the plan's box. A parser-blocking script there runs before the browser first paints the page, so a
 * returning reader sees their plan at once rather than the every-role list for the half second the modules take.
 *
 * It reuses the page's own code, never a copy: the storage key and the checks of saved-state.js (stored data is
 * data; what fails them is left for app.js to set aside and report), the painting of plan-view.js (textContent
 * only), the share link's rule (a link with other answers is opened by app.js, so nothing is painted here). It
 * writes nothing and never throws: whatever goes wrong, the modules paint the page as before. The build's list
 * it replaces is left on the script (`pctPrerendered`) for app.js, which still needs it.
 */

import { wordsFrom } from "./dom.js";
import { Links } from "./links.js";
import { PlanView } from "./plan-view.js";
import { SavedChecklist } from "./saved-state.js";
import { answersFromFragment, fragmentFor } from "./share.js";
import { Store } from "./storage.js";

function paintSaved(script) {
  const root = document.getElementById("pct-app");
  if (!root || !script) return;
  const state = new SavedChecklist(new Store()).peek(); // peek: reads only, null when unreadable
  if (!state?.plan || state.plan.language !== root.dataset.language || !state.answers.role) return;
  const config = JSON.parse(root.querySelector("#pct-config").textContent);
  const shared = answersFromFragment(location.hash, config.answer_fields);
  if (shared && fragmentFor(shared, config.answer_fields) !== fragmentFor(state.answers, config.answer_fields)) return;
  const text = wordsFrom(JSON.parse(root.querySelector("#pct-strings").textContent));
  const view = new PlanView(root, { text, language: root.dataset.language, dateOrder: config.date_order, links: new Links(root) });
  view.init(); // the guide's order of the steps, from the build's list
  view.paint(state.plan, "first-paint");
  script.pctPrerendered = view.prerendered;
  const toolbar = root.querySelector("#pct-actions");
  if (toolbar) toolbar.hidden = false; // app.js shows it with the stored plan: shown now, nothing moves later
}

try {
  paintSaved(document.currentScript);
} catch {
  // Anything unexpected (storage refused, a plan from another version): the modules paint the page.
}
