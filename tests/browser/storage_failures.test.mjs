// When storage fails the user is told, nothing typed is lost, and saving resumes; a damaged stored
// file is set aside while the rest of the journal loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newReflection, openApp, reveal, startServer, storedReflections, waitSaved } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

test('a sync that never completes (3.1.6 quota bug) shows "not saved" with Export, and saving resumes', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await openApp(page, server.url);
    await newReflection(page, 'Before the disk filled');
    await waitSaved(page);
    // Emscripten 3.1.6 never calls back after a quota error (emscripten-core/emscripten#21326):
    // make IndexedDB writes hang exactly like that.
    await page.evaluate(() => {
      window.debrief.storage.timeoutMs = 1000;
      window.__reconcile = IDBFS.reconcile;
      IDBFS.reconcile = () => {};
    });
    const field = page.getByLabel('Company', { exact: true });
    await field.fill('Typed while the disk was full');
    await page.waitForFunction(() => window.debrief.save === 'failed', null, { timeout: 10000 });
    await reveal(page, page.getByRole('button', { name: 'Download journal (.json)' }));
    assert.equal(await field.inputValue(), 'Typed while the disk was full');  // nothing lost on screen

    await page.evaluate(() => { IDBFS.reconcile = window.__reconcile; });
    await field.fill('Typed after space was freed');
    await waitSaved(page);
    await page.reload();
    await openApp(page, server.url);
    assert.deepEqual((await storedReflections(page)).map((r) => r.company), ['Typed after space was freed']);
  } finally {
    await browser.cleanup();
  }
});

test('a damaged stored file is quarantined and reported; the rest of the journal loads', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await openApp(page, server.url);
    await newReflection(page, 'Healthy reflection');
    await waitSaved(page);
    await page.evaluate(() => new Promise((resolve) => {
      FS.writeFile('/journal/reflections/0b1c2d3e-aaaa-4bbb-8ccc-123456789abc.json', '{"format":"debrief-record","version":1,"type":"reflection","record":{"id":');
      FS.syncfs(false, resolve);
    }));
    await page.reload();
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Open Healthy reflection' }).waitFor();
    const files = await page.evaluate(() => FS.readdir('/journal/quarantine'));
    assert.ok(files.some((f) => f.startsWith('0b1c2d3e-aaaa-4bbb-8ccc-123456789abc.json')), files.join());
    // Nothing was overwritten: the damaged bytes are kept for the user.
    await page.getByRole('tab', { name: 'Your data' }).click();
    await page.waitForTimeout(300);
    const text = await page.evaluate(() => window.debrief.quarantined);
    assert.match(text || '', /set aside/);
  } finally {
    await browser.cleanup();
  }
});
