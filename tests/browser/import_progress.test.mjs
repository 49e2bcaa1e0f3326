// A large import (the generated 10,000-reflection journal, 34 MB) keeps the page drawing: a progress
// bar named in the accessible mirror moves through several values while frames keep coming, Escape
// cancels it without touching the journal, and a finished import previews the file as before (an
// encrypted one too, once opened).
// The longest main-thread task during the import is measured and reported (test diagnostics).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateJournal, journalText } from '../../bench/generate_journal.mjs';
import { catalogue } from './catalogue.mjs';
import { launch, newReflection, openApp, reveal, startServer, storedReflections, waitSaved, waitSettled } from './harness.mjs';

const t = catalogue('en');
const journal = generateJournal({ reflections: 10000, seed: 1, end: Date.parse('2026-11-29T20:00:00Z') });
const text = journalText(journal);

let server;
let browser;
let page;
let dir;
let file;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'debrief-import-progress-'));
  file = join(dir, 'big.json');
  await writeFile(file, text);
  server = await startServer();
  browser = await launch();
  page = await browser.context.newPage();
  await openApp(page, server.url);
  await newReflection(page, 'Stays exactly as it is');
  await waitSaved(page);
  await page.getByRole('tab', { name: t('nav.data') }).click();
});
after(async () => {
  await browser.cleanup();
  server.server.close();
  await rm(dir, { recursive: true, force: true });
});

// From here on: every long task, every animation frame, and every value the mirror's progress bar
// takes (with its words), as the page sees them.
const watch = () => page.evaluate(() => {
  const seen = { longest: 0, tasks: 0, frames: 0, values: [], texts: [], start: performance.now() };
  window.progressWatch = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime < seen.start) continue;
      seen.tasks += 1;
      seen.longest = Math.max(seen.longest, entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  const frame = () => { seen.frames += 1; if (window.progressWatch === seen) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const record = () => {
    const bar = document.querySelector('#overlay [role="progressbar"]');
    if (!bar) return;
    const value = bar.getAttribute('aria-valuenow');
    if (value !== null && seen.values[seen.values.length - 1] !== value) seen.values.push(value);
    const words = bar.getAttribute('aria-valuetext');
    if (words && seen.texts[seen.texts.length - 1] !== words) seen.texts.push(words);
  };
  new MutationObserver(record).observe(document.getElementById('overlay'),
    { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow', 'aria-valuetext'] });
});
const stopWatching = () => page.evaluate(() => {
  const seen = window.progressWatch;
  window.progressWatch = null;
  return { ...seen, elapsed: performance.now() - seen.start };
});

async function pick() {
  const button = await reveal(page, page.getByRole('button', { name: t('data.import.pick') }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

// Everything that stands for the journal: the counts the app publishes and every stored record.
const journalState = async () => ({
  counts: await page.evaluate(() => window.debrief.counts),
  reflections: await storedReflections(page),
});

const bar = () => page.getByRole('progressbar', { name: t('progress.import.name') });

test('cancelling a large import with Escape, while its entries are checked, leaves the journal as it was', async () => {
  await waitSettled(page);
  const before = await journalState();
  assert.equal(before.counts.reflections, 1);
  await watch();
  await pick();
  await bar().waitFor();
  // Well into the checking of the entries: the decode is the part that used to freeze the page.
  await page.waitForFunction(() => {
    const el = document.querySelector('#overlay [role="progressbar"]');
    return el && /^Checking [0-9,]+ of /.test(el.getAttribute('aria-valuetext') || '')
      && Number(el.getAttribute('aria-valuenow')) >= 50;
  }, null, { timeout: 60000 });
  // The change of phase was said politely (the live region), without the numbers.
  assert.equal(await page.evaluate(() => document.getElementById('announce')?.getAttribute('aria-live')), 'polite');
  await page.waitForFunction((words) => document.getElementById('announce')?.textContent === words,
    t('progress.import.phase.checking'));
  await page.keyboard.press('Escape');
  await bar().waitFor({ state: 'detached' });
  const seen = await stopWatching();
  await waitSettled(page, 30000);
  assert.equal(await page.getByRole('button', { name: t('data.import.apply_merge') }).count(), 0);
  assert.deepEqual(await journalState(), before);
  assert.equal(await page.evaluate(() => document.getElementById('announce')?.textContent), t('progress.import.cancelled'));
  assert.ok(seen.values.length >= 3, `the bar moved: ${seen.values.join(', ')}`);
  // Another pick starts afresh.
  assert.equal(await page.getByRole('button', { name: t('data.import.pick') }).count(), 1);
});

test('a large import shows its progress while the page keeps drawing, then the same preview as before', async (ctx) => {
  await waitSettled(page);
  await watch();
  await pick();
  await bar().waitFor();
  const merge = page.getByRole('button', { name: t('data.import.apply_merge') });
  await merge.waitFor({ state: 'attached', timeout: 60000 });
  const seen = await stopWatching();
  ctx.diagnostic(`file chosen -> preview: ${Math.round(seen.elapsed)} ms; longest task ${Math.round(seen.longest)} ms ` +
    `(${seen.tasks} long tasks); ${seen.frames} animation frames; bar values ${seen.values.join(' ')}`);
  // Frames kept coming: the bar took at least 3 values, read in words for each phase.
  assert.ok(seen.values.length >= 3, `bar values: ${seen.values.join(', ')}`);
  for (let i = 1; i < seen.values.length; ++i) assert.ok(Number(seen.values[i]) >= Number(seen.values[i - 1]), 'never goes back');
  assert.ok(seen.texts.some((words) => /^Reading your file… [0-9.,]+ of 3[0-9] MB$/.test(words)), seen.texts.join(' | '));
  assert.ok(seen.texts.some((words) => words === t('progress.import.parsing')), seen.texts.join(' | '));
  const total = journal.reflections.length + journal.contacts.length + journal.messages.length + journal.reminders.length;
  const checking = seen.texts.filter((words) => words.startsWith('Checking ') && words.endsWith(` of ${total.toLocaleString('en-US')} entries`));
  assert.ok(checking.length >= 2, `several counts while checking (of ${total}): ${seen.texts.join(" | ")}`);
  assert.ok(seen.frames >= 10, `frames drawn during the import: ${seen.frames}`);
  // The page stayed responsive: only the one JSON parse of the whole text is a long task, and no
  // task comes near the seconds the import takes in all.
  assert.ok(seen.longest < seen.elapsed / 2, `longest task ${seen.longest} ms of ${seen.elapsed} ms`);
  // The same preview as a one-shot import gave: every record of the file is new to this journal.
  const { reflections, contacts, messages, reminders } = journal;
  const summary = `This file holds ${reflections.length} reflections, ${contacts.length} contacts, ` +
    `${messages.length} messages and ${reminders.length} reminders.`;
  await page.getByText(summary, { exact: true }).waitFor({ state: 'attached' });
  const changes = t('data.import.preview_changes', { new: String(total), updated: '0', unchanged: '0' });
  await page.getByText(changes, { exact: true }).waitFor({ state: 'attached' });
  assert.equal(await bar().count(), 0);
  // Leave the journal as it was: Escape presses the preview's Cancel.
  await page.keyboard.press('Escape');
  await merge.waitFor({ state: 'detached' });
});

// The envelope "Export with a passphrase" writes (docs/schema.md), made here with Node's crypto.
function sealed(plain, passphrase) {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const key = pbkdf2Sync(Buffer.from(passphrase.normalize('NFC')), salt, 600000, 32, 'sha256');
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return JSON.stringify({
    format: 'debrief-encrypted',
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000, salt: salt.toString('base64') },
    cipher: { name: 'AES-GCM', key_bits: 256, tag_bits: 128, nonce: nonce.toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  });
}

test('a large encrypted file, once opened with its passphrase, is checked with the same progress', async () => {
  await waitSettled(page);
  const passphrase = 'a passphrase for the large file';
  const sealedFile = join(dir, 'big-encrypted.json');
  await writeFile(sealedFile, sealed(text, passphrase));
  const button = await reveal(page, page.getByRole('button', { name: t('data.import.pick') }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(sealedFile);
  const field = await reveal(page, page.getByLabel(t('data.import.sealed_passphrase'), { exact: true }), { maxSteps: 80 });
  await field.fill(passphrase);
  await watch();
  await (await reveal(page, page.getByRole('button', { name: t('data.import.sealed_open'), exact: true }))).click();
  const merge = page.getByRole('button', { name: t('data.import.apply_merge') });
  await merge.waitFor({ state: 'attached', timeout: 60000 });
  const seen = await stopWatching();
  assert.ok(seen.texts.filter((words) => words.startsWith('Checking ')).length >= 2, seen.texts.join(' | '));
  assert.ok(seen.values.length >= 3, `bar values: ${seen.values.join(', ')}`);
  await page.keyboard.press('Escape');
  await merge.waitFor({ state: 'detached' });
});

test('merging the large journal shows its progress; exporting it then shows the export preparing and downloads every entry', async (ctx) => {
  await waitSettled(page);
  await pick();
  const merge = page.getByRole('button', { name: t('data.import.apply_merge') });
  await merge.waitFor({ state: 'attached', timeout: 60000 });
  const mergeButton = await reveal(page, merge);
  await watch();
  await mergeButton.click();
  await page.waitForFunction((n) => window.debrief.counts && window.debrief.counts.reflections === n, journal.reflections.length + 1, { timeout: 60000 });
  const merging = await stopWatching();
  ctx.diagnostic(`merge: longest task ${Math.round(merging.longest)} ms (${merging.tasks} long tasks) until the journal was swapped`);
  // The merge showed its own progress before the journal changed, in one piece, at the end.
  assert.ok(merging.texts.some((words) => /^Merging [0-9,]+ of 11,500 entries into your journal$/.test(words)), merging.texts.join(' | '));
  await waitSaved(page, 120000);
  await watch();
  const exportButton = await reveal(page, page.getByRole('button', { name: t('data.export.json') }), { direction: -1 });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), exportButton.click(),
    page.getByRole('progressbar', { name: t('progress.export.name') }).waitFor({ state: 'attached' })]);
  const seen = await stopWatching();
  ctx.diagnostic(`export: longest task ${Math.round(seen.longest)} ms (${seen.tasks} long tasks); bar values ${seen.values.join(' ')}`);
  assert.ok(seen.texts.some((words) => /^Preparing your file… [0-9,]+ of 11,501 entries$/.test(words)), seen.texts.join(' | '));
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.reflections.length, journal.reflections.length + 1);
  assert.equal(exported.contacts.length, journal.contacts.length);
});

test('axe-core finds nothing serious while the progress bar shows', async () => {
  await waitSettled(page);
  await pick();
  await bar().waitFor();
  // axe-core over the page while the bar shows: the progressbar is named and has its value. (Its
  // source goes in through the debugging protocol: the page's policy rightly refuses inline scripts.)
  await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core'), 'utf8'));
  const findings = await page.evaluate(async () => {
    const bar = document.querySelector('#overlay [role="progressbar"]');
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return { bar: Boolean(bar), violations: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)) };
  });
  assert.ok(findings.bar);
  assert.deepEqual(findings.violations, []);
  await page.keyboard.press('Escape');
  await bar().waitFor({ state: 'detached' });
});
