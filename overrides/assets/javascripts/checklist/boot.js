/* The checklist page's early script: a classic, parser-blocking script at the top of <head>
 * (overrides/checklist.html), before the stylesheets. It starts the engine's worker, so that Pyodide downloads and
 * compiles while the page is still being parsed, and leaves that worker on its own <script> element
 * (`pctEarly`) for engine.js to take over once the page's modules run.
 *
 * Why classic and blocking rather than an async module: an async module runs whenever its file arrives, and
 * Chromium fetches async scripts at low priority, behind the stylesheets; on a busy machine it then ran after
 * Material's bundle at the end of <body>, which is exactly the wait it exists to avoid. A blocking script of
 * 2 KB, which the preload scanner does not wait for, always runs first. The replies that arrive before the
 * hand-over are kept and replayed in order, so nothing the worker says is lost.
 * (No sibling module is named by its file name here: deploy/dist.py would read that as a reference.)
 */
(function startEarly(script) {
  if (!script) return;
  // The worker's init message, built here only (engine.js reads it from `pctInit`), from what the build wrote on
  // this element (hooks/checklist_page.py: the files, and START_COUNTED, the Pyodide files whose bytes are
  // counted while Python starts). Absolute URLs: the worker resolves relative ones against its own address.
  const absolute = (url) => new URL(url, document.baseURI).href;
  const data = script.dataset;
  const init = {
    pyodide: absolute(data.pyodide),
    bundle: absolute(data.bundle),
    stdlib: absolute(data.stdlib),
    snapshot: data.snapshot ? absolute(data.snapshot) : null,
    extractDir: data.extractDir,
    counted: data.counted ? data.counted.split(" ") : [],
  };
  script.pctInit = init;
  if (!data.worker || typeof Worker !== "function") return;
  let worker;
  try {
    worker = new Worker(absolute(data.worker), { type: "module" });
  } catch {
    return; // the Engine then starts its own and reports the failure in the reader's language
  }
  const held = [];
  let onMessage = (message) => held.push(["message", message]);
  let onError = (event) => held.push(["error", event]);
  worker.addEventListener("message", ({ data: message }) => onMessage(message));
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    onError(event);
  });
  worker.postMessage({ id: 0, fn: "init", args: init });
  script.pctEarly = {
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
})(document.currentScript);
