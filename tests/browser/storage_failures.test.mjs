// When storage fails the user is told, nothing typed is lost, and saving resumes; a damaged stored
// line is set aside while the rest of the journal loads; the old one-file-per-record layout migrates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newReflection, openApp, reveal, startServer, storedReflections, waitSaved, waitSettled } from './harness.mjs';

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

test('a damaged line in a stored shard is quarantined and reported; the rest of the journal loads', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await openApp(page, server.url);
    await newReflection(page, 'Healthy reflection');
    await waitSaved(page);
    // A torn line appended to the shard that holds the healthy reflection.
    const shard = await page.evaluate(() => new Promise((resolve) => {
      const [name] = FS.readdir('/journal/reflections').filter((n) => n.endsWith('.jsonl'));
      const path = `/journal/reflections/${name}`;
      FS.writeFile(path, FS.readFile(path, { encoding: 'utf8' }) + '{"format":"debrief-record","version":1,"type":"reflection","record":{"id":\n');
      FS.syncfs(false, () => resolve(name));
    }));
    await page.reload();
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Open \u2068Healthy reflection\u2069' }).waitFor();
    const files = await page.evaluate(() => FS.readdir('/journal/quarantine'));
    assert.ok(files.includes(`reflections-${shard}.1`), files.join());
    // Nothing was overwritten: the damaged bytes are kept for the user, and the shard lost only them.
    const kept = await page.evaluate((name) => FS.readFile(`/journal/quarantine/${name}`, { encoding: 'utf8' }), `reflections-${shard}.1`);
    assert.match(kept, /^\{"format":"debrief-record","version":1,"type":"reflection","record":\{"id":\n$/);
    assert.deepEqual((await storedReflections(page)).map((r) => r.company), ['Healthy reflection']);
    const data = page.getByRole('tab', { name: 'Your data' });
    await data.click();
    await page.waitForFunction((el) => el.getAttribute('aria-selected') === 'true', await data.elementHandle());
    const text = await page.evaluate(() => window.debrief.quarantined);
    assert.match(text || '', /set aside/);
  } finally {
    await browser.cleanup();
  }
});

test('a tab that opens read-only on a damaged line keeps the report and saves the set-aside once it writes', async () => {
  const browser = await launch();
  try {
    const first = await browser.context.newPage();
    await openApp(first, server.url);
    await newReflection(first, 'Healthy reflection');
    await waitSaved(first);
    await first.evaluate(() => new Promise((resolve) => {
      const [name] = FS.readdir('/journal/reflections').filter((n) => n.endsWith('.jsonl'));
      const path = `/journal/reflections/${name}`;
      FS.writeFile(path, FS.readFile(path, { encoding: 'utf8' }) + '{"format":"debrief-record","version":1,"type":"reflection","record":{"id":\n');
      FS.syncfs(false, () => resolve());
    }));
    // A second tab opens read-only (the first holds the lock) and sets the damaged line aside.
    const second = await browser.context.newPage();
    await openApp(second, server.url);
    assert.equal(await second.evaluate(() => window.debrief.storage.role), 'reader');
    assert.match(await second.evaluate(() => window.debrief.quarantined), /set aside/);
    // The first tab closes: the second becomes the writer, still reports it, and saves the result.
    await first.close();
    await second.bringToFront();
    await second.waitForFunction(() => window.debrief.storage.role === 'writer');
    await waitSettled(second);
    assert.match(await second.evaluate(() => window.debrief.quarantined), /set aside/);
    // IndexedDB holds the set-aside line and the repaired shard: a reload finds nothing to set aside.
    await second.reload();
    await openApp(second, server.url);
    assert.deepEqual((await storedReflections(second)).map((r) => r.company), ['Healthy reflection']);
    assert.equal(await second.evaluate(() => window.debrief.quarantined), '');
    assert.equal((await second.evaluate(() => FS.readdir('/journal/quarantine'))).filter((n) => n.startsWith('reflections-')).length, 1);
  } finally {
    await browser.cleanup();
  }
});

test('a journal stored one file per record (before shards) is moved into shards on load', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await openApp(page, server.url);
    await newReflection(page, 'Written before shards');
    await waitSaved(page);
    // Turn the stored shard back into the old layout: reflections/<id>.json, one pretty document.
    const id = await page.evaluate(() => new Promise((resolve) => {
      const dir = '/journal/reflections';
      const [name] = FS.readdir(dir).filter((n) => n.endsWith('.jsonl'));
      const doc = JSON.parse(FS.readFile(`${dir}/${name}`, { encoding: 'utf8' }).trim());
      FS.unlink(`${dir}/${name}`);
      FS.writeFile(`${dir}/${doc.record.id}.json`, JSON.stringify(doc, null, 2) + '\n');
      FS.syncfs(false, () => resolve(doc.record.id));
    }));
    await page.reload();
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Open \u2068Written before shards\u2069' }).waitFor();
    await waitSaved(page);
    const names = await page.evaluate(() => FS.readdir('/journal/reflections').filter((n) => !n.startsWith('.')));
    assert.ok(!names.includes(`${id}.json`), names.join());
    assert.deepEqual((await storedReflections(page)).map((r) => r.company), ['Written before shards']);
    // The migrated layout reached IndexedDB: a reload finds the same journal, once.
    await page.reload();
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Open \u2068Written before shards\u2069' }).waitFor();
    assert.deepEqual((await storedReflections(page)).map((r) => r.company), ['Written before shards']);
    assert.equal(await page.evaluate(() => window.debrief.quarantined), '');
  } finally {
    await browser.cleanup();
  }
});
