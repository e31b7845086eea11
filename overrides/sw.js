/* The site's service worker (ARCHITECTURE.md, "Offline"): after one visit of the checklist page, the guide pages, the
 * checklist page, Pyodide and the engine work without a network.
 *
 * - One cache per build, named by the build's version (a hash of every listed file, written below by
 *   hooks/service_worker.py with each file's SHA-256): installed whole, each file checked against its SHA-256
 *   (any file that fails or differs fails the install), and only then made active; the older caches are deleted
 *   at that moment. A page and its engine always come from the same build.
 * - Cache first for the listed files of this site, the network for everything else. Nothing of another origin
 *   is ever cached or answered (the page's CSP allows no other origin anyway).
 * - The Pyodide memory snapshot is not listed: the engine's worker keeps it itself after a first visit.
 * Registered by the checklist page only (checklist/offline.js), once Python is ready, so that a first visit
 * downloads nothing more before the engine starts; guide pages then come from here too.
 */

const MANIFEST = null; // hooks/service_worker.py writes {version, files, sha256} here at build time

const PREFIX = "pct-site-";
const CACHE = `${PREFIX}${MANIFEST.version}`;
const SCOPE = new URL(self.registration.scope);
const LISTED = new Set(MANIFEST.files.map((file) => new URL(file, SCOPE).href));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => Promise.all(MANIFEST.files.map((file, index) => keep(cache, file, MANIFEST.sha256[index]))))
      .catch(async (error) => {
        await caches.delete(CACHE); // all or nothing: a half-filled cache is never used, the previous one stays
        throw error;
      })
      .then(() => self.skipWaiting()),
  );
});

/** Fetch one listed file and keep it only if its bytes are the build's (the SHA-256 in the list): a host caught
 * half-way through a deploy, or a stale proxy, would otherwise pin a mixed build offline. A refused file fails
 * the install; the service worker (and cache) already active keeps serving. */
async function keep(cache, file, expected) {
  const url = new URL(file, SCOPE).href;
  // "no-cache": the browser's HTTP cache may hold an older page; a file named by its content answers 304 at once.
  const response = await fetch(new Request(url, { cache: "no-cache" }));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const copy = response.clone();
  const digest = await crypto.subtle.digest("SHA-256", await response.arrayBuffer());
  const actual = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  if (actual !== expected) throw new Error(`${file}: SHA-256 ${actual}, not the build's ${expected}`);
  await cache.put(url, copy);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The listed URL a request stands for: same origin only, without query or fragment; a page's `index.html`
 * is kept under its directory URL. */
function listedURL(request) {
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return null;
  url.search = "";
  url.hash = "";
  if (url.pathname.endsWith("/index.html")) url.pathname = url.pathname.slice(0, -"index.html".length);
  return LISTED.has(url.href) ? url.href : null;
}

async function fromCache(request, url) {
  // caches.match, not caches.open(CACHE).match: opening creates the cache, so a page still controlled after
  // "Delete everything" would bring an empty offline copy back with its next request.
  const kept = await caches.match(url, { cacheName: CACHE });
  if (!kept) return fetch(request);
  // Pyodide's start-up checks (worker.js) send HEAD requests: the same status and headers, no body.
  return request.method === "HEAD" ? new Response(null, { status: kept.status, headers: kept.headers }) : kept;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" && request.method !== "HEAD") return;
  const url = listedURL(request);
  if (url) event.respondWith(fromCache(request, url));
});
