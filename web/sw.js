// Service worker: keeps every file of one build in one cache so Debrief starts offline, and switches builds only when a page asks.
// This is a template: scripts/lib/make_precache.mjs writes build/site/sw.js with the file list and build hash filled in.
'use strict';

self.DEBRIEF_BUILD = __DEBRIEF_BUILD__;

const BUILD = self.DEBRIEF_BUILD;
const PREFIX = 'debrief-';
// One cache per build, named by its content hash: app.js and app.wasm always come from the same build.
const CACHE = PREFIX + BUILD.version;
const urlOf = (path) => new URL(path, self.location).href;
const INDEX = urlOf('index.html');
const ROOT = urlOf('./');

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

// Fetches a file and checks it against the hash the build recorded; null when it does not match.
async function verified(path, hash, url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    if (init.cache === 'only-if-cached') return null; // not in the HTTP cache: a network error by design
    throw e;
  }
  if (!response.ok) {
    if (init.cache === 'only-if-cached') return null;
    throw new Error(`${path}: HTTP ${response.status}`);
  }
  const body = await response.arrayBuffer();
  // The build records the first 128 bits of each file's SHA-256 (scripts/lib/make_precache.mjs).
  if (hex(await crypto.subtle.digest('SHA-256', body)).slice(0, 32) !== hash) return null;
  return { response, body };
}

// Puts every file of the build in its cache, each checked against its hash: a deployment caught
// half-way (new app.js, old app.wasm) fails the install instead of caching a mix; the browser retries.
// The first visit has just downloaded most files, so each is first taken from the HTTP cache
// ('only-if-cached' never touches the network, and may return a stale entry: the hash decides);
// only a file missing there or from another build is downloaded, with 'reload' so that the
// HTTP cache cannot hand back the previous build's copy. Each file is transferred once.
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(Object.entries(BUILD.files).map(async ([path, hash]) => {
    const url = urlOf(path);
    if (await cache.match(url)) return; // verified by an earlier, interrupted install of this same build
    // The page itself was usually loaded as ./, not ./index.html: both are the same file.
    const cachedUrls = url === INDEX ? [url, ROOT] : [url];
    let found = null;
    for (const candidate of cachedUrls) {
      found = await verified(path, hash, candidate, { cache: 'only-if-cached', mode: 'same-origin' });
      if (found) break;
    }
    found = found || await verified(path, hash, url, { cache: 'reload' });
    if (!found) throw new Error(`${path} does not match build ${BUILD.version}`);
    const { response, body } = found;
    // Keep the server's headers (app.wasm must stay application/wasm for streaming compilation),
    // except those that described the compressed transfer rather than the decoded body we store.
    const headers = new Headers(response.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    // A new Response also drops `redirected`: hosts that redirect index.html to ./ would otherwise
    // hand navigations a redirected response, which browsers refuse.
    await cache.put(url, new Response(body, { status: 200, statusText: response.statusText, headers }));
  }));
}

self.addEventListener('install', (event) => {
  // No skipWaiting here: open pages keep their build until the user chooses Reload (web/shell.js).
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
  })());
  // No clients.claim(): a page that loaded without a worker keeps loading from the network, so a
  // page only ever switches builds through the explicit Reload below.
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

// A language catalogue is fetched only when someone chooses that language: the first fetch goes to
// the network, is checked against the build's hash and kept in this build's cache for offline use.
async function fetchLazy(cache, url, path) {
  const found = await verified(path, BUILD.lazy[path], url, { cache: 'reload' });
  if (!found) throw new Error(`${path} does not match build ${BUILD.version}`);
  const headers = new Headers(found.response.headers);
  headers.delete('content-encoding');
  headers.delete('content-length');
  const response = new Response(found.body, { status: 200, statusText: found.response.statusText, headers });
  await cache.put(url, response.clone());
  return response;
}

async function respond(request) {
  const url = new URL(request.url);
  // Navigations to the app (with or without index.html, any query) get the cached page.
  const key = request.mode === 'navigate' && (url.href.split(/[?#]/)[0] === ROOT) ? INDEX : url.href;
  // Only this build's cache: caches.match() would search every cache and could mix builds.
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key, { ignoreSearch: true });
  if (cached) return cached;
  const path = url.pathname.slice(new URL(ROOT).pathname.length);
  if (BUILD.lazy && Object.prototype.hasOwnProperty.call(BUILD.lazy, path)) return fetchLazy(cache, urlOf(path), path);
  // Anything not precached (or a cache the browser evicted) falls back to the network.
  return fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // The app is static: cache-first for every same-origin GET, the rest goes to the network untouched.
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
