/* The reader's query as "concepts": one per word the reader typed (a Chinese dictionary word, a run of other
 * Chinese characters, a Latin word), each with alternative term lists that count as that word. A phrase from
 * a synonym list (臨時密碼 for 暫時密碼, "Partner University" in the French box) becomes one concept whose
 * alternatives are every form of the list. Stop words are dropped unless the query has nothing else. */

const key = (terms) => terms.join("\u0000");

export class SynonymTable {
  /**
   * @param {import("./analyze.js").Analyzer} analyzer
   * @param {string[][]} groups lists of forms that mean the same (the guide's form first)
   */
  constructor(analyzer, groups) {
    this.forms = new Map();
    this.longest = 1;
    for (const group of groups) {
      const alternatives = group.map((form) => termsOf(analyzer.tokens(form))).filter((terms) => terms.length);
      for (const terms of alternatives) {
        this.forms.set(key(terms), alternatives);
        this.longest = Math.max(this.longest, terms.length);
      }
    }
  }

  alternatives(terms) {
    return this.forms.get(key(terms));
  }
}

function termsOf(tokens) {
  return tokens.filter((token) => !token.extra && !token.stop).map((token) => token.term);
}

function unique(alternatives) {
  const seen = new Map();
  for (const terms of alternatives) if (terms.length) seen.set(key(terms), terms);
  return [...seen.values()];
}

/**
 * @returns {{surface: string, alternatives: string[][]}[]}
 */
export function parseQuery(text, analyzer, synonyms) {
  const tokens = analyzer.tokens(text);
  const content = tokens.some((token) => !token.stop);
  const words = new Map();
  for (const token of tokens) {
    if (token.stop && content) continue;
    const word = words.get(token.word) || { start: token.start, end: token.end, terms: [], joined: [] };
    word.start = Math.min(word.start, token.start);
    word.end = Math.max(word.end, token.end);
    if (token.joined) word.joined.push(token.term);
    else if (!token.extra) word.terms.push(token.term);
    words.set(token.word, word);
  }
  let concepts = [...words.values()].map((word) => ({
    start: word.start,
    end: word.end,
    alternatives: unique([word.terms, ...word.joined.map((term) => [term])]),
  }));
  concepts = applySynonyms(concepts, synonyms);
  return concepts.map((concept) => ({
    surface: text.slice(concept.start, concept.end),
    alternatives: concept.alternatives,
  }));
}

function applySynonyms(concepts, synonyms) {
  const out = [];
  for (let i = 0; i < concepts.length; ) {
    let merged = null;
    for (let length = Math.min(synonyms.longest, concepts.length - i); length >= 1 && !merged; length--) {
      const span = concepts.slice(i, i + length);
      const candidates = length === 1 ? span[0].alternatives : [span.flatMap((c) => c.alternatives[0])];
      for (const terms of candidates) {
        const alternatives = synonyms.alternatives(terms);
        if (alternatives) {
          merged = {
            start: span[0].start,
            end: span[span.length - 1].end,
            alternatives: unique([...span.length === 1 ? span[0].alternatives : [terms], ...alternatives]),
            length,
          };
          break;
        }
      }
    }
    if (merged) {
      out.push(merged);
      i += merged.length;
    } else {
      out.push(concepts[i]);
      i += 1;
    }
  }
  return out;
}
