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

// Fetches every file and checks it against the hash the build recorded: a deployment caught half-way
// (new app.js, old app.wasm) fails the install instead of caching a mix; the browser retries later.
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(Object.entries(BUILD.files).map(async ([path, hash]) => {
    const url = urlOf(path);
    if (await cache.match(url)) return; // verified by an earlier, interrupted install of this same build
    // 'reload' skips the HTTP cache, which may still hold the previous build's copy.
    const response = await fetch(url, { cache: 'reload' });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    const body = await response.arrayBuffer();
    if (hex(await crypto.subtle.digest('SHA-256', body)) !== hash) {
      throw new Error(`${path} does not match build ${BUILD.version}`);
    }
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

async function respond(request) {
  const url = new URL(request.url);
  // Navigations to the app (with or without index.html, any query) get the cached page.
  const key = request.mode === 'navigate' && (url.href.split(/[?#]/)[0] === ROOT) ? INDEX : url.href;
  // Only this build's cache: caches.match() would search every cache and could mix builds.
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key, { ignoreSearch: true });
  // Anything not precached (or a cache the browser evicted) falls back to the network.
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // The app is static: cache-first for every same-origin GET, the rest goes to the network untouched.
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
