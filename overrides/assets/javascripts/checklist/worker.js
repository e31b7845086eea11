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
 * fn "init" (args {pyodide, bundle, stdlib, snapshot, extractDir, counted}: the Pyodide folder, the engine zip, the
 * stdlib zip (the engine's trimmed one, hooks/pyodide_stdlib.mjs; Pyodide's own when absent), the optional memory
 * snapshot, where the engine lives inside Pyodide and the Pyodide files whose bytes are counted, by name) must come first, and replies {version, from, timings}; every
 * other fn is handed to checklist.web.call(fn, json) (names: checklist.web.CALLS), whose reply text is passed on
 * unparsed, so the page can only call what the engine exposes.
 * Three messages have no id and answer no request, so they can never be taken for a reply:
 *   {event: "progress", stage, received, total}   while "init" runs (worker-progress.js): at stage changes and
 *       at most every 250 ms while bytes arrive. stage: "download" (Pyodide's wasm and stdlib, and the engine),
 *       "python" (everything arrived: Python starts; sent again once the wasm is compiled), "engine" (the
 *       checklist is unpacked and imported).
 *       received: bytes of those files read so far (as decoded); total: their Content-Length sum, or null when
 *       unknown (a compressed response's length is not the decoded size). The page restarts its stall timer on
 *       each one (a slow link is not a failure; silence is) and shows it to the reader.
 *   {event: "snapshot-kept", bytes} once the snapshot is kept for the next visit (read by the benchmark and the
 *       tests; the page ignores it), or {event: "snapshot-skipped", why} when this visit's link does not make it pay.
 */

import { snapshotPays } from "./link-speed.js";
import { countedURLs, Progress } from "./worker-progress.js";

let engineCall = null;

/* ---------------------------------------------------------------- fail fast with the real cause
 * A host that sends Pyodide's files with the wrong Content-Type (stock nginx 1.22: .mjs as octet-stream) or not
 * at all would otherwise show up as a failed import with no reason, or a wasm start that never ends. Each failure
 * is a StartError with a `code` the page turns into words: "http" (the file answered 404, 500…), "mime" (wrong
 * Content-Type), "network" (no answer), "import" (the module would not load for another reason); "snapshot" is
 * only reported (init's `fallback`): Python then starts without the snapshot. */
class StartError extends Error {
  constructor(code, url, detail) {
    super(`${url}: ${detail}`);
    this.name = "StartError";
    this.code = code;
    this.url = url;
  }
}

const JAVASCRIPT = /^(text|application)\/(javascript|ecmascript)\b/i;
const WASM = /^application\/wasm\b/i;

async function request(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new StartError("network", url, String(error?.message ?? error));
  }
}

function checkResponse(url, response, type = null) {
  if (!response.ok) throw new StartError("http", url, `HTTP ${response.status}`);
  const received = response.headers.get("Content-Type") ?? "";
  if (type && !type.test(received)) throw new StartError("mime", url, `Content-Type "${received}"`);
  return response;
}

/* HEAD requests, in parallel with the import and the engine download: Pyodide's own fetches of these files say
 * nothing useful when they fail (an octet-stream wasm makes it wait forever). Their lengths are the download's
 * total for the progress reports. */
function preflight(indexURL, stdlib, progress, urls) {
  const files = [[`${indexURL}pyodide.asm.mjs`, JAVASCRIPT], [`${indexURL}pyodide.asm.wasm`, WASM], [stdlib, null]];
  return Promise.all(files.map(async ([url, type]) => {
    const response = checkResponse(url, await request(url, { method: "HEAD" }), type);
    if (urls.includes(url)) progress.expect(response);
  }));
}

/* import() gives no status or type when it fails: ask the server again to name the cause. */
async function importModule(url) {
  try {
    return await import(url);
  } catch (error) {
    checkResponse(url, await request(url, { method: "HEAD" }), JAVASCRIPT);
    throw new StartError("import", url, String(error?.message ?? error));
  }
}

function errorReply(error) {
  const reply = { field: "$", code: error?.code ?? "worker", message: String(error?.message ?? error) };
  if (error?.url) reply.url = error.url;
  return reply;
}

async function fetchBytes(url, gunzip = false, progress = null) {
  let response = checkResponse(url, await request(url));
  if (progress) {
    progress.expect(response);
    response = progress.counted(response);
  }
  const body = gunzip ? response.body.pipeThrough(new DecompressionStream("gzip")) : response.body;
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/* ---------------------------------------------------------------- start-up strategy (README, "Start-up")
 * The memory snapshot (about 6 MB gzip, 31 MB in memory) saves about 2 s of CPU but would double what a first
 * visit downloads, which makes the page slower than bare Pyodide below about 20 Mbit/s. So a first visit starts
 * Python normally (it downloads only Pyodide and the engine) and, once Python is ready, fetches the snapshot in
 * the background, where the link makes it pay (link-speed.js; else it says why: `snapshot-skipped`), and keeps
 * it inflated in the Cache API; every later visit starts from it. The snapshot's name
 * carries a hash of Pyodide and of the engine, so a kept one never meets another engine; keeping a new one
 * deletes the others. */
const SNAPSHOT_CACHE = "pct-pyodide-snapshot";
const KEEP_DELAY = 1000; // ms after Python is ready: the page's first computations go first

async function keptSnapshot(url) {
  if (!url || !self.caches) return null;
  try {
    const kept = await (await caches.open(SNAPSHOT_CACHE)).match(url);
    return kept ? new Uint8Array(await kept.arrayBuffer()) : null;
  } catch {
    return null; // storage blocked (some private modes): start normally
  }
}

/* For the next visit; failures only cost the next visit its head start (offline, quota, storage blocked). */
async function keepSnapshot(url) {
  try {
    const bytes = await fetchBytes(url, true);
    const cache = await caches.open(SNAPSHOT_CACHE);
    await cache.put(url, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    for (const old of await cache.keys()) if (old.url !== url) await cache.delete(old);
    self.postMessage({ event: "snapshot-kept", bytes: bytes.length });
  } catch (error) {
    console.info("checklist: Pyodide snapshot not kept for next time:", String(error?.message ?? error));
  }
}

/* Python from the kept memory snapshot (engine already imported: a fraction of a normal start), or a normal
 * start. The snapshot API is private to Pyodide, hence the fallback and the report of why. */
async function startPython(loadPyodide, indexURL, stdLibURL, snapshot) {
  const kept = await keptSnapshot(snapshot);
  let fallback = null;
  if (kept) {
    try {
      return { py: await loadPyodide({ indexURL, stdLibURL, _loadSnapshot: kept }), from: "snapshot" };
    } catch (error) {
      console.warn("checklist: Pyodide snapshot unusable, starting normally:", error);
      fallback = { code: "snapshot", message: `${snapshot}: ${String(error?.message ?? error)}` };
      caches.delete(SNAPSHOT_CACHE).catch(() => {});
    }
  }
  return { py: await loadPyodide({ indexURL, stdLibURL, packages: [] }), from: "start", fallback };
}

/* Python started with its downloads counted: the global fetch is Progress's only while loadPyodide runs, and the
 * wasm's compilation, once done, is reported too (a real step: a slow device can spend seconds on it). */
async function countedStart(progress, urls, ...args) {
  const original = self.fetch;
  const { instantiateStreaming } = WebAssembly;
  if (original) self.fetch = progress.fetch(original.bind(self), urls);
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = async (...wasm) => {
      const compiled = await instantiateStreaming.apply(WebAssembly, wasm);
      progress.to("python");
      return compiled;
    };
  }
  try {
    return await startPython(...args);
  } finally {
    if (original) self.fetch = original;
    if (instantiateStreaming) WebAssembly.instantiateStreaming = instantiateStreaming;
  }
}

async function init({ pyodide: indexURL, bundle, stdlib, snapshot, extractDir, counted = [] }) {
  const started = performance.now();
  const stdLibURL = stdlib ?? `${indexURL}python_stdlib.zip`;
  const urls = countedURLs(indexURL, stdLibURL, counted);
  const progress = new Progress();
  progress.to("download");
  const [{ loadPyodide }, archive] = await Promise.all([
    importModule(`${indexURL}pyodide.mjs`),
    fetchBytes(bundle, false, progress),
    preflight(indexURL, stdLibURL, progress, urls),
  ]);
  const imported = performance.now();
  const { py, from, fallback } = await countedStart(progress, urls, loadPyodide, indexURL, stdLibURL, snapshot);
  const loaded = performance.now();
  progress.to("engine");
  // Always unpacked: a snapshot holds Python's memory but not the files (the engine reads its catalogs).
  py.unpackArchive(archive, "zip", { extractDir });
  py.runPython(`import sys\nif ${JSON.stringify(extractDir)} not in sys.path: sys.path.insert(0, ${JSON.stringify(extractDir)})`);
  engineCall = py.pyimport("checklist.web").call;
  const ready = performance.now();
  if (snapshot && from !== "snapshot" && !fallback && self.caches) {
    // Judged now, from the downloads of this start: only where the link makes it pay (link-speed.js).
    const pays = snapshotPays(self.navigator?.connection, performance.getEntriesByType?.("resource") ?? []);
    if (pays.keep) setTimeout(() => keepSnapshot(snapshot), KEEP_DELAY);
    else self.postMessage({ event: "snapshot-skipped", why: pays.why });
  }
  // Phases in ms, for the benchmark (bench/checklist_page.py) and for anyone debugging a slow start.
  const timings = { import: imported - started, python: loaded - imported, engine: ready - loaded };
  return { version: py.pyimport("checklist").__version__, from, timings, ...(fallback ? { fallback } : {}) };
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
    reply(id, JSON.stringify({ ok: false, error: errorReply(error) }));
  }
});
