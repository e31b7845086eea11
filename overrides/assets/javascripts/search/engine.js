/* The search index of one language and its ranking (README, "Search").
 *
 * Documents are Material's: a page's introduction (`transition/`) and its sections (`transition/#id`). A query
 * is a list of concepts (query.js). Pages are ranked by, in order:
 *   1. how many of the reader's words the page contains (all words before some words; a page with only part of
 *      a word, "mot de passe" for "mot de passe temporaire", comes after every page with a whole word);
 *   2. guides before reference pages (home page, glossary, translation status), which repeat every term;
 *   3. how many of the words its best section contains together, and how many its heading holds (HEADING
 *      each, times the word's rarity: "Partner" and "Center" are in most headings; for a query that is a term,
 *      a definition list's term, `defines`, counts as a heading);
 *   4. the BM25 scores of its sections, best first, each next one counting DECAY times the one before (long
 *      pages that mention a word everywhere do not win by their length). A heading match counts TITLE_WEIGHT
 *      times a text match; a phrase (the words in the query's order, at most two words between) doubles the
 *      score, in the heading triples it; a Latin word typed in part ("info" for "information") counts PREFIX.
 * Within a page, sections come by score. Nothing here touches the DOM: render.js writes the result text;
 * document.js holds what the ranking reads of each document. */

import { Analyzer } from "./analyze.js";
import { SynonymTable, parseQuery } from "./query.js";
import { fields, phrase } from "./document.js";
import { highlightTitle, snippet, withPageForms, wordsFound } from "./render.js";

const K1 = 1.2;
const B = 0.5;
const TITLE_WEIGHT = 2.5;
const DECAY = 0.45;
const PREFIX = 0.8;
const HEADING = 0.5;
const COMMON = 1; // idf under which a heading's word counts less (rarity)
const LONGEST_QUERY = 200; // characters: a pasted paragraph is cut here rather than scored word by word

export class SearchIndex {
  /**
   * @param {{pct: {language: string, reference: string[], glossary?: string, synonyms: string[][],
   *   questionWords?: string[], dictionary?: string[]}}} config
   * @param {{location: string, title: string, text: string, boost?: number}[]} docs
   */
  constructor(config, docs) {
    const settings = config.pct || { language: "en", reference: [], synonyms: [] };
    this.analyzer = new Analyzer(settings.language, settings.dictionary || [], settings.questionWords || []);
    this.synonyms = new SynonymTable(this.analyzer, settings.synonyms || []);
    this.reference = settings.reference || [];
    this.docs = docs.map((doc) => ({ ...doc, page: doc.location.split("#")[0], ...fields(this.analyzer, doc) }));
    this.pages = new Map();
    for (const doc of this.docs) {
      if (!this.pages.has(doc.page)) this.pages.set(doc.page, []);
      this.pages.get(doc.page).push(doc);
    }
    this.glossary = this.pages.get(settings.glossary) || [];
    this.df = new Map();
    for (const doc of this.docs) for (const term of doc.terms.keys()) this.df.set(term, (this.df.get(term) || 0) + 1);
    this.average = this.docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, this.docs.length);
    for (const doc of this.docs) doc.norm = 1 - B + (B * doc.length) / this.average;
    this.idfs = new Map();
  }

  idf(term) {
    let idf = this.idfs.get(term);
    if (idf === undefined) {
      const df = this.df.get(term) || 0;
      idf = Math.log(1 + (this.docs.length - df + 0.5) / (df + 0.5));
      this.idfs.set(term, idf);
    }
    return idf;
  }

  /** Index terms that begin with a Latin query term ("info" -> "informat"), for words typed in part. */
  completions(term) {
    if (!this.prefixes) this.prefixes = new Map();
    if (!this.prefixes.has(term)) {
      const found = /^[a-z0-9]{3,}$/.test(term) ? [...this.df.keys()].filter((t) => t !== term && t.startsWith(term)) : [];
      this.prefixes.set(term, found);
    }
    return this.prefixes.get(term);
  }

  /** A term's score in a document; a completion of it counts PREFIX times as much. */
  termScore(doc, term) {
    let best = this.exactScore(doc, term);
    if (best === 0) for (const other of this.completions(term)) best = Math.max(best, PREFIX * this.exactScore(doc, other));
    return best;
  }

  exactScore(doc, term) {
    const entry = doc.terms.get(term);
    if (!entry) return 0;
    const title = entry.title.length ? saturate(entry.title.length, 1) : 0;
    const text = entry.text.length ? saturate(entry.text.length, doc.norm) : 0;
    return this.idf(term) * (TITLE_WEIGHT * title + text);
  }

  /** Whether the query is a term of the guide: one word, or words that the glossary (which lists every term)
   * holds in the reader's order. */
  isTerm(concepts) {
    const sequence = firstForms(concepts);
    return this.glossary.some((doc) => phrase(doc, sequence, "text") || phrase(doc, sequence, "title"));
  }

  /** How much a word in a heading says, from 0 to 1: a word most documents hold ("Partner", "Center") is in
   * most headings too, and a heading that holds it is no more the reader's question than another. */
  rarity(terms) {
    return Math.min(1, Math.max(...terms.map((term) => this.idf(term))) / COMMON);
  }

  /** Whether a document's heading holds a term (or a completion of it). */
  inTitle(doc, term, defined) {
    const has = (t) => {
      const entry = doc.terms.get(t);
      return entry !== undefined && (entry.title.length > 0 || (defined && entry.defined > 0));
    };
    return has(term) || this.completions(term).some(has);
  }

  /** Score of one document, per concept the alternative it contains whole (-1: none), and `heading`: how many
   * concepts its heading holds whole (a FAQ question that is the reader's question), each by its rarity; with
   * `term` (the query is a term), the terms its definition list defines count as its heading. */
  scoreDoc(doc, concepts, term = false, sequence = firstForms(concepts)) {
    let score = 0;
    let count = 0;
    let heading = 0;
    const which = new Array(concepts.length);
    const matched = new Array(concepts.length);
    for (let c = 0; c < concepts.length; c++) {
      const alternatives = concepts[c].alternatives;
      let best = -1;
      let found = -1;
      let partial = 0;
      for (let i = 0; i < alternatives.length; i++) {
        let sum = 0;
        let whole = true;
        for (const t of alternatives[i]) {
          const s = this.termScore(doc, t);
          sum += s;
          if (s <= 0) whole = false;
        }
        if (whole && sum > best) [best, found] = [sum, i];
        else partial = Math.max(partial, sum / 3);
      }
      score += found >= 0 ? best : partial;
      which[c] = found;
      matched[c] = found >= 0;
      if (found < 0) continue;
      count++;
      const terms = alternatives[found];
      if (terms.every((t) => this.inTitle(doc, t, term))) heading += this.rarity(terms);
    }
    if (sequence.length > 1 && count > 0) {
      if (phrase(doc, sequence, "title")) score *= 3;
      else if (phrase(doc, sequence, "text")) score *= 2;
    }
    return { score, matched, which, count, heading };
  }

  /** Material's result shape: one list per page, the page first, then its sections by score. */
  search(text) {
    const query = text.slice(0, LONGEST_QUERY);
    const concepts = parseQuery(query, this.analyzer, this.synonyms);
    if (!concepts.length) return { items: [] };
    const term = concepts.length === 1 || this.isTerm(concepts);
    const sequence = firstForms(concepts);
    const ranked = [];
    for (const [page, docs] of this.pages) {
      const scored = [];
      for (const doc of docs) {
        const s = this.scoreDoc(doc, concepts, term, sequence);
        if (s.score > 0) scored.push({ doc, ...s });
      }
      if (!scored.length) continue;
      const covered = concepts.map((_, i) => (scored.find((s) => s.matched[i]) || { which: [] }).which[i] ?? -1);
      const coverage = covered.filter((i) => i >= 0).length;
      scored.sort((a, b) => rankOf(b) - rankOf(a) || b.score - a.score);
      const score = [...scored]
        .sort((a, b) => b.score - a.score)
        .reduce((sum, s, i) => sum + s.score * DECAY ** i, 0);
      const reference = this.reference.includes(page) ? 1 : 0;
      // A reference page answers a term ("Action Pack"), not a question: for a question it counts one word less.
      const less = reference && !term ? 1 : 0;
      const weight = coverage - less;
      const best = rankOf(scored[0]) - less;
      ranked.push({ page, docs, scored, covered, coverage, weight, best, score, reference });
    }
    const order = term
      ? (a, b) => b.weight - a.weight || a.reference - b.reference || b.best - a.best || b.score - a.score
      : (a, b) => b.weight - a.weight || b.best - a.best || a.reference - b.reference || b.score - a.score;
    ranked.sort(order);
    return { items: ranked.map((entry) => this.group(entry, concepts, query)) };
  }

  /** Material's items for one page: the page (its words counted over all its sections), then its sections. */
  group(entry, concepts, query) {
    const holds = (docs) => (term) =>
      docs.some((doc) => doc.terms.has(term) || this.completions(term).some((t) => doc.terms.has(t)));
    const matching = (doc, which) => {
      const found = new Set();
      concepts.forEach((concept, i) => {
        const alternatives = which[i] >= 0 ? [concept.alternatives[which[i]]] : concept.alternatives;
        for (const terms of alternatives) {
          for (const term of terms) {
            if (doc.terms.has(term)) found.add(term);
            for (const t of this.completions(term)) if (doc.terms.has(t)) found.add(t);
          }
        }
      });
      return found;
    };
    // `docs`: what the link opens (the whole page for the page's link), `lit`: the query's terms there, whose
    // spellings `?h=` names (for the page, those of its matching sections: the others hold none).
    const item = (doc, score, which, docs, found, lit) => {
      const terms = withPageForms(wordsFound(concepts, which, holds(docs), query), lit.docs, lit.terms);
      return { location: doc.location, title: highlightTitle(doc, found), text: snippet(doc, found), score, terms };
    };
    const article = entry.docs.find((doc) => doc.location === entry.page) || entry.docs[0];
    const sections = entry.scored.filter((s) => s.doc !== article);
    const own = entry.scored.find((s) => s.doc === article);
    const third = sections.length >= 3 ? [...sections].sort((a, b) => b.score - a.score)[2].score : 0;
    const founds = sections.map((s) => matching(s.doc, s.which));
    const found = matching(article, entry.covered);
    const terms = new Set([found, ...founds].flatMap((set) => [...set]));
    const page = { docs: [article, ...sections.map((s) => s.doc)], terms };
    return [
      item(article, Math.max(own ? own.score : 0, third), entry.covered, entry.docs, found, page),
      ...sections.map((s, i) => {
        const lit = { docs: [s.doc], terms: founds[i] };
        return item(s.doc, s.score, s.which, [s.doc], founds[i], lit);
      }),
    ];
  }
}

/** BM25's saturation of a term frequency, in a field of relative length `norm` (1 - B + B * length). */
function saturate(tf, norm) {
  return (tf * (K1 + 1)) / (tf + K1 * norm);
}

/** The query's words in order, each by its first form (the reader's): what a phrase match looks for. */
function firstForms(concepts) {
  return concepts.map((concept) => concept.alternatives[0]).flat();
}

/** How a section ranks within its page (and its page by its best one): the reader's words it holds, and
 * HEADING more for each its heading holds (a FAQ question that is the reader's), less for common words. */
function rankOf(scored) {
  return scored.count + HEADING * scored.heading;
}
