/* The checklist page's entry point (loaded as a module by overrides/checklist.html): the only file that runs
 * something when imported. */
import { init } from "./app.js";

init();
