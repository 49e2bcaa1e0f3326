// Data safety in Firefox (or DEBRIEF_ENGINE) with its real IndexedDB: typed keystroke by keystroke
// (an emoji too), then a reload; a browser killed with SIGKILL and relaunched on its profile; two
// tabs, one writer (Web Locks) and one read-only follower that takes over when the writer closes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { startServer } from '../harness.mjs';
import { ENGINE, launchEngine, newProfileDir } from '../engines.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

// Creates a reflection and types its company key by key, as a person does.
async function newReflection(page, company) {
  await page.byRole('button', 'New reflection').click();
  await page.byLabel('Company').type(company);
}

test(`${ENGINE}: typed, reloaded: the reflection is still there, byte-exact`, async () => {
  const browser = await launchEngine();
  try {
    const page = await browser.newPage();
    await page.open(server.url);
    const company = 'Reload GmbH — Straße 😊';
    await newReflection(page, company);
    assert.equal(await page.byLabel('Company').value(), company);
    await page.waitSaved();
    await page.reload();
    await page.ready();
    assert.deepEqual((await page.storedReflections()).map((r) => r.company), [company]);
    await page.byRole('button', `Open \u2068${company}\u2069`).waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});

// The last words never waited for the save's debounce: the page writes them as it goes (web/lock.js
// writeBeforeLeaving), in a transaction the reload cannot cut off.
test(`${ENGINE}: typed and reloaded at once: the last words are kept`, async () => {
  const browser = await launchEngine();
  try {
    const page = await browser.newPage();
    await page.open(server.url);
    await newReflection(page, 'Last words');
    await page.waitSaved();
    await page.byLabel('Company').type(' — kept');
    await page.waitFor(() => window.debrief.save === 'pending');  // in the model, waiting for the debounce
    await page.reload();
    await page.ready();
    assert.deepEqual((await page.storedReflections()).map((r) => r.company), ['Last words — kept']);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});

test(`${ENGINE}: typed, saved, browser killed with SIGKILL, relaunched: the text is there`, async () => {
  const profileDir = await newProfileDir();
  try {
    let browser = await launchEngine(ENGINE, { profileDir, killable: true });
    let page = await browser.newPage();
    await page.open(server.url);
    await newReflection(page, 'Crash test — نص عربي');
    await page.waitSaved();
    await browser.kill();

    browser = await launchEngine(ENGINE, { profileDir, killable: true });
    try {
      page = await browser.newPage();
      await page.open(server.url);
      assert.deepEqual((await page.storedReflections()).map((r) => r.company), ['Crash test — نص عربي']);
      await page.byRole('button', 'Open \u2068Crash test — نص عربي\u2069').waitFor();
    } finally {
      await browser.close();
    }
  } finally {
    await rm(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});

test(`${ENGINE}: two tabs: one writer, the other read-only and following; it takes over when the writer closes`, async () => {
  const browser = await launchEngine();
  try {
    const writer = await browser.newPage();
    await writer.open(server.url);
    const reader = await browser.newPage();
    await reader.open(server.url);
    assert.equal(await writer.evaluate(() => window.debrief.storage.role), 'writer');
    assert.equal(await reader.evaluate(() => window.debrief.storage.role), 'reader');
    assert.equal(await reader.evaluate(() => window.debrief.save), 'read_only');

    await writer.bringToFront();  // only the visible tab gets animation frames to apply input
    await newReflection(writer, 'Written in tab one');
    await writer.waitSaved();
    // The reader follows the writer's saves: its files, refreshed from IndexedDB in the background.
    await reader.waitFor(() => {
      try {
        return FS.readdir('/journal/reflections').filter((n) => n.endsWith('.jsonl'))
          .some((n) => FS.readFile(`/journal/reflections/${n}`, { encoding: 'utf8' }).includes('Written in tab one'));
      } catch {
        return false;
      }
    }, undefined, 20000);
    await reader.bringToFront();
    await reader.byRole('button', 'Open \u2068Written in tab one\u2069').waitFor();

    // Closing the writer hands the lock over; the former reader saves its own reflection.
    await writer.close();
    await reader.waitFor(() => window.debrief.storage.role === 'writer' && window.debrief.save === 'saved', undefined, 10000);
    await newReflection(reader, 'Written in tab two');
    await reader.waitSaved();
    assert.deepEqual((await reader.storedReflections()).map((r) => r.company).sort(), ['Written in tab one', 'Written in tab two']);
    assert.deepEqual(reader.errors, []);
  } finally {
    await browser.close();
  }
});
