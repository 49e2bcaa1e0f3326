// The back/forward cache (issue #15 item 6): leaving Debrief for another page and coming back
// restores the page as it was, instead of starting the wasm again, and the restored page keeps
// saving. Playwright turns the cache off by default (--disable-back-forward-cache): this file asks
// for Chromium's normal behaviour.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newReflection, openApp, startServer, storedReflections, waitSaved } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

test('back to Debrief comes from the back/forward cache, and the page still saves', async () => {
  const browser = await launch(null, { ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  try {
    const page = await browser.context.newPage();
    // Every pageshow, with its persisted flag (true: restored from the back/forward cache).
    await page.addInitScript(() => {
      window.pageshows = [];
      addEventListener('pageshow', (e) => window.pageshows.push(e.persisted));
    });
    await openApp(page, server.url);
    await newReflection(page, 'Before leaving');
    await waitSaved(page);

    await page.goto(`${server.url}manifest.webmanifest`);
    // A restored page fires no load event: wait for the navigation to commit, then for pageshow.
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => Array.isArray(window.pageshows) && window.pageshows.length === 2);
    assert.deepEqual(await page.evaluate(() => window.pageshows), [false, true], 'restored, not reloaded');
    assert.equal(await page.evaluate(() => window.debrief.state), 'ready');

    // The restored page is the same live app: an edit is drawn and saved.
    const company = page.getByLabel('Company', { exact: true });
    await company.fill('After coming back');
    await waitSaved(page);
    assert.deepEqual((await storedReflections(page)).map((r) => r.company), ['After coming back']);
  } finally {
    await browser.cleanup();
  }
});
