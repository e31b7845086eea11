/* The reader's query as "concepts": one per word the reader typed (a Chinese dictionary word, a run of other
 * Chinese characters, a Latin word), each with alternative term lists that count as that word. A phrase from
 * a synonym list (臨時密碼 for 暫時密碼, "Partner University" in the French box) becomes one concept whose
 * alternatives are every form of the list; it keeps its words as `parts`, so that a result holding only some
 * of them is told which ones it lacks. Stop words are dropped unless the query has nothing else. */

import { HAN } from "./analyze.js";

const key = (terms) => terms.join("\u0000");

export class SynonymTable {
  /**
   * @param {Analyzer} analyzer the language's analyzer (analyze module)
   * @param {string[][]} groups lists of forms that mean the same (the guide's form first)
   */
  constructor(analyzer, groups) {
    this.forms = new Map();
    this.longest = 1;
    for (const group of groups) {
      const forms = group
        .map((form) => {
          const tokens = analyzer.tokens(form);
          return { label: surface(form, spansOf(tokens)), terms: termsOf(tokens) };
        })
        .filter((form) => form.terms.length);
      for (const form of forms) {
        this.forms.set(key(form.terms), forms);
        this.longest = Math.max(this.longest, form.terms.length);
      }
    }
  }

  /** The forms ({label, terms}) of the list these terms belong to, or undefined. */
  alternatives(terms) {
    return this.forms.get(key(terms));
  }
}

/** Where the words worth showing are: not stop words, not one-letter parts of "e-mail". */
function spansOf(tokens) {
  return tokens
    .filter((t) => !t.extra && !t.stop && (t.end - t.start > 1 || HAN.test(t.term)))
    .map((t) => [t.start, t.end]);
}

function termsOf(tokens) {
  return tokens.filter((token) => !token.extra && !token.stop).map((token) => token.term);
}

/** Alternatives without repeats, each with the label it is shown with: the first label given wins. */
function unique(forms) {
  const seen = new Map();
  for (const form of forms) if (form.terms.length && !seen.has(key(form.terms))) seen.set(key(form.terms), form);
  return [...seen.values()];
}

/**
 * @returns {{surface: string, alternatives: string[][], labels: string[], start: number, end: number,
 *   parts?: object[]}[]} `labels[i]`: how alternative i is written (the reader's surface, or the synonym
 *   list's form: 暫時密碼 for a query 臨時密碼); `start`, `end`: where the reader typed it in `text`; `parts`
 *   (a phrase of several words only): its words as concepts of their own, single-word synonyms included
 */
export function parseQuery(text, analyzer, synonyms) {
  const tokens = analyzer.tokens(text);
  const content = tokens.some((token) => !token.stop);
  const words = new Map();
  for (const token of tokens) {
    if (token.stop && content) continue;
    const word = words.get(token.word) || { tokens: [], terms: [], joined: [] };
    if (token.joined) word.joined.push(token.term);
    else if (!token.extra) word.terms.push(token.term);
    word.tokens.push(token);
    words.set(token.word, word);
  }
  let concepts = [...words.values()].map((word) => {
    const spans = spansOf(word.tokens);
    const label = surface(text, spans.length ? spans : word.tokens.map((t) => [t.start, t.end]));
    const alternatives = [word.terms, ...word.joined.map((term) => [term])];
    const start = Math.min(...word.tokens.map((t) => t.start));
    const end = Math.max(...word.tokens.map((t) => t.end));
    return { surface: label, forms: unique(alternatives.map((terms) => ({ label, terms }))), start, end };
  });
  concepts = applySynonyms(concepts.filter((concept) => concept.forms.length), synonyms, synonyms.longest);
  return concepts.map(shape);
}

/** The concept as the engine reads it: its forms as parallel lists of terms and labels. */
function shape({ surface, forms, start, end, parts }) {
  const alternatives = forms.map((form) => form.terms);
  const labels = forms.map((form) => form.label);
  const concept = { surface, alternatives, labels, start, end };
  if (parts) concept.parts = parts.map(shape);
  return concept;
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

/** Concepts with the synonym lists they belong to merged in: the longest run of words (at most `longest`)
 * that is a form of a list becomes one concept; the words of a longer run stay in it as `parts`. */
function applySynonyms(concepts, synonyms, longest) {
  const out = [];
  for (let i = 0; i < concepts.length; ) {
    let merged = null;
    for (let length = Math.min(longest, concepts.length - i); length >= 1 && !merged; length--) {
      const span = concepts.slice(i, i + length);
      const candidates = length === 1 ? span[0].forms.map((f) => f.terms) : [span.flatMap((c) => c.forms[0].terms)];
      for (const terms of candidates) {
        const forms = synonyms.alternatives(terms);
        if (forms) {
          const label = span.map((concept) => concept.surface).join(" ");
          const own = span.length === 1 ? span[0].forms : [{ label, terms }];
          const place = { start: span[0].start, end: span[span.length - 1].end };
          merged = { surface: label, forms: unique([...own, ...forms]), length, ...place };
          if (length > 1) merged.parts = applySynonyms(span, synonyms, 1);
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
