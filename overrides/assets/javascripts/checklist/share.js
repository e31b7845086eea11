/* Share links: the answers travel after `#checklist?` (browsers never send the fragment to a server).
 * Values are only handed to the engine and to form controls, never parsed as markup; the engine rejects what is
 * not valid, naming the field. */

export const SHARE_PREFIX = "#checklist?";
const LIST_FIELDS = new Set(["benefits", "done"]);
const FLAG_FIELDS = new Set(["csp", "marketplace"]);

/** The link that reproduces `answers` on the page at `base` (origin + path). */
export function shareUrl(answers, fields, base) {
  const params = new URLSearchParams();
  for (const field of fields) {
    const value = answers[field];
    if (value === undefined || value === null || value === false || (Array.isArray(value) && !value.length)) continue;
    params.set(field, Array.isArray(value) ? value.join(",") : value === true ? "1" : String(value));
  }
  return `${base}${SHARE_PREFIX}${params}`;
}

/** The fragment (`#checklist?…`) for `answers`, or "" when there is nothing to carry. */
export function fragmentFor(answers, fields) {
  const url = shareUrl(answers, fields, "");
  return url === SHARE_PREFIX ? "" : url;
}

/**
 * Keep the address bar on the link that reproduces `answers`, so a bookmark or a copied address made at any
 * moment brings this plan back. replaceState adds no history entry and fires no hashchange; the fragment never
 * reaches a server.
 */
export function syncAddress(answers, fields) {
  const fragment = fragmentFor(answers, fields);
  if (location.hash === fragment || (!fragment && !location.hash)) return;
  history.replaceState(history.state, "", `${location.pathname}${location.search}${fragment}`);
}

/** The share box (#pct-share): shows the link, selects it, copies it when the browser allows. */
export class ShareBox {
  constructor(root, { say, copied }) {
    this.root = root;
    this.input = root.querySelector("#pct-share-url");
    this.say = say;
    this.copied = copied;
  }

  async show(url) {
    this.input.value = url;
    this.root.hidden = false;
    this.input.select();
    try {
      await navigator.clipboard.writeText(url);
      this.say(this.copied);
    } catch {
      this.input.focus(); // no clipboard access: the link is selected, ready to copy by hand
    }
  }

  hide() {
    this.root.hidden = true;
  }
}

/** The answers a fragment carries, or null when it is not a share link. */
export function answersFromFragment(hash, fields) {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const params = new URLSearchParams(hash.slice(SHARE_PREFIX.length));
  const answers = {};
  for (const field of fields) {
    if (!params.has(field)) continue;
    const value = params.get(field);
    if (LIST_FIELDS.has(field)) answers[field] = value.split(",").filter(Boolean);
    else if (FLAG_FIELDS.has(field)) answers[field] = value === "1" || value === "true";
    else answers[field] = value;
  }
  return answers;
}
