/* Light stemmers for English and French: they fold the forms readers type into the forms the guide uses
 * (plurals, feminine, past participles, -ing, -ation, -ement), and nothing bolder: French agent nouns keep
 * their -eur (utilisateur is not utiliser). The same function
 * runs on the guide's text and on the query, so a stem only has to be consistent, not a dictionary word.
 * Input is lower-case and accent-folded by the analyzer. The modules name only the modules they import, so
 * that make dist can hash each after the ones below it. */

const EN_SUFFIXES = [
  ["izations", "iz"], ["ization", "iz"], ["ations", "at"], ["ation", "at"], ["ators", "at"], ["ator", "at"],
  ["ments", ""], ["ment", ""], ["ings", ""], ["ing", ""], ["edly", ""], ["ed", ""], ["ers", ""], ["er", ""],
  ["ly", ""], ["e", ""], ["y", ""],
];

const FR_SUFFIXES = [
  ["issements", "iss"], ["issement", "iss"], ["ations", ""], ["ation", ""], ["atrice", "ateur"],
  ["ements", ""], ["ement", ""], ["ites", ""], ["ite", ""], ["euse", "eur"],
  ["iques", ""], ["ique", ""], ["ables", ""], ["able", ""],
  ["ees", ""], ["ee", ""], ["er", ""], ["ez", ""], ["ir", ""], ["es", ""], ["e", ""],
];

function strip(word, suffixes, minimum) {
  for (const [suffix, replacement] of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minimum) {
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}

/** English: plural first (benefits -> benefit, companies -> company), then one suffix. */
export function stemEnglish(word) {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) word = word.slice(0, -3) + "y";
  else if (word.endsWith("sses")) word = word.slice(0, -2);
  else if (word.endsWith("s") && !/(us|is|ss)$/.test(word)) word = word.slice(0, -1);
  return strip(word, EN_SUFFIXES, 3);
}

/** French: plural (s, x; -aux -> -al), then one suffix: associées, associer, association -> associ. */
export function stemFrench(word) {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("aux") && word.length > 4) word = word.slice(0, -3) + "al";
  else if (/[sx]$/.test(word) && !word.endsWith("ss")) word = word.slice(0, -1);
  return strip(word, FR_SUFFIXES, 3);
}
