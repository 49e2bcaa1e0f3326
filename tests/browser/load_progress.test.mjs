// Opening a large journal (issue #15 item 3): the stored files are read a few at a time between
// frames, so the page draws from the start, shows a progress bar that is a progressbar for screen
// readers and moves, and then the whole journal, with nothing saved meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateJournal, journalText } from '../../bench/generate_journal.mjs';
import { catalogue } from './catalogue.mjs';
import { importFile, launch, openApp, reveal, startServer, waitSaved } from './harness.mjs';

const t = catalogue('en');
const REFLECTIONS = 8000;

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser.cleanup();
  server.server.close();
});

test('a large journal opens with a moving progress bar while frames are drawn, then shows every reflection', async () => {
  const page = await browser.context.newPage();
  await openApp(page, server.url);
  await page.getByRole('tab', { name: t('nav.data') }).click();
  const journal = generateJournal({ reflections: REFLECTIONS, seed: 3, end: Date.parse('2026-11-29T20:00:00Z') });
  await importFile(page, { name: 'large.json', buffer: Buffer.from(journalText(journal)) });
  await (await reveal(page, page.getByRole('button', { name: t('data.import.apply_merge') }))).click();
  await waitSaved(page, 60000);

  // From the first script on: frames drawn before the journal is in, the progress bar's values and
  // names, every save state, and the longest task.
  await page.addInitScript(() => {
    const seen = { frames: 0, framesBeforeLoaded: 0, values: [], names: [], saves: [], longest: 0 };
    window.loadWatch = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.longest = Math.max(seen.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    const frame = () => {
      seen.frames += 1;
      if (!(window.debrief && window.debrief.counts)) seen.framesBeforeLoaded = seen.frames;
      const bar = document.querySelector('#overlay [role="progressbar"]');
      if (bar) {
        const value = bar.getAttribute('aria-valuenow');
        if (seen.values[seen.values.length - 1] !== value) seen.values.push(value);
        const name = bar.getAttribute('aria-label') || bar.textContent;
        if (!seen.names.includes(name)) seen.names.push(name);
      }
      const save = window.debrief && window.debrief.save;
      if (save && seen.saves[seen.saves.length - 1] !== save) seen.saves.push(save);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.reload();
  await page.waitForFunction((n) => window.debrief && window.debrief.counts && window.debrief.counts.reflections === n,
    REFLECTIONS, { timeout: 60000 });
  await page.getByRole('button', { name: /^Open / }).first().waitFor();
  const seen = await page.evaluate(() => window.loadWatch);

  assert.ok(seen.framesBeforeLoaded >= 3, `frames drawn while the journal was read: ${seen.framesBeforeLoaded}`);
  const values = seen.values.filter((v) => v !== null).map(Number);
  assert.ok(values.length >= 3, `the bar took several values: ${values.join(', ')}`);
  assert.deepEqual([...values].sort((a, b) => a - b), values, 'the bar only moves forward');
  assert.ok(seen.names.some((name) => name.includes(t('loading.title'))), `named: ${seen.names.join(' | ')}`);
  assert.deepEqual(seen.saves, ['saved'], 'nothing was written while the journal was read');
  assert.equal(await page.locator('#overlay [role="progressbar"]').count(), 0, 'the bar is gone once the journal is in');
  console.log(`# frames while reading: ${seen.framesBeforeLoaded}; bar values: ${values.length} (${values.join(', ')}); longest task: ${Math.round(seen.longest)} ms`);
  await page.close();
});
