/* The client of the engine's Web Worker (worker.js): one request, one promise, one error type.
 *
 * Replies are read in one place (`readReply`): today's `{id, ok, result|error}` and `{id, json}` (the engine's
 * JSON text with `ok`), and the single shape `{id, json}` holding `{"result": …}` or `{"error": …}`. Every failure
 * becomes an EngineError, so callers can tell a field the reader can fix from a worker that failed.
 */

import { SILENT_STAGES } from "./worker-progress.js";

/** An error from the engine: `field` names the answer at fault ("$" for the worker or the engine itself). */
export class EngineError extends Error {
  constructor({ field = "$", code = "internal", message = "" } = {}) {
    super(message || code);
    this.name = "EngineError";
    this.field = String(field);
    this.code = String(code);
  }

  /** True when the error names one of the reader's answers (not the worker, a timeout or an engine fault). */
  get isFieldError() {
    return this.field !== "$" && !["worker", "internal", "timeout", "busy"].includes(this.code);
  }
}

/** `{ok, value}` or `{ok: false, error}` from any reply shape the worker has sent or will send. */
export function readReply(message) {
  let data = message;
  if (message && typeof message.json === "string") {
    try {
      data = JSON.parse(message.json);
    } catch {
      return { ok: false, error: new EngineError({ code: "worker", message: "unreadable reply" }) };
    }
  }
  if (data && typeof data === "object") {
    if (data.ok === true || (data.ok === undefined && "result" in data && !("error" in data))) {
      return { ok: true, value: data.result };
    }
    if (data.error && typeof data.error === "object") return { ok: false, error: new EngineError(data.error) };
  }
  return { ok: false, error: new EngineError({ code: "worker", message: "unexpected reply" }) };
}

/** The worker boot.js started from <head>, once: taken only if it was started with the same init. */
function takeEarly(init) {
  const script = document.getElementById("pct-boot");
  const early = script?.pctEarly;
  if (!early || JSON.stringify(early.init) !== JSON.stringify(init)) return null;
  script.pctEarly = null;
  return early;
}

export class Engine {
  /** `url`: the worker script; the worker is only created by start(). `timeout`: the stall time in ms, how long
   * a stage that reports (the downloads) may go without any report before the start is given up. `busyTimeout`:
   * the limit of a stage that cannot report (SILENT_STAGES: Python's start, the engine's import), generous
   * because a slow phone or a loaded machine spends tens of seconds there. `onProgress` gets each report;
   * `onBusy` is called once a silent stage has outlasted the stall time, so the page can say it is still working. */
  constructor(url, { timeout = 20000, busyTimeout = 180000, onProgress = null, onBusy = null, onEvent = null } = {}) {
    this.url = url;
    this.timeout = timeout;
    this.busyTimeout = Math.max(busyTimeout, timeout);
    this.onProgress = onProgress;
    this.onBusy = onBusy;
    this.onEvent = onEvent; // the worker's other messages without an id (snapshot-kept, snapshot-skipped)
    this.progressed = null;
    this.pending = new Map();
    this.next = 1;
    this.worker = null;
  }

  /** The init message boot.js built from the build's data (#pct-boot `pctInit`): one builder, so the worker it
   * started early is always the one taken over. Null when boot.js did not run (start() then fails, "worker"). */
  static initMessage(scope = document) {
    return scope.getElementById("pct-boot")?.pctInit ?? null;
  }

  /** Start the worker and Python; resolves with the worker's init result or rejects with an EngineError.
   * The worker boot.js started from <head> with the same init is taken over rather than a second one made.
   * A stall timer, not a total one: each progress report from the worker restarts it, so a slow link that keeps
   * delivering never fails; only `timeout` ms without any report in a reporting stage does ("timeout"), or
   * `busyTimeout` ms in a silent one ("busy"). A real failure (http, mime, network…) is the init reply itself
   * and fails at once. */
  async start(init) {
    if (this.worker) this.stop(); // "Try again" after a worker that failed later: never two at once
    if (!init) throw new EngineError({ code: "worker", message: "no init message (boot.js did not run)" });
    const timers = [];
    const clear = () => timers.splice(0).forEach(clearTimeout);
    const stalled = new Promise((_, reject) => {
      const arm = (stage) => {
        clear();
        if (!SILENT_STAGES.includes(stage)) {
          timers.push(setTimeout(() => reject(new EngineError({ code: "timeout", message: "no progress" })), this.timeout));
          return;
        }
        timers.push(setTimeout(() => this.onBusy?.(stage), this.timeout));
        const busy = new EngineError({ code: "busy", message: `${stage}: no answer` });
        timers.push(setTimeout(() => reject(busy), this.busyTimeout));
      };
      this.progressed = (progress) => {
        arm(progress?.stage);
        this.onProgress?.(progress);
      };
      arm(null);
    }); // armed first: the replies boot.js held are replayed as soon as the worker is adopted
    const early = takeEarly(init);
    const onMessage = (data) => this.settle(data);
    const onError = (event) => {
      event.preventDefault?.();
      this.fail(new EngineError({ code: "worker", message: event.message || "worker failed to load" }));
    };
    let initReply;
    if (early) {
      this.worker = early.worker;
      this.next = early.initId + 1;
      initReply = new Promise((resolve, reject) => this.pending.set(early.initId, { resolve, reject }));
      early.adopt(onMessage, onError);
    } else {
      this.worker = new Worker(this.url, { type: "module" });
      this.worker.addEventListener("message", ({ data }) => onMessage(data));
      this.worker.addEventListener("error", onError);
      initReply = this.call("init", init);
    }
    try {
      return await Promise.race([initReply, stalled]);
    } catch (error) {
      this.stop();
      throw error;
    } finally {
      clear();
      this.progressed = null;
    }
  }

  settle(message) {
    if (message?.id === undefined && message?.event === "progress") {
      this.progressed?.(message);
      return;
    }
    if (message?.id === undefined && typeof message?.event === "string") {
      this.onEvent?.(message);
      return;
    }
    const pending = this.pending.get(message?.id);
    if (!pending) return;
    this.pending.delete(message.id);
    const reply = readReply(message);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(reply.error);
  }

  fail(error) {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  stop() {
    this.worker?.terminate();
    this.worker = null;
    this.fail(new EngineError({ code: "worker", message: "stopped" }));
  }

  /** Call a function the engine exposes (checklist.web.call); rejects with an EngineError. */
  call(fn, args) {
    if (!this.worker) return Promise.reject(new EngineError({ code: "worker", message: "not started" }));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, fn, args });
    });
  }
}
