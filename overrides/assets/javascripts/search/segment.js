/* Chinese segmentation with a user dictionary (hooks/search_index.py: the termbase's words, synonyms and common
 * words of the guide). The fewest-pieces cut over the dictionary keeps "合作夥伴大學" or "暫時密碼" whole; the
 * characters between dictionary words are left as single characters, which the analyzer turns into overlapping
 * pairs (bigrams), so any two-character word still matches. Used for the pages and the query alike. */

export class Segmenter {
  /** @param {string[]} words dictionary words (two characters or more) */
  constructor(words) {
    this.words = new Set(words);
    this.longest = words.reduce((max, word) => Math.max(max, word.length), 1);
  }

  /**
   * Cut a run of Han characters into pieces.
   * @param {string} run
   * @returns {{text: string, offset: number, known: boolean}[]}
   */
  cut(run) {
    const chars = Array.from(run);
    const n = chars.length;
    const best = new Array(n + 1).fill(Infinity);
    const from = new Array(n + 1).fill(0);
    best[0] = 0;
    for (let end = 1; end <= n; end++) {
      for (let length = Math.min(this.longest, end); length >= 1; length--) {
        const start = end - length;
        if (length > 1 && !this.words.has(chars.slice(start, end).join(""))) continue;
        if (best[start] + 1 < best[end]) {
          best[end] = best[start] + 1;
          from[end] = start;
        }
      }
    }
    const pieces = [];
    for (let end = n; end > 0; end = from[end]) {
      const text = chars.slice(from[end], end).join("");
      pieces.push({ text, offset: from[end], known: text.length > 1 });
    }
    pieces.reverse();
    // Offsets in UTF-16 units of the run (Han characters outside the BMP are two units).
    let units = 0;
    for (const piece of pieces) {
      piece.offset = units;
      units += piece.text.length;
    }
    return pieces;
  }

  /** Dictionary words inside a longer word (合作夥伴大學 -> 合作夥伴, 大學 if known), for recall on parts. */
  parts(word) {
    const found = [];
    const chars = Array.from(word);
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 2; end <= chars.length; end++) {
        if (end - start === chars.length) continue;
        const part = chars.slice(start, end).join("");
        if (this.words.has(part)) found.push(part);
      }
    }
    return found;
  }
}
