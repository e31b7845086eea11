/* Text -> index terms, one analyzer per language, the same for the guide's pages and for the reader's query.
 *
 * Each token keeps its position (for phrase matches) and its place in the text (for highlighting). English and
 * French: lower case, accents folded, French elision removed (l’administrateur -> administrateur), a light
 * stemmer (stem.js); "e-mail", "sign-in" give their parts plus the joined form. Any other language (no rules
 * here): lower case, accents folded, split on non-letters, its own question words as stop words. Chinese: the
 * dictionary cut of segment.js, single characters between dictionary words paired into bigrams, and the
 * dictionary words and bigrams inside a long word as extra terms. Stop words keep their position but are not terms. */

import { stemEnglish, stemFrench } from "./stem.js";
import { Segmenter } from "./segment.js";

const STOP = {
  en: "a an and are as at be by can do does for from how i in is it its my of on or our the this that to was " +
    "we what when where which who why will with you your",
  fr: "a au aux avec c ce ces cette d dans de des du elle en est et il je l la le les leur lui m ma mes mon n ne " +
    "nous on ou par pas pour qu que quel quelle qui s sa se ses son sont sur t ta te tes ton un une vos votre " +
    "vous y comment quand",
  zh: "的 了 是 在 和 及 與 或 於 並 之 其 也 都 就 我 您 你 他 它 這 那 嗎 呢 吧 把 被 讓 給 要 會 能 " +
    "如何 怎麼 怎樣 什麼 哪裡 何時 為何 可以 我們 您的 我的 是否 一個",
};
const STEMMERS = { en: stemEnglish, fr: stemFrench };
const STOP_SETS = Object.fromEntries(Object.entries(STOP).map(([lang, words]) => [lang, new Set(words.split(" "))]));

const HAN = /\p{sc=Han}/u;
const PIECES = /(\p{sc=Han}+)|((?:(?!\p{sc=Han})[\p{L}\p{N}])+(?:['’\-.](?:(?!\p{sc=Han})[\p{L}\p{N}])+)*)/gu;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](?=[\p{L}\p{N}])/iu;

/** Lower case without accents: "Réinitialisation" -> "reinitialisation". */
export function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

export class Analyzer {
  /**
   * @param {string} language "en", "fr" or "zh-TW"
   * @param {string[]} dictionary Chinese words kept whole (with the Chinese stop words)
   * @param {string[]} questionWords the language's question words (l10n/search/<language>.yml): stop words
   *   too, so that "how", "comment", "嗎" never weigh, in the pages or in the query
   */
  constructor(language, dictionary = [], questionWords = []) {
    this.language = language;
    this.zh = language.startsWith("zh");
    const own = questionWords.map(fold);
    const han = own.filter((word) => HAN.test(word));
    const latin = own.filter((word) => !HAN.test(word));
    // A language with no rules of its own here (one added to mkdocs.yml, with or without an
    // l10n/search/<language>.yml) gets the plain analyzer: lower case, accents folded, words split on what is
    // not a letter or a digit, no stemmer, and as stop words only its own question words; never another
    // language's stop words or stemmer, which would drop or cut its words ("die", "was" in German).
    const base = STOP_SETS[this.zh ? "zh" : language] || [];
    this.stop = new Set([...base, ...(this.zh ? han : latin)]);
    this.latinStop = this.zh ? new Set([...STOP_SETS.en, ...latin]) : this.stop;
    this.stem = STEMMERS[language] || ((word) => word);
    const zhStop = [...STOP.zh.split(" "), ...han].filter((w) => w.length > 1);
    this.segmenter = new Segmenter([...dictionary, ...zhStop]);
  }

  /** True for words that never make a page match on their own. */
  isStop(term) {
    return this.stop.has(term) || this.latinStop.has(term);
  }

  /**
   * @param {string} text
   * @returns {{term: string, pos: number, start: number, end: number, extra: boolean, stop: boolean,
   *   word: number, joined?: boolean}[]} tokens; `word` numbers the reader's words; `extra` tokens add terms
 *   at the position of another (`joined` for the joined form of "e-mail", else the parts of a Chinese word)
   */
  tokens(text) {
    const out = [];
    let pos = 0;
    let word = 0;
    for (const match of text.matchAll(PIECES)) {
      const start = match.index;
      if (match[1]) {
        pos = this.han(match[1], start, pos, out, () => word++);
      } else {
        pos = this.latin(match[2], start, pos, out, word++);
      }
    }
    return out;
  }

  latin(raw, start, pos, out, word) {
    let text = raw.replace(/\.$/, "");
    const elided = this.language === "fr" ? text.match(ELISION) : null;
    if (elided) {
      start += elided[0].length;
      text = text.slice(elided[0].length);
    }
    const parts = [];
    for (const part of text.matchAll(/[^'’\-.]+/gu)) parts.push({ text: part[0], start: start + part.index });
    const first = pos;
    for (const part of parts) {
      const folded = fold(part.text);
      const stop = this.latinStop.has(folded);
      const term = stop ? folded : this.stem(folded);
      out.push({ term, pos: pos++, start: part.start, end: part.start + part.text.length, extra: false, stop, word });
    }
    if (parts.length > 1) {
      const folded = fold(parts.map((part) => part.text).join(""));
      const stop = this.latinStop.has(folded); // "est-ce" is as much a question word as "est" and "ce"
      const joined = stop ? folded : this.stem(folded);
      out.push({ term: joined, pos: first, start, end: start + text.length, extra: true, joined: true, stop, word });
    }
    return pos;
  }

  han(run, start, pos, out, nextWord) {
    let singles = [];
    const flush = () => {
      if (singles.length === 1) {
        const s = singles[0];
        out.push({ term: s.text, pos: pos++, start: s.start, end: s.end, extra: false, stop: false, word: nextWord() });
      } else if (singles.length > 1) {
        const word = nextWord();
        for (let i = 0; i + 1 < singles.length; i++) {
          const term = singles[i].text + singles[i + 1].text;
          out.push({ term, pos: pos++, start: singles[i].start, end: singles[i + 1].end, extra: false, stop: false, word });
        }
      }
      singles = [];
    };
    for (const piece of this.segmenter.cut(run)) {
      const pieceStart = start + piece.offset;
      const pieceEnd = pieceStart + piece.text.length;
      if (this.stop.has(piece.text)) {
        flush();
        pos++;
        continue;
      }
      if (!piece.known) {
        singles.push({ text: piece.text, start: pieceStart, end: pieceEnd });
        continue;
      }
      flush();
      const word = nextWord();
      out.push({ term: piece.text, pos, start: pieceStart, end: pieceEnd, extra: false, stop: false, word });
      const chars = Array.from(piece.text);
      const inside = new Set(this.segmenter.parts(piece.text));
      if (chars.length > 2) for (let i = 0; i + 1 < chars.length; i++) inside.add(chars[i] + chars[i + 1]);
      for (const term of inside) out.push({ term, pos, start: pieceStart, end: pieceEnd, extra: true, stop: false, word });
      pos++;
    }
    flush();
    return pos;
  }
}

export { HAN };
