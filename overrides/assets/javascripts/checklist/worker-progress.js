/* Progress while the worker starts (worker.js, "init"), so that the page can tell a slow link from a stuck start.
 *
 * On a 2 Mbit/s link Pyodide alone takes about 50 s to arrive: the page must be able to tell "slow" from "stuck".
 * The worker counts the bytes of the big files as they are read (the engine zip here, Pyodide's wasm and the stdlib
 * zip through a counting fetch while loadPyodide runs: Pyodide fetches both with the global fetch) and reports
 * them, at most every PROGRESS_EVERY ms, plus every stage change. */
export const PROGRESS_EVERY = 250; // ms: often enough to keep a stall timer of seconds alive, cheap to post
/** The URLs of the files counted while Python starts: `counted`, Pyodide's files named in its folder (init's
 * `counted`, from hooks/checklist_page.py START_COUNTED: never a copy here), and the stdlib zip by the URL init
 * gives (the build names it by its content, stdlib-<hash>.zip). */
export function countedURLs(indexURL, stdlib, counted = []) {
  return [...counted.map((name) => `${indexURL}${name}`), stdlib];
}
/** The stages in which the worker cannot report: Python's own start and the engine's import run on the worker's
 * only thread, so a slow device says nothing for seconds. The page gives them a limit of their own (the busy
 * time) instead of the stall time, which is for downloads that can say they are still moving. */
export const SILENT_STAGES = ["python", "engine"];

export class Progress {
  constructor() {
    this.stage = null;
    this.received = 0;
    this.total = 0; // null once a length is unknown
    this.open = 0;
    this.sent = 0;
  }

  /** Add a response's length to the total; a compressed one says nothing of its decoded size. */
  expect(response) {
    const length = Number(response.headers.get("Content-Length"));
    if (this.total === null || response.headers.get("Content-Encoding") || !(length > 0)) this.total = null;
    else this.total += length;
  }

  to(stage) {
    this.stage = stage;
    this.post();
  }

  post() {
    this.sent = performance.now();
    self.postMessage({ event: "progress", stage: this.stage, received: this.received, total: this.total });
  }

  /** The same response with a body that counts what is read; once Pyodide's files (`python`) have all ended,
   * the stage is "python". */
  counted(response, python = false) {
    if (!response.ok || !response.body) return response;
    if (python) this.open += 1;
    const counter = new TransformStream({
      transform: (chunk, controller) => {
        this.received += chunk.byteLength;
        if (performance.now() - this.sent >= PROGRESS_EVERY) this.post();
        controller.enqueue(chunk);
      },
      flush: () => {
        if (!python) return;
        this.open -= 1;
        if (this.open === 0 && this.stage === "download") this.to("python");
      },
    });
    const { status, statusText, headers } = response;
    return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
  }

  /** A fetch that counts the files of `urls` (countedURLs; instantiateStreaming accepts the rebuilt Response:
   * same status and Content-Type). */
  fetch(original, urls) {
    const counted = new Set(urls.map((url) => new URL(url, self.location?.href).href));
    return async (input, init) => {
      const response = await original(input, init);
      const url = new URL(String(input?.url ?? input), self.location?.href);
      url.search = "";
      return counted.has(url.href) ? this.counted(response, true) : response;
    };
  }
}
