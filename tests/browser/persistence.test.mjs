// Data safety in real Chromium with real IndexedDB: reloads, a killed browser, two tabs, and the
// export file validated against the documented JSON Schema and imported back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT, importFile, launch, reveal, newProfileDir, newReflection, openApp, startServer, storedReflections, waitIdle, waitSaved, waitSettled } from './harness.mjs';
import { launchKillable } from './cdp_browser.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

test('write, reload: the reflection is still there', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await openApp(page, server.url);
    await newReflection(page, 'Reload GmbH — Straße');
    await waitSaved(page);
    await page.reload();
    await openApp(page, server.url);
    const stored = await storedReflections(page);
    assert.deepEqual(stored.map((r) => r.company), ['Reload GmbH — Straße']);
    await page.getByRole('button', { name: 'Open \u2068Reload GmbH — Straße\u2069' }).waitFor();
  } finally {
    await browser.cleanup();
  }
});

// The last words typed before a reload or a closed tab never waited for the save's debounce: the
// page writes them while it goes (web/lock.js commitNow), in a transaction the unload cannot cut off.
test('typed and reloaded at once, or the tab closed at once: the last words are kept', async () => {
  const browser = await launch();
  try {
    // Unsealed files are written in the last task: nothing to ask the person.
    browser.context.on('dialog', (d) => assert.fail(`asked before leaving: ${d.type()}`));
    let page = await browser.context.newPage();
    await openApp(page, server.url);
    const company = await newReflection(page, 'Last words');
    await waitSaved(page);
    await company.click();
    await page.keyboard.press('End');
    await page.keyboard.insertText(' — kept');
    await page.waitForFunction(() => window.debrief.save === 'pending');  // in the model, waiting for the debounce
    await page.reload();
    await openApp(page, server.url);
    assert.deepEqual((await storedReflections(page)).map((r) => r.company), ['Last words — kept']);

    await (await reveal(page, page.getByRole('button', { name: 'Open \u2068Last words — kept\u2069' }))).click();
    await (await reveal(page, page.getByRole('button', { name: 'Show details' }), { direction: -1 })).click();
    const again = await reveal(page, page.getByLabel('Company', { exact: true }));
    await again.click();
    await page.keyboard.press('End');
    await page.keyboard.insertText(' — twice');
    await page.waitForFunction(() => window.debrief.save === 'pending');
    await page.close({ runBeforeUnload: true });
    page = await browser.context.newPage();
    await openApp(page, server.url);
    assert.deepEqual((await storedReflections(page)).map((r) => r.company), ['Last words — kept — twice']);
  } finally {
    await browser.cleanup();
  }
});

test('typed, saved, browser killed with SIGKILL, relaunched: the text is there', async () => {
  const profile = await newProfileDir();
  try {
    let chromium = await launchKillable(profile);
    let page = await chromium.context.newPage();
    await openApp(page, server.url);
    await newReflection(page, 'Crash test — نص عربي — 😊');
    await waitSaved(page);
    await chromium.kill();

    chromium = await launchKillable(profile);
    page = await chromium.context.newPage();
    await openApp(page, server.url);
    const stored = await storedReflections(page);
    assert.deepEqual(stored.map((r) => r.company), ['Crash test — نص عربي — 😊']);
    await chromium.close();
  } finally {
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});

test('two tabs: one writer, the other read-only and following; it takes over when the writer closes', async () => {
  const browser = await launch();
  try {
    const writer = await browser.context.newPage();
    await openApp(writer, server.url);
    const reader = await browser.context.newPage();
    await openApp(reader, server.url);
    assert.equal(await writer.evaluate(() => window.debrief.storage.role), 'writer');
    assert.equal(await reader.evaluate(() => window.debrief.storage.role), 'reader');
    assert.equal(await reader.evaluate(() => window.debrief.save), 'read_only');

    await writer.bringToFront();  // only the visible tab gets animation frames to apply input
    // The reflection is saved once before its company is typed (as happens when typing is slower
    // than the save debounce): the reader's view then shows the card, which must follow the rename.
    await writer.getByRole('button', { name: 'New reflection' }).click();
    await waitSaved(writer);
    await reader.getByRole('button', { name: 'Open \u2068A new reflection\u2069' }).waitFor();
    const company = writer.getByLabel('Company', { exact: true });
    await company.click();
    await writer.keyboard.insertText('Written in tab one');
    await waitSaved(writer);
    // The reader follows the writer's saves: its files (refreshed from IndexedDB in the background)...
    await reader.waitForFunction(() => {
      try {
        return FS.readdir('/journal/reflections').filter((n) => n.endsWith('.jsonl'))
          .some((n) => FS.readFile(`/journal/reflections/${n}`, { encoding: 'utf8' }).includes('Written in tab one'));
      } catch {
        return false;
      }
    }, null, { timeout: 20000 });
    // ...and its live view, without a reload: the card's accessible name is the renamed company.
    // (The mirror used to keep an element's first name while its id stayed: web/shell.js mirror.update.)
    await reader.getByRole('button', { name: 'Open \u2068Written in tab one\u2069' }).waitFor();
    assert.equal(await reader.getByRole('button', { name: 'Open \u2068A new reflection\u2069' }).count(), 0);
    // A reloaded second tab is read-only again and shows the same.
    await reader.reload();
    await openApp(reader, server.url);
    assert.equal(await reader.evaluate(() => window.debrief.storage.role), 'reader');
    await reader.getByRole('button', { name: 'Open \u2068Written in tab one\u2069' }).waitFor();

    // The reader cannot write: creating a reflection does nothing and touches no file. Checked once
    // the reader has settled (the click drawn, no timer armed, no save or sync under way).
    await reader.bringToFront();  // background tabs get no animation frames: the user looks at it
    await reader.getByRole('button', { name: 'New reflection' }).click();
    await waitSettled(reader);
    assert.equal((await storedReflections(reader)).length, 1);
    assert.equal((await storedReflections(writer)).length, 1);
    assert.equal((await storedReflections(writer))[0].company, 'Written in tab one');

    // Closing the writer hands the lock over.
    await writer.close();
    await reader.bringToFront();
    await reader.waitForFunction(() => window.debrief.storage.role === 'writer', null, { timeout: 10000 });
    await reader.waitForFunction(() => window.debrief.save === 'saved');
    await reader.bringToFront();
    await reader.getByRole('button', { name: 'New reflection' }).click();
    await reader.getByLabel('Company', { exact: true }).fill('Written in tab two');
    await waitSaved(reader);
    const names = (await storedReflections(reader)).map((r) => r.company).sort();
    assert.deepEqual(names, ['Written in tab one', 'Written in tab two']);
  } finally {
    await browser.cleanup();
  }
});

// web/storage.js asks for the writer lock while app.wasm is still downloading. A second tab whose
// writer closes in that moment gets the lock before it has read the journal: it must still read it
// first and then write, not write over it or stay read-only with the lock in hand.
test('a second tab whose writer closes while it is still starting becomes the writer', async () => {
  const browser = await launch();
  try {
    const writer = await browser.context.newPage();
    await openApp(writer, server.url);
    await newReflection(writer, 'Written by the first tab');
    await waitSaved(writer);

    // The second tab's wasm is held back until the test lets it through (web/shell.js compiles it
    // with WebAssembly.compileStreaming).
    const second = await browser.context.newPage();
    await second.addInitScript(() => {
      const compile = WebAssembly.compileStreaming;
      const gate = new Promise((open) => { window.openWasmGate = open; });
      WebAssembly.compileStreaming = async (source) => { await gate; return compile.call(WebAssembly, source); };
    });
    await second.goto(server.url);
    // The writer lock's requests, held and waiting, as the origin sees them (polled: the answer is a
    // promise, which waitForFunction would take for a truthy value).
    const lockIs = async (page, expected) => {
      const deadline = Date.now() + 10000;
      for (;;) {
        const state = await page.evaluate(async () => {
          const { held, pending } = await navigator.locks.query();
          const mine = (list) => list.filter((l) => l.name === 'debrief-journal-writer').length;
          return { held: mine(held), pending: mine(pending) };
        });
        if (state.held === expected.held && state.pending === expected.pending) return;
        if (Date.now() > deadline) assert.deepEqual(state, expected);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await lockIs(second, { held: 1, pending: 1 });  // the second tab waits in line
    assert.equal(await second.evaluate(() => window.debrief.state), 'loading', 'the wasm is still held back');

    await writer.close();
    await lockIs(second, { held: 1, pending: 0 });  // the lock passed to it before its wasm arrived
    assert.equal(await second.evaluate(() => window.debrief.state), 'loading');
    await second.bringToFront();  // only the visible tab gets animation frames
    await second.evaluate(() => window.openWasmGate());
    await second.waitForFunction(() => window.debrief.state === 'ready', null, { timeout: 30000 });
    await waitIdle(second);
    await second.waitForFunction(() => window.debrief.storage.role === 'writer', null, { timeout: 10000 });
    assert.notEqual(await second.evaluate(() => window.debrief.save), 'read_only');
    assert.deepEqual((await storedReflections(second)).map((r) => r.company), ['Written by the first tab']);

    await newReflection(second, 'Written by the second tab');
    await waitSaved(second);
    const both = ['Written by the first tab', 'Written by the second tab'];
    assert.deepEqual((await storedReflections(second)).map((r) => r.company).sort(), both);
    await second.close();
    const later = await browser.context.newPage();
    await openApp(later, server.url);
    assert.deepEqual((await storedReflections(later)).map((r) => r.company).sort(), both);
  } finally {
    await browser.cleanup();
  }
});

async function exportJournal(page) {
  await page.getByRole('tab', { name: 'Your data' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download journal (.json)' }).click()]);
  assert.match(download.suggestedFilename(), /^debrief-\d{4}-\d{2}-\d{2}\.json$/);
  return readFile(await download.path(), 'utf8');
}

test('export downloads a file that validates against the schema and imports into an identical journal', async () => {
  const schema = JSON.parse(await readFile(join(ROOT, 'docs', 'journal.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  const first = await launch();
  let exported;
  try {
    const page = await first.context.newPage();
    await openApp(page, server.url);
    await newReflection(page, 'Export — Ünïcödé — مرحبا');
    await page.getByLabel('Role', { exact: true }).fill('Designer 😊');
    await waitSaved(page);
    exported = await exportJournal(page);
  } finally {
    await first.cleanup();
  }
  const document = JSON.parse(exported);
  assert.ok(validate(document), JSON.stringify(validate.errors));
  assert.equal(document.format, 'debrief-journal');
  assert.equal(document.reflections[0].company, 'Export — Ünïcödé — مرحبا');

  const second = await launch();
  try {
    const page = await second.context.newPage();
    await openApp(page, server.url);
    await page.getByRole('tab', { name: 'Your data' }).click();
    await importFile(page, { name: 'journal.json', buffer: Buffer.from(exported) });
    await (await reveal(page, page.getByRole('button', { name: 'Merge into my journal' }))).click();
    await waitSaved(page);
    const again = JSON.parse(await exportJournal(page));
    delete again.exported_at;
    delete document.exported_at;
    assert.deepEqual(again, document);
  } finally {
    await second.cleanup();
  }
});
