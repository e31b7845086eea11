/* A whole date pasted into one box of a date question ("15/06/2027", "2027-06-15", "15 juin 2027",
 * "2027年6月15日", "June 15, 2027"): the three boxes are filled, instead of the day box keeping "15" and the rest
 * being cut off by its two-character limit.
 *
 * The date is read by the engine (`read_date`, checklist/web.py: the rules that read a team file's date cells),
 * so the page has no second copy of them. Before the engine is ready, only numbers are read: year first
 * (2027-06-15) or, on a page that writes the day first, day/month/year (15/06/2027); anything else waits for
 * the engine. Whatever is filled is checked by dates.js like typed boxes, so a day that does not exist is named.
 */

import { fillDate } from "./dates.js";

/** The pasted text when it is more than one box's part (a separator, a word or too many digits), else null. */
export function wholeDatePasted(event) {
  const text = (event.clipboardData?.getData("text/plain") ?? "").trim();
  const box = event.target;
  if (!/\d/.test(text)) return null;
  const onePart = /^\d+$/.test(text) && text.length <= (box.maxLength > 0 ? box.maxLength : 4);
  return onePart ? null : text;
}

/** ISO from numbers only (no engine yet): `dayFirst` when the page writes the day first; else null. */
export function numericDate(text, dayFirst) {
  const parts = text.split(/\D+/).filter(Boolean);
  if (parts.length !== 3) return null;
  let [year, month, day] = parts;
  if (parts[0].length !== 4) {
    if (!dayFirst || parts[2].length !== 4) return null;
    [day, month, year] = parts;
  }
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** Fill `fieldset` from `text`; `read(text)` is the engine's reading (a promise of ISO or null) or null when
 * the engine is not ready. Resolves true when the boxes were filled. */
export async function fillFromPaste(fieldset, text, { read, dayFirst }) {
  const iso = read ? await read(text) : numericDate(text, dayFirst);
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return false;
  const time = fieldset.querySelector('input[data-part="time"]');
  const kept = time && !iso.includes("T") ? time.value : null; // a pasted day leaves the time as typed
  fillDate(fieldset, iso);
  if (kept !== null) time.value = kept;
  return true;
}
