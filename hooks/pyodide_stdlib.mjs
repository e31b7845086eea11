// Makes the standard library the checklist page ships: only the stdlib files the engine can import, in a zip of
// stored entries (the host's brotli compresses them; Pyodide's own zip is deflated, which brotli cannot shrink).
//
// Usage: node hooks/pyodide_stdlib.mjs <pyodide dir> <checklist.zip> <extract dir> <output.zip> [bytecode|source] [stored|deflated]
//   bytecode (default): each module as a .pyc compiled by this very interpreter (unchecked hash: reproducible,
//     and Python skips compiling the source at import, most of a cold start); source: the .py files as shipped.
//   deflated: only for the benchmark's comparison (bench/stdlib_variants.py); the site ships stored.
// Stdout: one JSON object {modules, files, bytes}: what was kept. The modules are found by running the engine in
// Pyodide under Node with the full stdlib, the way the page's worker does (pyodide_stdlib.py says what is run).

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [pyodideDir, zipPath, extractDir, output, mode = "bytecode", compression = "stored"] = process.argv.slice(2);
if (!output || !["bytecode", "source"].includes(mode) || !["stored", "deflated"].includes(compression)) {
  console.error("usage: node pyodide_stdlib.mjs <pyodide dir> <checklist.zip> <extract dir> <output.zip> [bytecode|source] [stored|deflated]");
  process.exit(2);
}
console.log = console.error; // keep Pyodide's start-up chatter off stdout
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: pyodideDir + path.sep });
const zip = readFileSync(zipPath);
py.unpackArchive(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), "zip", { extractDir });
// What Pyodide itself runs on the page's paths: an error crossing into JavaScript (its traceback formatting).
try {
  py.runPython("raise ValueError('the trace of an error reaching JavaScript')");
} catch {
  // expected
}
const trace = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "pyodide_stdlib.py"), "utf8");
const namespace = py.globals.get("dict")();
py.runPython(trace, { globals: namespace });
try {
  const summary = namespace.get("main")(extractDir, mode, compression);
  writeFileSync(output, py.FS.readFile("/tmp/stdlib.zip"));
  process.stdout.write(`${summary}\n`);
} catch (error) {
  // Only the Python traceback: left uncaught, Node echoes the minified pyodide.asm.mjs line.
  process.stderr.write(`${error?.message ?? error}\n`);
  process.exitCode = 1;
}
