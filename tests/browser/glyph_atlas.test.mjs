// The glyph atlas kept between visits (src/ui/atlas_cache.h, web/shell.js): the first start builds it
// and keeps it in the 'glyph-atlas' cache; the next start restores it and draws the very same page.
// A damaged entry or storage that refuses to open costs a rebuild, never the start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, startServer, watchErrors } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

// Opens the app in a new tab and waits until it has drawn and has nothing left to do (so the atlas
// it built is in the cache): how its atlas came, and a picture of the page.
async function start(context, { waitKept = false } = {}) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  if (waitKept) await page.waitForFunction(() => window.debrief.atlasWrites >= 1, null, { timeout: 30000 });
  const atlas = await page.evaluate(() => window.debrief.atlas);
  const picture = await page.screenshot();
  assert.deepEqual(errors, []);
  return { page, atlas, picture };
}

const keptBytes = (page) => page.evaluate(async () => {
  const response = await (await caches.open('glyph-atlas')).match('atlas/latin.atlas');
  return response ? (await response.arrayBuffer()).byteLength : 0;
});

test('the second start restores the atlas the first one built, and draws the same page', async () => {
  const browser = await launch(null);
  try {
    const first = await start(browser.context, { waitKept: true });
    assert.equal(first.atlas, 'built');
    assert.ok(await keptBytes(first.page) > 100000, 'the atlas is in the cache');
    await first.page.close();

    const second = await start(browser.context);
    assert.equal(second.atlas, 'restored');
    assert.ok(second.picture.equals(first.picture), 'the restored atlas draws exactly what the built one drew');
    assert.equal(await second.page.evaluate(() => window.debrief.atlasWrites), undefined, 'nothing new to keep');
    // /atlas is in memory: once read, its files are gone (the restored atlas is in ImGui's hands).
    assert.deepEqual(await second.page.evaluate(() => FS.readdir('/atlas').filter((n) => n.endsWith('.atlas'))), []);
  } finally {
    await browser.cleanup();
  }
});

test('a damaged atlas in the cache is built again and replaced', async () => {
  const browser = await launch(null);
  try {
    const first = await start(browser.context, { waitKept: true });
    const size = await keptBytes(first.page);
    // The cache entry cut in half and with one byte changed: as a full disk or a crash could leave it.
    await first.page.evaluate(async () => {
      const cache = await caches.open('glyph-atlas');
      const bytes = new Uint8Array(await (await cache.match('atlas/latin.atlas')).arrayBuffer());
      const damaged = bytes.slice(0, bytes.length >> 1);
      damaged[100] ^= 0xff;
      await cache.put('atlas/latin.atlas', new Response(damaged));
    });
    await first.page.close();

    const second = await start(browser.context, { waitKept: true });
    assert.equal(second.atlas, 'built');
    assert.ok(second.picture.equals(first.picture), 'built again, the page is drawn as before');
    assert.equal(await keptBytes(second.page), size, 'the damaged entry was replaced by a whole atlas');
    await second.page.close();

    assert.equal((await start(browser.context)).atlas, 'restored');
  } finally {
    await browser.cleanup();
  }
});

test('storage that refuses the cache (no quota, blocked) only means the atlas is built each time', async () => {
  const browser = await launch(null);
  try {
    await browser.context.addInitScript(() => {
      CacheStorage.prototype.open = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    });
    for (let visit = 0; visit < 2; ++visit) {
      const { page, atlas } = await start(browser.context);
      assert.equal(atlas, 'built');
      assert.equal(await page.evaluate(() => window.debrief.state), 'ready');
      await page.close();
    }
  } finally {
    await browser.cleanup();
  }
});

// The Arabic interface needs two atlases in one start: the Latin one for the first frame, then one
// with the Arabic glyphs once Arabic is drawn. Both are kept, and a phone's next start restores both.
test('an Arabic phone keeps both of its atlases and restores them on the next start', async () => {
  const browser = await launch(null, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, locale: 'ar-EG' });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    // Every atlas a start loads, in order.
    await page.addInitScript(() => {
      window.atlasLoads = [];
      let shown;
      Object.defineProperty(window, 'debrief', {
        configurable: true,
        get: () => shown,
        set: (value) => {
          shown = value;
          let atlas;
          Object.defineProperty(value, 'atlas', { configurable: true, get: () => atlas, set: (a) => { atlas = a; window.atlasLoads.push(a); } });
        },
      });
    });
    await openApp(page, server.url);
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await page.waitForFunction(() => window.debrief.atlasWrites >= 2, null, { timeout: 30000 });
    assert.deepEqual(await page.evaluate(() => window.atlasLoads), ['built', 'built']);
    const first = await page.screenshot();

    await page.reload();
    await openApp(page, server.url);
    assert.deepEqual(await page.evaluate(() => window.atlasLoads), ['restored', 'restored']);
    assert.ok((await page.screenshot()).equals(first), 'the restored atlases draw the same Arabic page');
    assert.deepEqual(errors, []);
  } finally {
    await browser.cleanup();
  }
});
