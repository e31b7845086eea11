/* The checklist page's early script, loaded from <head> (overrides/checklist.html) as an async module: it only
 * starts the engine's worker (early-worker.js), so that Pyodide loads while the page is parsed. main.js starts
 * the page itself, which paints the saved plan and takes this worker over. */
import { startEarly } from "./early-worker.js";

startEarly(document.getElementById("pct-boot"));
