/* The offline copy of one borough's site: a service worker whose scope is the borough's
   folder. Written by src/handbook/postbuild/offline.py, which fills in VERSION (the edition
   and a hash of every file below), PRECACHE (the borough's pages, assets, search index and
   vocabulary) and ON_DEMAND (the folders kept once fetched: the PDFs, the open data).

   - Installing fetches every file of PRECACHE afresh into a cache named for this scope and
     VERSION, so after the first visit every page, the finder, Who to call and search work
     with no signal. A build that changes any file changes VERSION, so the browser installs
     the new worker, which replaces the cache and deletes the old one.
   - Online, every request goes to the network first: a page is never older than the one
     published. What comes back is kept; with no network, the kept copy answers.
   - A page asked for with a query (?age=15 on the finder) is the same page: kept once.
*/
"use strict";

const VERSION = __VERSION__;
const PRECACHE = __PRECACHE__;
const ON_DEMAND = __ON_DEMAND__;

const SCOPE = self.registration.scope;
const PREFIX = `handbook ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const KEPT = new Set(PRECACHE.map((path) => new URL(path, SCOPE).href));
const KEPT_ON_DEMAND = ON_DEMAND.map((path) => new URL(path, SCOPE).href);
const NOT_FOUND = new URL("404.html", SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: "reload" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const page = request.mode === "navigate";
  const key = withoutQuery(request.url);
  if (!page && !KEPT.has(key) && !KEPT_ON_DEMAND.some((folder) => key.startsWith(folder))) {
    return; // not part of the site's copy: the browser fetches it as usual
  }
  event.respondWith(networkFirst(event, key, page));
});

async function networkFirst(event, key, page) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.status === 200 && response.type === "basic") {
      event.waitUntil(cache.put(key, response.clone()));
    }
    return response;
  } catch (offline) {
    const kept = (await cache.match(key)) || (page && (await cache.match(NOT_FOUND)));
    if (kept) return kept;
    throw offline;
  }
}

function withoutQuery(url) {
  const parsed = new URL(url);
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}
