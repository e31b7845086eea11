/* The reader's query as "concepts": one per word the reader typed (a Chinese dictionary word, a run of other
 * Chinese characters, a Latin word), each with alternative term lists that count as that word. A phrase from
 * a synonym list (臨時密碼 for 暫時密碼, "Partner University" in the French box) becomes one concept whose
 * alternatives are every form of the list. Stop words are dropped unless the query has nothing else. */

import { HAN } from "./analyze.js";

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
    const word = words.get(token.word) || { spans: [], terms: [], joined: [] };
    if (token.joined) word.joined.push(token.term);
    else if (!token.extra) {
      word.terms.push(token.term);
      if (token.end - token.start > 1 || HAN.test(token.term)) word.spans.push([token.start, token.end]);
    }
    words.set(token.word, word);
  }
  let concepts = [...words.values()].map((word) => ({
    surface: surface(text, word.spans),
    alternatives: unique([word.terms, ...word.joined.map((term) => [term])]),
  }));
  concepts = applySynonyms(concepts, synonyms);
  return concepts.map(({ surface, alternatives }) => ({ surface, alternatives }));
}

/** The reader's own spelling of a word, without its stop words and one-letter parts ("mot de passe" -> "mot
 * passe", "e-mail" -> "mail"): Material shows it under "Missing" and highlights it on the page it opens (`?h=`),
 * anywhere in a word, where "de" or "e" would light up everywhere. */
function surface(text, spans) {
  const parts = [];
  for (const [start, end] of spans) {
    const last = parts[parts.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else parts.push([start, end]);
  }
  return parts.map(([start, end]) => text.slice(start, end)).join(" ");
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
            surface: span.map((concept) => concept.surface).join(" "),
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
