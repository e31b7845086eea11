/* Small DOM helpers shared by the checklist components: nodes are built with properties and textContent only,
 * never from HTML strings, so nothing the reader, a shared link or storage holds can become markup. */

/** A function that returns the page's words (from #pct-strings) with {placeholders} filled in. */
export function wordsFrom(strings) {
  return (key, values = {}) => fill(strings[key] ?? key, values);
}

/** `pattern` with each `{name}` of `values` filled in (the engine's str.format placeholders); others kept. */
export function fill(pattern, values) {
  return pattern.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** document.createElement with attributes, properties, dataset and text children; null children are skipped. */
export function element(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name in node && typeof value !== "string") node[name] = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** Offer a file to the reader (calendar, CSV): a short-lived object URL, revoked once the click is handled. */
export function download(name, type, content) {
  const link = element("a", { href: URL.createObjectURL(new Blob([content], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** Let the browser paint and handle input before the next piece of work (issue 27: no long task at start):
 * scheduler.yield() where there is one (the task keeps its place), else a new task. */
export function yieldToMain() {
  return globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

const pad = (n) => String(n).padStart(2, "0");

/** Today and now on the reader's clock, as the engine reads them (YYYY-MM-DD, YYYY-MM-DDTHH:MM). */
export function clock() {
  const now = new Date();
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return { today, now: `${today}T${pad(now.getHours())}:${pad(now.getMinutes())}` };
}
