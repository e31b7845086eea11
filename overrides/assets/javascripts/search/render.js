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

const FORMS_PER_TERM = 3;

/**
 * Material's `terms` of a result with the words of the page that matched added as found: Material highlights
 * the found words on the page it opens (`?h=`, each at the start of a word there), so it must name them as the
 * page writes them: the stem's other forms ("connected" for "connect"), a synonym ("connect" for "link"), the
 * Chinese word a part was found in, and the parts of a word the page holds only in part. A result that matched
 * has at least one of them: its `?h=` is never empty. Words already named, or lit by one already named (a
 * prefix), are not repeated.
 * @param {Object<string, boolean>} terms wordsFound's answer
 * @param {object[]} docs the documents the link opens
 * @param {Set<string>} found the index terms of the query they hold
 */
export function withPageForms(terms, docs, found) {
  const named = Object.keys(terms).filter((word) => terms[word]).flatMap((word) => word.toLowerCase().split(" "));
  const lit = (form) => named.some((word) => form.startsWith(word));
  const out = { ...terms };
  const perTerm = new Map();
  for (const doc of docs) {
    for (const [text, tokens] of [[doc.title || "", doc.titleTokens], [doc.text || "", doc.textTokens]]) {
      for (const token of tokens) {
        if (token.stop || !found.has(token.term) || (perTerm.get(token.term) || 0) >= FORMS_PER_TERM) continue;
        const form = text.slice(token.start, token.end);
        if (lit(form.toLowerCase())) continue;
        out[form] = true;
        named.push(form.toLowerCase());
        perTerm.set(token.term, (perTerm.get(token.term) || 0) + 1);
      }
    }
  }
  return out;
}
