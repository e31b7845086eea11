// Makes a Pyodide memory snapshot with the checklist engine already imported, for the checklist page.
//
// Usage: node hooks/pyodide_snapshot.mjs <pyodide dir> <checklist.zip> <extract dir> <output.bin.gz> [<stdlib.zip>]
//   <stdlib.zip>: the stdlib zip the page ships (the engine's trimmed one, pyodide_stdlib.mjs), so that the modules
//   in the snapshot's memory and the files the page's Python finds later come from the same zip.
//
// Starting Python from a snapshot skips interpreter start-up and the engine's imports (measured: about 0.25 s
// instead of about 2 s under Node). `_makeSnapshot`, `_loadSnapshot` and `makeMemorySnapshot` are private
// Pyodide APIs: the snapshot is only valid for the exact Pyodide build it was made with, which is why
// hooks/checklist_page.py names it by a hash of that build and of the engine, and why the page's worker falls
// back to a normal start if loading it fails. Only the wasm memory is saved, not Pyodide's in-memory file
// system: the worker unpacks the engine zip again (its gettext catalogs are read from files at run time).

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [pyodideDir, zipPath, extractDir, output, stdLibURL] = process.argv.slice(2);
if (!output) {
  console.error("usage: node pyodide_snapshot.mjs <pyodide dir> <checklist.zip> <extract dir> <output.bin.gz>");
  process.exit(2);
}
console.log = console.error; // keep Pyodide's start-up chatter off stdout
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: pyodideDir + path.sep, stdLibURL, _makeSnapshot: true });
const zip = readFileSync(zipPath);
py.unpackArchive(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), "zip", { extractDir });
py.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(extractDir)})\nimport checklist.web`);
writeFileSync(output, gzipSync(py.makeMemorySnapshot(), { level: 6 }));
