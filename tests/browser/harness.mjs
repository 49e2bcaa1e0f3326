// Shared set-up for the browser tests: our static server + Debian's Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../scripts/lib/static_server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = join(ROOT, 'build', 'site');
export const ARTIFACTS = join(ROOT, 'build', 'test-artifacts');

// Flags from docs/web-platform.md: root needs --no-sandbox; the closed network needs the
// background-networking switches; SwiftShader provides WebGL2 without a GPU.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader', '--disable-dev-shm-usage',
];

export async function startServer(root = SITE) {
  return startStaticServer(root);
}

// A persistent profile directory, so IndexedDB and the service worker survive relaunches.
export async function newProfileDir() {
  return mkdtemp(join(tmpdir(), 'debrief-profile-'));
}

export async function launch(profileDir, contextOptions = {}) {
  const dir = profileDir || (await newProfileDir());
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    ...contextOptions,
  });
  return { context, profileDir: dir, cleanup: async () => { await context.close().catch(() => {}); if (!profileDir) await rm(dir, { recursive: true, force: true }); } };
}

// Collects console errors and page errors so tests can assert there are none.
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.debrief && window.debrief.state === 'ready', null, { timeout: 30000 });
  await waitIdle(page);
}

// The waits below are conditions on the app's own state, never fixed delays: window.debrief.pending()
// (web/shell.js) names what the app will still do by itself ('frame', 'timer', 'save', 'sync',
// 'refresh', ...) and window.debrief.settled() resolves when that list is empty.

// Waits until the app stops drawing: no frame scheduled (render on demand has drawn its settle
// frames), so the canvas, the mirror and the fields show their final layout: no language file or
// Arabic font still on its way either, since their arrival redraws every label. Timers may still be
// armed (a notice expiring, the save debounce). Returns the frame count.
export async function waitIdle(page, timeout = 15000) {
  const drawing = ['start', 'frame', 'catalogue', 'fonts'];
  await page.waitForFunction((reasons) => !window.debrief.pending().some((r) => reasons.includes(r)), drawing, { timeout });
  return page.evaluate(() => window.debrief.frames);
}

// Waits until nothing is pending at all (window.debrief.settled): no frame, no timer, no save or
// sync, no reader refresh. A negative check ("nothing happened", "no file was written") runs after it.
export async function waitSettled(page, timeout = 15000) {
  await page.evaluate((ms) => window.debrief.settled(ms), timeout);
}

// Waits until the save indicator says "Saved" with nothing left to write: the frames that follow
// the last input have run (they are what marks the journal dirty), no IndexedDB sync is running
// or queued, and the indicator is "saved" (while the debounce timer is armed it says "pending").
// A notice's timer may still be running: it only draws.
export async function waitSaved(page, timeout = 15000) {
  await page.waitForFunction(() => {
    const pending = window.debrief.pending();
    return window.debrief.save === 'saved' && !['start', 'frame', 'save', 'sync'].some((r) => pending.includes(r));
  }, null, { timeout });
}

// The stored records of one collection ('reflections', 'messages', ...), parsed from the shard files
// the app wrote under /journal (IDBFS). Read once no save, sync or reader refresh is under way (a
// reader tab replaces its files from IndexedDB in the background; a writer has a debounced write
// pending after an edit).
export async function storedRecords(page, collection, timeout = 15000) {
  await page.waitForFunction(() => !window.debrief.pending().some((r) => ['start', 'frame', 'save', 'sync', 'refresh'].includes(r)), null, { timeout });
  return page.evaluate((dir) => {
    // Shard files (NN.jsonl): one record document per line.
    return FS.readdir(dir).filter((n) => n.endsWith('.jsonl'))
      .flatMap((n) => FS.readFile(`${dir}/${n}`, { encoding: 'utf8' }).split('\n').filter((line) => line !== ''))
      .map((line) => JSON.parse(line).record);
  }, `/journal/${collection}`);
}
export const storedReflections = (page, timeout) => storedRecords(page, 'reflections', timeout);
export const storedMessages = (page, timeout) => storedRecords(page, 'messages', timeout);

// The focused element's name, as a screen reader would say it (null: focus is on the page).
export const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  return (el.getAttribute('aria-label') || el.textContent || '').trim();
});

// Creates a reflection through the real UI and types a company name into its native field.
export async function newReflection(page, company) {
  await page.getByRole('button', { name: 'New reflection' }).click();
  const field = page.getByLabel('Company', { exact: true });
  await field.click();
  await page.keyboard.insertText(company);
  return field;
}

// Scrolls the app (mouse wheel over the content, as a person would) until the control is on
// screen: off-screen items and fields are parked with no size at the page's edge. Each
// look comes after the app drew what the last input asked for (a wheel event always draws at
// least one frame), so the control is found where it stays.
export async function reveal(page, locator, { direction = 1, maxSteps = 40 } = {}) {
  const viewport = page.viewportSize() || { width: 1280, height: 800 };
  let frames = await waitIdle(page);
  for (let i = 0; i < maxSteps; ++i) {
    if ((await locator.count()) > 0 && (await locator.first().isVisible())) return locator.first();
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, direction * 240);
    await page.waitForFunction((before) => window.debrief.frames > before && !window.debrief.pending().includes('frame'), frames);
    frames = await page.evaluate(() => window.debrief.frames);
  }
  // The other direction, in case it was above.
  if (direction > 0) return reveal(page, locator, { direction: -1, maxSteps });
  throw new Error(`never became visible: ${locator}`);
}

// Imports a file the way a person does: "Your data" must be open; the import button is brought on
// screen (it may sit below the fold), clicked, and the file handed to the picker it opens.
export async function importFile(page, { name, mimeType = 'application/json', buffer }) {
  const pick = await reveal(page, page.getByRole('button', { name: 'Choose a file to import…' }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pick.click()]);
  await chooser.setFiles({ name, mimeType, buffer });
}
