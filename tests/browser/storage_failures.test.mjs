// When storage fails the user is told, nothing typed is lost, and saving resumes; a damaged stored
// line is set aside while the rest of the journal loads; the old one-file-per-record layout migrates;
// a journal the browser itself cleared is reported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, newProfileDir, newReflection, openApp, reveal, startServer, storedReflections, waitSaved, waitSettled } from './harness.mjs';
import { catalogue } from './catalogue.mjs';

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
    await page.waitForFunction(() => window.debrief.atlasWrites >= 1, null, { timeout: 30000 });
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
    // The glyph atlas shares the quota and is only a cache: its space goes back to the journal.
    for (const deadline = Date.now() + 10000; await page.evaluate(() => caches.has('glyph-atlas'));) {
      assert.ok(Date.now() < deadline, 'the glyph-atlas cache is still there');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

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

// Chromium deletes an origin's whole IndexedDB when it finds its LevelDB damaged (seen after the
// browser was killed mid-write: "Corruption: checksum mismatch"). Damaged here by flipping bytes in
// the closed profile's LevelDB files, so Chromium itself finds the damage and clears the store. The
// person is told, on the screen they open to, with the way back; and told once, not on every start.
// The mark that a journal was saved here is only set for a journal with something in it: a visit
// that wrote nothing still syncs when its page is hidden, and the next start must not report that
// empty journal as lost (a person who opened Debrief once and came back was told their journal was gone).
test('coming back after a visit that wrote nothing reports nothing lost', async () => {
  const lost = catalogue('en')('data.storage.lost');
  const browser = await launch(null);
  try {
    for (let visit = 0; visit < 3; ++visit) {
      const page = await browser.context.newPage();
      await openApp(page, server.url);
      await waitSettled(page);
      assert.equal(await page.evaluate(() => window.debrief.storage.lost), false, `visit ${visit}`);
      assert.equal(await page.getByText(lost).count(), 0);
      await page.close();  // hidden: the page flushes its (empty) journal
    }
  } finally {
    await browser.cleanup();
  }
});

// The same kill can cost localStorage as well (its own LevelDB): the mark that a journal was saved
// here is also in Cache Storage, and either copy is enough.
for (const localStorageToo of [false, true]) {
  test(`a journal the browser cleared (damaged LevelDB${localStorageToo ? ', localStorage gone too' : ''}) is reported, not shown as an empty journal`, async () => {
    await clearedJournalIsReported(localStorageToo);
  });
}

async function clearedJournalIsReported(localStorageToo) {
  const lost = catalogue('en')('data.storage.lost');
  const profile = await newProfileDir();
  let browser = null;
  try {
    browser = await launch(profile);
    let page = await browser.context.newPage();
    await openApp(page, server.url);
    assert.equal(await page.getByText(lost).count(), 0, 'a first visit has nothing to report');
    await newReflection(page, 'Written before the crash');
    await waitSaved(page);
    await browser.context.close();

    const store = join(profile, 'Default', 'IndexedDB');
    let damaged = 0;
    for (const origin of await readdir(store)) {
      for (const name of await readdir(join(store, origin))) {
        if (!/\.(log|ldb)$/.test(name)) continue;
        const bytes = await readFile(join(store, origin, name));
        for (let i = 16; i < Math.min(bytes.length - 8, 4096); i += 7) bytes[i] ^= 0x5a;
        await writeFile(join(store, origin, name), bytes);
        ++damaged;
      }
    }
    assert.ok(damaged > 0, 'the profile has LevelDB files to damage');
    if (localStorageToo) await rm(join(profile, 'Default', 'Local Storage'), { recursive: true });

    browser = await launch(profile);
    page = await browser.context.newPage();
    await openApp(page, server.url);
    assert.equal(await page.evaluate(() => window.debrief.counts.reflections), 0, 'Chromium cleared the store');
    await page.getByText(lost).waitFor();
    await page.getByRole('button', { name: 'Your data', exact: true }).click();
    await reveal(page, page.getByText(lost));

    // Told once: what is written now is saved, and the next start has nothing to report.
    await page.getByRole('tab', { name: 'Journal' }).click();
    await newReflection(page, 'Written after the crash');
    await waitSaved(page);
    await page.reload();
    await openApp(page, server.url);
    assert.deepEqual((await storedReflections(page)).map((r) => r.company), ['Written after the crash']);
    assert.equal(await page.getByText(lost).count(), 0);
  } finally {
    // A failed step must not leave Chromium running: the test file would never end.
    if (browser) await browser.context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  }
}
