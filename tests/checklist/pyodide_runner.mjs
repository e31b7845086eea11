// Runs the checklist engine in real Pyodide under Node and prints the plans as one JSON array.
//
// Usage: node tests/checklist/pyodide_runner.mjs <checklist.zip> <documents.json> [plan|team|team_csv|import]
//   <checklist.zip>   the archive from checklist.bundle.build_zip (the one the web page will ship)
//   <documents.json>  a JSON list of input documents
//   entry point       plan (default): checklist.plan(document); team: checklist.team.team(document);
//                     team_csv: checklist.team.team_from_csv(**document), plus its team_to_csv export as "csv"
//                     import: documents is a list of module names, each imported (prints the __name__ of each)
//   PCT_STDLIB (env)  the stdlib zip to start Python with (the site's trimmed one; Pyodide's own when unset)
// Stdout: one JSON array, one item per document: the result, or {"error": ChecklistError.to_dict()}.
// Everything else (Pyodide's own start-up output, Python prints, errors) goes to stderr.
// Pyodide loads from node_modules/pyodide only (no CDN), resolved from the repository root.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYODIDE_DIR = path.join(REPO_ROOT, "node_modules", "pyodide");
const EXTRACT_DIR = "/checklist_bundle";

const RUN_PLANS = `
import json
import sys

sys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})
import checklist

if not checklist.__file__.startswith(${JSON.stringify(`${EXTRACT_DIR}/`)}):
    raise RuntimeError(f"checklist imported from {checklist.__file__}, not from the bundle")


def _call(document):
    if entry == "team":
        from checklist.team import team

        return team(document)
    if entry == "team_csv":
        from checklist.team import team_from_csv, team_to_csv

        result = team_from_csv(**document)
        return {**result, "csv": team_to_csv(result)}
    return checklist.plan(document)


def _import(name):
    import importlib

    return importlib.import_module(name).__name__


def _run(document):
    try:
        return _call(document)
    except checklist.ChecklistError as error:
        return {"error": error.to_dict()}


json.dumps([(_import if entry == "import" else _run)(document) for document in json.loads(documents_json)], ensure_ascii=False)
`;

async function main([zipPath, documentsPath, entry = "plan"]) {
  if (!zipPath || !documentsPath) {
    throw new Error("usage: node pyodide_runner.mjs <checklist.zip> <documents.json>");
  }
  const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE_DIR, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: PYODIDE_DIR + path.sep,
    stdLibURL: process.env.PCT_STDLIB || undefined,
    stdout: (line) => process.stderr.write(`[pyodide stdout] ${line}\n`),
    stderr: (line) => process.stderr.write(`[pyodide stderr] ${line}\n`),
  });
  // A Node Buffer is refused ("Unknown typed array type 'Buffer'"): hand Pyodide a plain Uint8Array view.
  const zip = readFileSync(zipPath);
  pyodide.unpackArchive(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), "zip", { extractDir: EXTRACT_DIR });
  pyodide.globals.set("documents_json", readFileSync(documentsPath, "utf8"));
  pyodide.globals.set("entry", entry);
  return pyodide.runPython(RUN_PLANS);
}

// Keep stdout for the result alone: anything logged through console.log goes to stderr instead.
console.log = console.error;
try {
  process.stdout.write(`${await main(process.argv.slice(2))}\n`);
} catch (error) {
  // Report the error ourselves: left uncaught, Node echoes the offending source line, i.e. all of the
  // minified pyodide.asm.mjs, burying the Python traceback.
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
}
