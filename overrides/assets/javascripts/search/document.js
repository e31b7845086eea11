/* One document of the index as the ranking reads it: its title's and text's tokens, and per index term where it
 * stands (positions in the title and in the text), how often it falls in a term the document's definition
 * list defines (`defines`: character spans of its text), its first token in the text (where a result's
 * snippet starts) and up to FORMS of its spellings, as written and in lower case (the words `?h=` names on
 * the page a result opens). Built once per document when the index is set up; this module imports nothing. */

const FORMS = 3;
const PHRASE_GAP = 3;

/**
 * @param {{tokens(text: string): object[]}} analyzer the language's analyzer
 * @param {{title?: string, text?: string, defines?: number[][]}} doc
 */
export function fields(analyzer, doc) {
  const title = analyzer.tokens(doc.title || "");
  const text = analyzer.tokens(doc.text || "");
  const terms = new Map();
  const spans = doc.defines || [];
  for (const [name, tokens, source] of [["title", title, doc.title || ""], ["text", text, doc.text || ""]]) {
    let span = 0;
    for (const [index, token] of tokens.entries()) {
      if (token.stop) continue;
      const entry = terms.get(token.term) || { title: [], text: [], forms: [], defined: 0 };
      entry[name].push(token.pos);
      if (name === "text") {
        if (entry.first === undefined) entry.first = index; // where a result's snippet starts
        while (span < spans.length && spans[span][1] <= token.start) span++;
        if (span < spans.length && token.start >= spans[span][0]) entry.defined++;
      }
      if (entry.forms.length < FORMS) {
        const form = source.slice(token.start, token.end);
        if (!entry.forms.some(([known]) => known === form)) entry.forms.push([form, form.toLowerCase()]);
      }
      terms.set(token.term, entry);
    }
  }
  const length = text.filter((token) => !token.extra).length + 1;
  return { titleTokens: title, textTokens: text, terms, length };
}

/** The terms in this order, each at most PHRASE_GAP positions after the previous one. */
export function phrase(doc, sequence, field) {
  const positions = [];
  for (const term of sequence) {
    const entry = doc.terms.get(term);
    if (!entry || !entry[field].length) return false;
    positions.push(entry[field]);
  }
  return positions[0].some((start) => {
    let at = start;
    for (const list of positions.slice(1)) {
      const next = list.find((p) => p > at && p <= at + PHRASE_GAP);
      if (next === undefined) return false;
      at = next;
    }
    return true;
  });
}
