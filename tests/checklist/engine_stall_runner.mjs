// Runs the page's engine client (overrides/assets/javascripts/checklist/engine.js) under Node against a stub worker
// that plays a script of messages, and prints how Engine.start ended, as JSON: {outcome, code?, progress}.
//
// Usage: node tests/checklist/engine_stall_runner.mjs <stall ms> <script.json> [<busy ms>]
//   <script.json>  a JSON list of steps played after the init request arrives: {"wait": ms} pauses, any other
//                  object is posted to the page as the worker's message ({"reply": true} posts the init reply).
//   <busy ms>      the limit of the stages that cannot report (Python's start); "busy" lists when the page was
//                  told such a stage outlasted the stall time.
// The stall time and the script's pauses are the test's: the test asserts what happened, never how fast.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const ENGINE = path.join(REPO_ROOT, "overrides", "assets", "javascripts", "checklist", "engine.js");
const [stall, scriptPath, busyLimit] = process.argv.slice(2);
const script = JSON.parse(readFileSync(scriptPath, "utf8"));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

globalThis.document = { getElementById: () => null, baseURI: "http://localhost/" }; // no early worker
globalThis.Worker = class StubWorker {
  constructor() {
    this.listeners = [];
    this.terminated = false;
  }

  addEventListener(type, listener) {
    if (type === "message") this.listeners.push(listener);
  }

  postMessage({ id, fn }) {
    if (fn === "init") this.play(id);
  }

  async play(id) {
    for (const step of script) {
      if (this.terminated) return;
      if ("wait" in step) await sleep(step.wait);
      else if (step.reply) this.emit({ id, json: JSON.stringify({ ok: true, result: { version: "stub", from: "start" } }) });
      else this.emit(step);
    }
  }

  emit(data) {
    if (!this.terminated) for (const listener of this.listeners) listener({ data });
  }

  terminate() {
    this.terminated = true;
  }
};

const { Engine } = await import(pathToFileURL(ENGINE).href);
const progress = [];
const busy = [];
const engine = new Engine("worker.js", {
  timeout: Number(stall),
  busyTimeout: Number(busyLimit ?? 60000),
  onProgress: (report) => progress.push(report.stage),
  onBusy: (stage) => busy.push(stage),
});
let result;
try {
  const started = await engine.start({ pyodide: "p/", bundle: "b.zip", snapshot: null, extractDir: "/engine" });
  result = { outcome: "ready", version: started.version, progress, busy };
} catch (error) {
  result = { outcome: "failed", name: error.name, code: error.code, field: error.field, progress, busy };
}
engine.stop();
process.stdout.write(`${JSON.stringify(result)}\n`);
