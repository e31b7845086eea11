/* The checklist engine in a module Web Worker: Pyodide (self-hosted, from the site's own files) runs the
 * `checklist` package, so the page's main thread never blocks while Python starts or computes.
 *
 * Protocol, one message each way, JSON-compatible values only:
 *   page → worker  {id, fn, args}
 *   worker → page  {id, ok: true, result} | {id, ok: false, error: {field, code, message}}, or {id, json} with
 *                  that same reply as JSON text (what the engine returns, passed on unparsed)
 * fn "init" (args {pyodide, bundle, snapshot, extractDir}: the Pyodide folder, the engine zip, the optional memory
 * snapshot and where the engine lives inside Pyodide) must come first; every
 * other fn is handed to checklist.web.call(fn, json), so the page can only call what the engine exposes.
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

self.addEventListener("message", async ({ data }) => {
  const { id, fn, args } = data ?? {};
  try {
    if (fn === "init") {
      self.postMessage({ id, ok: true, result: await init(args) });
    } else if (!engineCall) {
      throw new Error("the engine is not started");
    } else {
      // The engine's JSON text as is: one JSON.parse on the page is cheaper than parsing here and having
      // postMessage clone the object (a 1,000-person team status is about a megabyte).
      self.postMessage({ id, json: engineCall(fn, JSON.stringify(args ?? {})) });
    }
  } catch (error) {
    self.postMessage({ id, ok: false, error: { field: "$", code: "worker", message: String(error?.message ?? error) } });
  }
});
