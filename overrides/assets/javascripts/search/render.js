/* Result text for Material's search UI, which inserts it as HTML: everything from the page is escaped here and
 * only <mark> is added, around the words that matched (Material's own worker does the same). */

const WINDOW = 220;
const BEFORE = 60;

export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** Text with the spans of matching tokens marked, between character offsets from and to. */
function mark(text, tokens, found, from, to) {
  const spans = tokens
    .filter((t) => found.has(t.term) && !t.stop && t.start >= from && t.end <= to)
    .map((t) => [t.start, t.end])
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let html = "";
  let at = from;
  for (const [start, end] of spans) {
    if (start < at) continue;
    html += escapeHtml(text.slice(at, start)) + "<mark>" + escapeHtml(text.slice(start, end)) + "</mark>";
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
}

export function highlightTitle(doc, found) {
  const title = doc.title || "";
  return mark(title, doc.titleTokens, found, 0, title.length);
}

/** About WINDOW characters of the text around the first match, with ellipses where it was cut. */
export function snippet(doc, found) {
  const text = doc.text || "";
  const first = doc.textTokens.find((t) => found.has(t.term) && !t.stop);
  let from = first ? Math.max(0, first.start - BEFORE) : 0;
  if (from > 0) {
    const space = text.lastIndexOf(" ", from);
    from = space > first.start - BEFORE - 30 ? space + 1 : from;
  }
  let to = Math.min(text.length, from + WINDOW);
  if (to < text.length) {
    const space = text.indexOf(" ", to);
    to = space !== -1 && space - to < 30 ? space : to;
  }
  const html = mark(text, doc.textTokens, found, from, to);
  return (from > 0 ? "… " : "") + html + (to < text.length ? " …" : "");
}
