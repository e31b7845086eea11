/* The site's search worker, named by the `search` entry of the page's __config (partials/search-config.html).
 * It speaks Material's search worker protocol (SETUP 0 -> READY 1, QUERY 2 -> RESULT 3; Material documents
 * custom search workers this way) and ranks with engine.js. A classic worker, as Material creates it: the
 * modules come in through import(), which the site's CSP (script-src 'self') allows. */

const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

const engine = import("./engine.js");
let index = null;

self.addEventListener("message", async (event) => {
  const message = event.data || {};
  const { SearchIndex } = await engine;
  if (message.type === SETUP) {
    index = new SearchIndex(message.data.config, message.data.docs);
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    let data = { items: [] };
    try {
      if (index) data = index.search(String(message.data || ""));
    } catch (error) {
      console.warn("search: query failed", error);
    }
    self.postMessage({ type: RESULT, data });
  }
});
