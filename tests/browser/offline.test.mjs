// Offline and installable: the service worker precaches the build, the app starts offline and makes no requests after loading, a new deployment is offered by the update banner, the manifest and icons are valid.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, SITE, launch, openApp, startServer, waitIdle, waitSettled, watchErrors } from './harness.mjs';
import { describeSite, makePrecache, readBuild } from '../../scripts/lib/make_precache.mjs';

const TEMPLATE = join(ROOT, 'web', 'sw.js');

// The build description that make_precache.mjs wrote into a site's sw.js.
async function builtSite(siteDir) {
  const build = readBuild(await readFile(join(siteDir, 'sw.js'), 'utf8'));
  assert.ok(build, `${siteDir}/sw.js carries no build description: run the build (or make_precache.mjs)`);
  return build;
}

// The service worker's caches. The page keeps its glyph atlas in a cache of its own ('glyph-atlas',
// web/shell.js), which the worker leaves alone.
const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('debrief-')));
const controlled = (page) => page.evaluate(() => Boolean(navigator.serviceWorker.controller));

// Opens the app online and waits for the browser's check for a new sw.js, which it makes about a
// second after each navigation has finished loading (that check is how updates arrive; it belongs to
// the load). A check seen before the app is ready may still be the previous navigation's. The wait
// ends on the server's request event; after 10 s without one it goes on (as a browser that skips
// the check would), the assertions that follow deciding.
async function openAndCheck(page, server) {
  await openApp(page, server.url);
  const from = server.requests.length;
  await new Promise((resolve) => {
    if (server.requests.slice(from).includes('/sw.js')) return resolve();
    const done = () => {
      clearTimeout(deadline);
      server.server.off('request', onRequest);
      resolve();
    };
    const onRequest = (request) => { if (new URL(request.url, 'http://x').pathname === '/sw.js') done(); };
    const deadline = setTimeout(done, 10000);  // a deadline, not a delay
    server.server.on('request', onRequest);
  });
}

// First visit: loads the app, waits for the worker to finish installing, then reloads once, because
// a page that loaded without a worker stays uncontrolled (sw.js deliberately does not claim pages).
async function firstVisit(page, server) {
  await openApp(page, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await controlled(page))) await openAndCheck(page, server);
  assert.equal(await controlled(page), true, 'the service worker controls the page');
}

// Requests this page sends that the service worker did not answer, i.e. that went to the network.
function watchNetwork(page) {
  const seen = [];
  page.on('requestfinished', async (request) => {
    const response = await request.response();
    if (!response || !response.fromServiceWorker()) seen.push(request.url());
  });
  page.on('requestfailed', (request) => seen.push(`${request.url()} (failed: ${request.failure()?.errorText})`));
  return seen;
}

// PNG width and height from the IHDR chunk, which always comes first.
function pngSize(bytes) {
  assert.equal(bytes.subarray(0, 8).toString('latin1'), '\x89PNG\r\n\x1a\n', 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('offline after the first visit', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await startServer();
    browser = await launch();
    page = await browser.context.newPage();
    await firstVisit(page, server);
  });

  after(async () => {
    await browser.cleanup();
    server.server.close();
  });

  test('the precache holds exactly this build, in one cache named by its hash', async () => {
    const build = await builtSite(SITE);
    const current = await describeSite(SITE, await readFile(TEMPLATE, 'utf8'));
    assert.deepEqual(build, current, 'build/site/sw.js describes the files build/site/ holds now');
    assert.deepEqual(await cacheNames(page), [`debrief-${build.version}`]);
    const cached = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1)).sort();
    }, `debrief-${build.version}`);
    assert.deepEqual(cached, Object.keys(build.files).sort());
    assert.ok(cached.includes('app.wasm') && cached.includes('fonts/latin.ttc') && cached.includes('manifest.webmanifest'));
  });

  test('the app starts offline', async () => {
    const sent = server.requests.length;
    const answered = new Map();
    page.on('response', (response) => answered.set(new URL(response.url()).pathname, response.fromServiceWorker()));
    await browser.context.setOffline(true);
    try {
      await openApp(page, server.url);
      await page.getByRole('button', { name: 'New reflection' }).waitFor();
      assert.equal(await controlled(page), true);
      // The worker answered everything, from its one cache (so app.js and app.wasm match); the
      // browser's own update check for sw.js cannot get out.
      for (const path of ['/', '/shell.js', '/app.js', '/app.wasm', '/fonts/latin.ttc']) {
        assert.equal(answered.get(path), true, `${path} came from the service worker`);
      }
      assert.deepEqual(server.requests.slice(sent), []);
      // Journal persistence checks (write online, read back offline) belong here.
    } finally {
      await browser.context.setOffline(false);
    }
  });

  test('no network requests after the first load', async () => {
    await openAndCheck(page, server);
    const network = watchNetwork(page);
    const errors = watchErrors(page);
    const sent = server.requests.length;
    for (const name of ['Reminders', 'Journal', 'Reminders', 'Journal']) {
      const tab = page.getByRole('tab', { name });
      await tab.click();
      await page.waitForFunction((el) => el.getAttribute('aria-selected') === 'true', await tab.elementHandle());
      await waitIdle(page);
    }
    await page.getByRole('button', { name: 'New reflection' }).waitFor();
    // Once the app has settled (nothing drawing, no timer, no storage work) it has nothing left
    // that could fetch: any request it makes after loading would have been made by now.
    await waitSettled(page);
    assert.deepEqual(server.requests.slice(sent), [], 'requests that reached the server');
    assert.deepEqual(network, [], 'requests the service worker did not answer');
    assert.deepEqual(errors, []);
  });

  test('the manifest makes the app installable', async () => {
    const manifestUrl = new URL('manifest.webmanifest', server.url);
    const response = await fetch(manifestUrl);
    assert.match(response.headers.get('content-type'), /^application\/manifest\+json/);
    const manifest = await response.json();
    assert.equal(manifest.name, 'Debrief');
    assert.equal(manifest.short_name, 'Debrief');
    assert.ok(manifest.description.length > 10);
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.background_color, '#f8f6f2');
    assert.equal(manifest.theme_color, '#f8f6f2');
    const found = [];
    for (const icon of manifest.icons) {
      const bytes = Buffer.from(await (await fetch(new URL(icon.src, manifestUrl))).arrayBuffer());
      const { width, height } = pngSize(bytes);
      assert.equal(`${width}x${height}`, icon.sizes, icon.src);
      assert.equal(icon.type, 'image/png');
      found.push(`${icon.sizes} ${icon.purpose || 'any'}`);
    }
    assert.deepEqual(found.sort(), ['192x192 any', '512x512 any', '512x512 maskable']);

    // Chromium's own verdict on the page it has open (DevTools protocol).
    const cdp = await browser.context.newCDPSession(page);
    const { url, errors } = await cdp.send('Page.getAppManifest');
    assert.equal(url, manifestUrl.href);
    assert.deepEqual(errors, []);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    await cdp.detach();
  });

  test('sw.js is served uncached', async () => {
    const response = await fetch(new URL('sw.js', server.url));
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.match(response.headers.get('content-type'), /^text\/javascript/);
  });
});

describe('a second deployment', () => {
  let site;
  let server;
  let browser;

  before(async () => {
    // A copy of the site that the test can "deploy" over, without compiling a second build.
    site = await mkdtemp(join(tmpdir(), 'debrief-site-'));
    await cp(SITE, site, { recursive: true });
    server = await startServer(site);
    browser = await launch();
  });

  after(async () => {
    await browser.cleanup();
    server.server.close();
    await rm(site, { recursive: true, force: true });
  });

  test('is offered by the update banner and runs after Reload', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await firstVisit(page, server);
    const first = await builtSite(site);
    assert.deepEqual(await cacheNames(page), [`debrief-${first.version}`]);
    const banner = page.locator('#update-banner');
    assert.equal(await banner.textContent(), '', 'no banner without an update');

    // Deploy: change a file, regenerate sw.js as the build would.
    await appendFile(join(site, 'shell.js'), '\nwindow.debriefTestBuild = 2; // the second deployment (offline.test.mjs)\n');
    const second = await makePrecache(site, TEMPLATE);
    assert.notEqual(second.version, first.version);

    // The next visit still runs the first build (from its cache); the browser finds the new worker.
    await openApp(page, server.url);
    const reload = page.getByRole('button', { name: 'Reload' });
    await reload.waitFor({ timeout: 30000 });
    assert.equal(await banner.getAttribute('role'), 'status');
    assert.match(await banner.textContent(), /^Update available/);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'offline-update-banner.png') });
    assert.equal(await page.evaluate(() => window.debriefTestBuild), undefined, 'not auto-activated');
    assert.deepEqual((await cacheNames(page)).sort(), [`debrief-${first.version}`, `debrief-${second.version}`].sort());

    // A failed save keeps the page (and the old build) and says so; nothing switches.
    await page.evaluate(() => {
      const storage = window.DebriefStorage || (window.DebriefStorage = {});
      storage.flush = async () => false;
    });
    await reload.click();
    await page.getByText('not saved yet').waitFor();
    assert.equal(await page.evaluate(() => window.debriefTestBuild), undefined);
    assert.equal(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting)), true);

    // A later visit offers the build that is still waiting.
    await openApp(page, server.url);
    await reload.waitFor();
    assert.match(await banner.textContent(), /^Update available/);

    // The storage glue (web/storage.js) must be flushed before the switch; record when it ran.
    await page.evaluate(() => {
      const storage = window.DebriefStorage || (window.DebriefStorage = {});
      const flush = storage.flush;
      storage.flush = async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        sessionStorage.setItem('flushed-while-waiting', String(Boolean(registration && registration.waiting)));
        if (flush) await flush.call(storage);
      };
    });

    const reloaded = page.waitForEvent('load');
    await reload.click();
    await reloaded;
    await page.waitForFunction(() => window.debrief && window.debrief.state === 'ready', null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.debriefTestBuild), 2, 'the new build runs');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('flushed-while-waiting')), 'true', 'saved before switching');
    assert.equal(await controlled(page), true);
    assert.deepEqual(await cacheNames(page), [`debrief-${second.version}`], 'the old cache is gone');
    // "ready" comes at the end of main(); the fonts are loaded by the first frame, after it.
    await page.waitForFunction(() => window.debrief.atlas !== undefined, null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.debrief.atlas), 'restored', 'the glyph atlas outlives the build');
    assert.equal(await banner.textContent(), '');

    // The new cache holds exactly the second build's bytes (app.js and app.wasm from one build).
    const hashes = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      const out = {};
      for (const request of await cache.keys()) {
        const digest = await crypto.subtle.digest('SHA-256', await (await cache.match(request)).arrayBuffer());
        // The build lists the first 128 bits of each file's SHA-256 (scripts/lib/make_precache.mjs).
        out[new URL(request.url).pathname.slice(1)] = Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
      }
      return out;
    }, `debrief-${second.version}`);
    assert.deepEqual(hashes, second.files);
    assert.deepEqual(errors, []);
  });
});
