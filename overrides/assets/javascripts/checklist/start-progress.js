/* What the reader hears and sees while the engine starts: the worker's progress reports (worker-progress.js)
 * turned into words in the page's language, for the polite status line.
 *
 * Why throttled: the worker reports every quarter second so that the page's stall timer stays alive, but a
 * screen reader that reads a polite region on every change would talk without pause for the 50 s a 2 Mbit/s
 * link needs. So the words change at once when the stage changes (or the first bytes arrive) and otherwise at most
 * every `every` ms; the bar (#pct-start-progress, hidden from screen readers) moves with every report.
 */

import { button } from "./messages.js";

const MB = 1000 * 1000;
/** Numbers from the first 0.1 MB on ("0.0 of 12.3 MB" says nothing). */
const counting = (received) => received >= MB / 20;
/** "2.1" or "2,1": with the page's decimal sign (#pct-config `decimal`, the build's locale data) when given, as
 * the page shows it; Intl otherwise. Why not always Intl: the first Intl.NumberFormat of a visit loads its locale
 * data, 30 ms on a quiet machine and 180 ms on a loaded one, a long task inside the first progress report. */
function megabytes(bytes, language, decimal) {
  const value = bytes / MB;
  if (decimal) return value.toFixed(1).replace(".", decimal);
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** The words for one report: {stage, received, total}, `text` the page's words, `language` its number style
 * (`decimal`: its decimal sign, if known). */
export function progressWords({ stage, received = 0, total = null }, text, language, decimal = null) {
  if (stage === "python") return text("start_python");
  if (stage === "engine") return text("start_engine");
  if (!counting(received)) return text("start_download_plain");
  const mb = (bytes) => megabytes(bytes, language, decimal);
  if (total && total >= received) return text("start_download", { received: mb(received), total: mb(total) });
  return text("start_download_bytes", { received: mb(received) });
}

/** The engine's start as the reader follows it: progress in the status line, a stall or a failure in the alert
 * with "Try again". `root.dataset.startStage` follows the stage (for tests); data-load-timeout is the stall time,
 * data-busy-timeout the limit of the stages that cannot report (engine.js), data-start-bytes the decoded size of
 * what the worker counts (its own total is unknown when the host compresses). */
export class StartProgress {
  constructor(root, { text, language, messages, every = 5000, decimal = null }) {
    this.root = root;
    this.text = text;
    this.language = language;
    this.decimal = decimal;
    this.messages = messages;
    this.every = every;
    this.stallTime = Number(root.dataset.loadTimeout) || 20000;
    this.busyTime = Math.max(Number(root.dataset.busyTimeout) || 180000, this.stallTime);
    this.startBytes = Number(root.dataset.startBytes) || null; // the build's figure, for compressed downloads
    this.bar = root.querySelector("#pct-start-progress");
    this.stage = null;
    this.said = 0;
  }

  /** The Engine's options: a stall time (not a total one: a slow link that keeps delivering is no failure) and
   * the busy limit of the silent stages, with "still starting" said once one outlasts the stall time. */
  engineOptions() {
    return {
      timeout: this.stallTime,
      busyTimeout: this.busyTime,
      onProgress: (report) => this.show(report),
      onBusy: () => this.busy(),
    };
  }

  /** Python's start (or the engine's import) is taking longer than the stall time: the device is busy, not the
   * link. Said once; the next report (the engine's stage) replaces it. */
  busy() {
    this.root.dataset.startBusy = "";
    this.messages.say(this.text("start_busy"));
  }

  /** A start begins (the first, or "Try again"): `key` is the first thing said; the first report is said at once. */
  begin(key) {
    this.stage = null;
    this.said = 0;
    this.messages.say(this.text(key));
  }

  /** The start failed (`code`: "timeout" is a stall, "busy" a silent stage past its limit) or the worker died:
   * say why, offer `retry`. Nothing the reader entered is touched: answers and ticks stay saved and on the page. */
  failed(code, retry) {
    const key = { timeout: "load_slow", busy: "load_busy" }[code] ?? "load_failed";
    const limit = code === "busy" ? this.busyTime : this.stallTime;
    const again = button(this.text("try_again"), () => {
      this.messages.hideAlert();
      retry();
    });
    this.messages.alert(this.text(key, { seconds: Math.round(limit / 1000) }), [again]);
    if (this.bar) this.bar.hidden = true;
    this.messages.say("");
  }

  /** One progress report from the engine. */
  show(report) {
    const progress = { ...report, total: report.total || this.startBytes };
    this.move(progress);
    const now = performance.now();
    const stage = `${progress.stage}${counting(progress.received) ? "+" : ""}`; // the first numbers: at once
    if (stage === this.stage && now - this.said < this.every) return;
    this.stage = stage;
    this.said = now;
    this.root.dataset.startStage = progress.stage ?? "";
    this.messages.say(progressWords(progress, this.text, this.language, this.decimal));
  }

  /** The bar: the share of bytes while downloading (no value, an indeterminate bar, when the total is unknown or
   * Python is starting); hidden once the engine is being loaded, the last step before ready. */
  move({ stage, received = 0, total = null }) {
    if (!this.bar) return;
    this.bar.hidden = stage === "engine";
    if (stage === "download" && total) this.bar.value = Math.min(received / total, 1);
    else this.bar.removeAttribute("value");
  }
}
