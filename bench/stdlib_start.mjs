// One Node start of Pyodide with a given stdlib zip, up to the engine imported (bench/stdlib_variants.py).
//
// Usage: node bench/stdlib_start.mjs <pyodide dir> <checklist.zip> <stdlib.zip>
// Stdout: {"python": ms of loadPyodide, "engine": ms of unpacking and importing checklist.web, "plan": ms of a
// first French plan}. Everything else goes to stderr.

import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, zipPath, stdLibURL] = process.argv.slice(2);
console.log = console.error;
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const started = performance.now();
const py = await loadPyodide({ indexURL: pyodideDir + path.sep, stdLibURL });
const loaded = performance.now();
const zip = readFileSync(zipPath);
py.unpackArchive(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), "zip", { extractDir: "/checklist_bundle" });
py.runPython("import sys\nsys.path.insert(0, '/checklist_bundle')");
const call = py.pyimport("checklist.web").call;
const ready = performance.now();
const reply = JSON.parse(call("plan", JSON.stringify({ answers: { role: "admin", language: "fr", today: "2027-03-01" } })));
if (!reply.ok) throw new Error(JSON.stringify(reply));
const planned = performance.now();
process.stdout.write(`${JSON.stringify({ python: loaded - started, engine: ready - loaded, plan: planned - ready })}\n`);
