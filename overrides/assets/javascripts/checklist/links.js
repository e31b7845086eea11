/* Every link the checklist paints for a step, built from a known shape, never taken as is.
 *
 * The engine links a step to a guide section as a language's prefix (`/`, `/fr/`, `/zh-TW/`: the engine's
 * LANGUAGE_PREFIX, given as `data-language-prefixes` on #pct-app) + page + `/#` + anchor, from the site's root.
 * A saved plan or a share link could hold anything (`javascript:…`, another site), so a link is painted only
 * when it has exactly that shape, and it is resolved against the site's root (`data-site-root` on
 * #pct-app; without it, the root found from the page's own address), so a site served under a sub-path works.
 */

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The shape of a step's link for these prefixes: one of them, a page, `/#`, an anchor. */
function internalShape(prefixes) {
  const alternatives = Object.values(prefixes).map(escaped).join("|") || "/";
  return new RegExp(`^(?:${alternatives})[a-z0-9][a-z0-9-]*\\/#[A-Za-z0-9][A-Za-z0-9_.-]*$`);
}

export class Links {
  /** `app`: the #pct-app element (data-language, data-language-prefixes, data-site-root, data-site-url);
   * `here`: the page's URL. */
  constructor(app, here = window.location.href) {
    this.here = new URL(here);
    const prefixes = JSON.parse(app.dataset.languagePrefixes || "{}");
    this.internal = internalShape(prefixes);
    const page = `${(prefixes[app.dataset.language] ?? "/").slice(1)}checklist/`;
    const path = this.here.pathname;
    const derived = path.endsWith(page) ? path.slice(0, -page.length) : "/";
    this.root = new URL(app.dataset.siteRoot || derived, this.here);
    if (!this.root.pathname.endsWith("/")) this.root.pathname += "/";
    this.siteUrl = app.dataset.siteUrl ? new URL(app.dataset.siteUrl, this.here) : null;
    this.page = page;
  }

  /** The href for an engine link, or null when the link does not have the known internal shape. */
  guide(link) {
    if (typeof link !== "string" || !this.internal.test(link)) return null;
    const url = new URL(link.slice(1), this.root);
    return url.origin === this.here.origin ? `${url.pathname}${url.hash}` : url.href;
  }

  /** The page and site addresses written into calendar files: the published ones when the build knows them. */
  calendarUrls() {
    if (this.siteUrl) {
      const site = this.siteUrl.href.endsWith("/") ? this.siteUrl.href : `${this.siteUrl.href}/`;
      return { page_url: new URL(this.page, site).href, site_url: this.siteUrl.href };
    }
    return { page_url: `${this.here.origin}${this.here.pathname}`, site_url: this.here.origin };
  }
}
