/* Date fields as the page's language writes dates: day, month and year boxes (GOV.UK's date input pattern), in the
 * order of the language (data-part on each box, from the build), plus a 24-hour time box for a date and time.
 *
 * The browser's own date control shows the browser's locale (mm/dd/yyyy on a French page under en-US), so a
 * reader typing 01/09/2026 for 1 September got 9 January. Separate, labelled boxes cannot be read the wrong way
 * round, whatever the browser's locale; the engine receives the ISO date built from them, or nothing and an error
 * in the reader's language while the boxes do not hold a real day. What the reader typed always stays in the boxes.
 */

const pad = (value, width) => String(value).padStart(width, "0");

/** The boxes of one date fieldset, by part ("day", "month", "year", "time"). */
function boxes(fieldset) {
  return Object.fromEntries([...fieldset.querySelectorAll("input[data-part]")].map((input) => [input.dataset.part, input]));
}

function isRealDay(year, month, day) {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Read a date fieldset. Returns `{ value }` (ISO `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` for a date and time), `{}` when
 * every box is empty, or `{ error }`: the page-string key of what is wrong.
 */
export function readDate(fieldset) {
  const parts = boxes(fieldset);
  const text = Object.fromEntries(Object.entries(parts).map(([part, input]) => [part, input.value.trim()]));
  const dateParts = ["day", "month", "year"].map((part) => text[part] ?? "");
  if (dateParts.every((value) => !value) && !text.time) return {};
  if (dateParts.some((value) => !value)) return { error: "date_incomplete" };
  if (!dateParts.every((value) => /^\d+$/.test(value))) return { error: "date_not_a_date" };
  if (text.year.length !== 4) return { error: "date_year_digits" };
  const [day, month, year] = dateParts.map(Number);
  if (!isRealDay(year, month, day)) return { error: "date_not_a_date" };
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (!("time" in parts)) return { value: iso };
  if (!text.time) return { value: `${iso}T00:00` };
  const time = /^(\d{1,2})[:.hH](\d{2})$/.exec(text.time) ?? /^(\d{1,2})$/.exec(text.time);
  const hours = time ? Number(time[1]) : NaN;
  const minutes = time && time[2] !== undefined ? Number(time[2]) : 0;
  if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) return { error: "date_time_invalid" };
  return { value: `${iso}T${pad(hours, 2)}:${pad(minutes, 2)}` };
}

/** Fill a date fieldset from an ISO value (or empty it); a value that is not ISO is left for the engine to name. */
export function fillDate(fieldset, value) {
  const parts = boxes(fieldset);
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(typeof value === "string" ? value : "");
  const given = match
    ? { year: match[1], month: match[2], day: match[3], time: match[4] ? `${match[4]}:${match[5]}` : "" }
    : { year: "", month: "", day: "", time: "" };
  for (const [part, input] of Object.entries(parts)) input.value = given[part] ?? "";
}

/** True when the element is one of a date fieldset's boxes. */
export function isDateBox(node) {
  return Boolean(node?.dataset?.part) && Boolean(node.closest?.(".pct-date"));
}
