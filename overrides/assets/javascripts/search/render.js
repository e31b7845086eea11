/* Result text for Material's search UI, which inserts it as HTML: everything from the page is escaped here and
 * only <mark> is added, around the words that matched (Material's own worker does the same). */

const WINDOW = 220;
const BEFORE = 60;

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** The index of the first token that starts at or after `from`. Tokens come in the order of their start but
 * for the joined form of a word ("e-mail"), which follows its parts; a search that lands after it skips only
 * tokens that start before `from`. */
function firstAt(tokens, from) {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].start < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Text with the spans of matching tokens marked, between character offsets from and to: only the tokens of
 * that window are read (a section's text has hundreds), the longest of those starting at one place first. */
function mark(text, tokens, found, from, to) {
  const spans = [];
  for (let i = firstAt(tokens, from); i < tokens.length && tokens[i].start < to; i++) {
    const t = tokens[i];
    if (!t.stop && t.start >= from && t.end <= to && found.has(t.term)) spans.push([t.start, t.end]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
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
  let first;
  for (const term of found) {
    const at = (doc.terms.get(term) || {}).first;
    if (at !== undefined && (first === undefined || at < first)) first = at;
  }
  first = first === undefined ? undefined : doc.textTokens[first];
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

/**
 * Material's `terms` of a result with the words of the page that matched added as found: Material highlights
 * the found words on the page it opens (`?h=`, each at the start of a word there), so it must name them as the
 * page writes them: the stem's other forms ("associating" for "associate"), a synonym ("connect" for "link"),
 * the Chinese word a part was found in, and the parts of a word the page holds only in part. A result that
 * matched has at least one of them: its `?h=` is never empty. Words already named, or lit by one already named
 * (a prefix), are not repeated.
 * @param {Object<string, boolean>} terms wordsFound's answer (completed in place)
 * @param {object[]} docs the documents the link opens (each term's spellings, as written and in lower case,
 *   in `doc.terms.get(term).forms`)
 * @param {Set<string>} found the index terms of the query they hold
 */
export function withPageForms(terms, docs, found) {
  const named = [];
  const seen = new Set(); // spellings already judged (a page's sections often share them)
  for (const word in terms) if (terms[word]) named.push(...word.toLowerCase().split(" "));
  for (const term of found) {
    for (const doc of docs) {
      const entry = doc.terms.get(term);
      if (!entry) continue;
      for (const [form, lower] of entry.forms) {
        if (seen.has(form)) continue;
        seen.add(form);
        if (named.some((word) => lower.startsWith(word))) continue;
        terms[form] = true;
        named.push(lower);
      }
    }
  }
  return terms;
}

/**
 * Material's `terms` for one result: per query word, whether the result has it. Material lists the words
 * marked false under the result ("Missing", "Non trouvé", "缺少字詞") and highlights the others on the page it
 * opens (`?h=`), so a word counts as found when any of its analysed forms is there (accents folded, elision,
 * stem, a synonym, the Chinese cut, a completion of a word typed in part), exactly as the ranking counts it.
 * A word found is named as the page writes it when a synonym matched (暫時密碼 for 臨時密碼), so that `?h=`
 * lights it up there. The words it lacks are named as the reader typed them, consecutive ones together with
 * the stop words between them ("mot de passe", "e-mail"). A synonym phrase the result lacks as a whole
 * ("Partner University") is judged word by word: a page with "Partner" lacks only "University".
 * @param {object[]} concepts parseQuery's concepts
 * @param {number[]} which per concept, the alternative the result holds whole (-1: none)
 * @param {(term: string) => boolean} has whether the result holds an index term (or a completion of it)
 * @param {string} query the reader's text the concepts were parsed from
 * @returns {Object<string, boolean>}
 */
export function wordsFound(concepts, which, has, query) {
  const terms = {};
  let run = null;
  const close = () => {
    if (!run) return;
    const name = query.slice(run.start, run.end);
    terms[name] = terms[name] || false;
    run = null;
  };
  const found = (name) => {
    close();
    terms[name] = true;
  };
  concepts.forEach((concept, i) => {
    if (which[i] >= 0) return found(concept.labels[which[i]]);
    for (const unit of concept.parts || [concept]) {
      const j = unit.alternatives.findIndex((alternative) => alternative.every(has));
      if (j >= 0) found(unit.labels[j]);
      else if (run) run.end = unit.end;
      else run = { start: unit.start, end: unit.end };
    }
  });
  close();
  return terms;
}
