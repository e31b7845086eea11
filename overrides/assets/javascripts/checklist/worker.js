/* The checklist engine in a module Web Worker: Pyodide (self-hosted, from the site's own files) runs the
 * `checklist` package, so the page's main thread never blocks while Python starts or computes.
 *
 * Protocol, one message each way:
 *   page → worker  {id, fn, args}            args: a JSON-compatible object
 *   worker → page  {id, json}                always this shape, for every fn and every failure
 * `json` is the text of one reply object, parsed once on the page:
 *   {"ok": true, "result": …}                                       the value asked for
 *   {"ok": false, "error": {"field", "code", "message", "row"?, "column"?}}
 * `ok` and which of `result` / `error` is present say the same thing; test either. `error` is a ChecklistError
 * (checklist/errors.py): `field` names the input field ("$" for the whole document), `code` is stable, `message`
 * is in the reader's language; `row` and `column` come with a team file's errors. Codes the engine does not
 * produce for bad input: "worker" (the worker itself failed: Pyodide did not start, the engine is not started)
 * and "internal" (a bug in the engine); neither says anything about the reader's answers.
 * fn "init" (args {pyodide, bundle, snapshot, extractDir}: the Pyodide folder, the engine zip, the optional memory
 * snapshot and where the engine lives inside Pyodide) must come first, and replies {version, from, timings}; every
 * other fn is handed to checklist.web.call(fn, json) (names: checklist.web.CALLS), whose reply text is passed on
 * unparsed, so the page can only call what the engine exposes.
 */

let engineCall = null;

async function fetchBytes(url, gunzip = false) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = gunzip ? response.body.pipeThrough(new DecompressionStream("gzip")) : response.body;
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/* Python from the build's memory snapshot (engine already imported: a fraction of a normal start), or, if there
 * is none or it fails, a normal start. The snapshot API is private to Pyodide, hence the fallback. */
async function startPython(loadPyodide, indexURL, snapshot) {
  if (snapshot) {
    try {
      return { py: await loadPyodide({ indexURL, _loadSnapshot: await fetchBytes(snapshot, true) }), from: "snapshot" };
    } catch (error) {
      console.warn("checklist: Pyodide snapshot unusable, starting normally:", error);
    }
  }
  return { py: await loadPyodide({ indexURL, packages: [] }), from: "start" };
}

async function init({ pyodide: indexURL, bundle, snapshot, extractDir }) {
  const started = performance.now();
  const [{ loadPyodide }, archive] = await Promise.all([import(`${indexURL}pyodide.mjs`), fetchBytes(bundle)]);
  const imported = performance.now();
  const { py, from } = await startPython(loadPyodide, indexURL, snapshot);
  const loaded = performance.now();
  // Always unpacked: a snapshot holds Python's memory but not the files (the engine reads its catalogs).
  py.unpackArchive(archive, "zip", { extractDir });
  py.runPython(`import sys\nif ${JSON.stringify(extractDir)} not in sys.path: sys.path.insert(0, ${JSON.stringify(extractDir)})`);
  engineCall = py.pyimport("checklist.web").call;
  const ready = performance.now();
  // Phases in ms, for the benchmark (bench/checklist_page.py) and for anyone debugging a slow start.
  const timings = { import: imported - started, python: loaded - imported, engine: ready - loaded };
  return { version: py.pyimport("checklist").__version__, from, timings };
}

/* The one reply shape: {id, json}. */
function reply(id, json) {
  self.postMessage({ id, json });
}

self.addEventListener("message", async ({ data }) => {
  const { id, fn, args } = data ?? {};
  try {
    if (fn === "init") {
      reply(id, JSON.stringify({ ok: true, result: await init(args) }));
    } else if (!engineCall) {
      throw new Error("the engine is not started");
    } else {
      // The engine's JSON text as is: one JSON.parse on the page is cheaper than parsing here and having
      // postMessage clone the object (a 1,000-person team status is about a megabyte).
      reply(id, engineCall(fn, JSON.stringify(args ?? {})));
    }
  } catch (error) {
    const message = String(error?.message ?? error);
    reply(id, JSON.stringify({ ok: false, error: { field: "$", code: "worker", message } }));
  }
});
