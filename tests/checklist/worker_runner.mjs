// Runs the page's worker script (overrides/assets/javascripts/checklist/worker.js) under Node with real Pyodide
// and prints what it posts as one JSON object {replies, events}: the replies (with an id) in order, so that a test
// can check the protocol's one reply shape, and the messages without an id (progress, snapshot-kept) apart.
//
// Usage: node tests/checklist/worker_runner.mjs <checklist.zip> <messages.json>
//   <messages.json>  a JSON list of {fn, args} sent in order (ids 1, 2, …); "init" args get the local paths.
// Node has no Worker global scope: `self` is a stand-in with addEventListener/postMessage, and `fetch` reads the
// two files the worker fetches (the engine zip, no snapshot) from the disk.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYODIDE_DIR = path.join(REPO_ROOT, "node_modules", "pyodide");
const WORKER = path.join(REPO_ROOT, "overrides", "assets", "javascripts", "checklist", "worker.js");

const listeners = [];
const replies = [];
const events = [];
let waiting = null;
globalThis.self = {
  addEventListener: (type, listener) => type === "message" && listeners.push(listener),
  postMessage: (message) => {
    if (message?.id === undefined) {
      events.push(message); // not a reply: the request is still running
      return;
    }
    replies.push(message);
    waiting?.();
  },
};
// Content-Type as a correctly configured server sends it: the worker checks it before starting Pyodide.
const TYPES = { ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm", ".zip": "application/zip" };
globalThis.fetch = async (url, init = {}) => {
  const file = String(url).startsWith("file:") ? fileURLToPath(url) : String(url);
  const headers = { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" };
  return new Response(init.method === "HEAD" ? null : readFileSync(file), { headers });
};

async function send(id, fn, args) {
  const before = replies.length;
  const posted = new Promise((resolve) => {
    waiting = resolve;
  });
  for (const listener of listeners) listener({ data: { id, fn, args } });
  if (replies.length === before) await posted;
}

async function main([zipPath, messagesPath]) {
  await import(pathToFileURL(WORKER).href);
  const messages = JSON.parse(readFileSync(messagesPath, "utf8"));
  let id = 0;
  for (const { fn, args } of messages) {
    const full =
      fn === "init"
        ? { pyodide: PYODIDE_DIR + path.sep, bundle: pathToFileURL(zipPath).href, snapshot: null, extractDir: "/engine" }
        : args;
    await send(++id, fn, full);
  }
  return JSON.stringify({ replies, events });
}

console.log = console.error;
try {
  process.stdout.write(`${await main(process.argv.slice(2))}\n`);
} catch (error) {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exitCode = 1;
}
