/* The checklist page's early script, loaded from <head> (overrides/checklist.html) as an async module, before
 * the stylesheets: it starts the engine's worker, so that Pyodide downloads and compiles while the page is still
 * being parsed, and hands that worker to the page's Engine once the page's modules run. One file with no imports,
 * so that it costs one request: with the entry module, the only checklist module that runs something on import.
 * (No sibling module is named by its file name here: deploy/dist.py would read that as a reference.)
 *
 * Why: a worker created by the page's modules waits for the whole page (Material's CSS, the bundle, every module). The
 * replies that arrive before the hand-over are kept and replayed in order, so nothing the worker says is lost.
 */

let early = null;

/** The init message for the worker from an element's data attributes (#pct-boot or #pct-app), as absolute URLs:
 * the worker resolves relative ones against its own script address, not the page's. */
export function initFrom(data, base = document.baseURI) {
  const absolute = (url) => new URL(url, base).href;
  return {
    pyodide: absolute(data.pyodide),
    bundle: absolute(data.bundle),
    snapshot: data.snapshot ? absolute(data.snapshot) : null,
    extractDir: data.extractDir,
  };
}

/** Create the worker and send it "init" (id 0), from the data attributes of `script` (#pct-boot); once. */
export function startEarly(script) {
  if (early || !script?.dataset.worker || typeof Worker !== "function") return null;
  const init = initFrom(script.dataset);
  let worker;
  try {
    worker = new Worker(new URL(script.dataset.worker, document.baseURI).href, { type: "module" });
  } catch {
    return null; // the Engine then starts its own and reports the failure in the reader's language
  }
  const held = [];
  let onMessage = (data) => held.push(["message", data]);
  let onError = (event) => held.push(["error", event]);
  worker.addEventListener("message", ({ data }) => onMessage(data));
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    onError(event);
  });
  worker.postMessage({ id: 0, fn: "init", args: init });
  early = {
    worker,
    init,
    initId: 0,
    /** Route the worker's messages and errors to the Engine, replaying what arrived before. */
    adopt(message, error) {
      onMessage = message;
      onError = error;
      for (const [kind, item] of held.splice(0)) (kind === "message" ? message : error)(item);
    },
  };
  return early;
}

/** The early worker, once: the first Engine whose init matches takes it; null if there is none. */
export function takeEarly(init) {
  const found = early;
  if (!found || JSON.stringify(found.init) !== JSON.stringify(init)) return null;
  early = null;
  return found;
}

startEarly(document.getElementById("pct-boot"));
