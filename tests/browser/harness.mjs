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

// Waits until the app stops drawing (render-on-demand settles after a few frames).
export async function waitIdle(page, quietMs = 250) {
  let last = -1;
  for (let i = 0; i < 80; ++i) {
    const frames = await page.evaluate(() => window.debrief.frames);
    if (frames === last) return frames;
    last = frames;
    await page.waitForTimeout(quietMs);
  }
  throw new Error('the app never became idle');
}

// Waits until the save indicator says "Saved" and no IndexedDB sync is running.
export async function waitSaved(page, timeout = 15000) {
  // Let the frames that follow the last input run first: they are what marks the journal dirty.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  await page.waitForFunction(() => window.debrief.save === 'saved' && window.debrief.storage && !window.debrief.storage.inFlight, null, { timeout });
}

// The stored reflections, parsed from the shard files the app wrote under /journal (IDBFS).
// A reader tab refreshes its files from IndexedDB in the background, so a file listed a moment
// ago may be in the middle of being replaced: read again then.
export async function storedReflections(page) {
  return page.evaluate(async () => {
    const dir = '/journal/reflections';
    for (let attempt = 0; ; ++attempt) {
      try {
        // Shard files (NN.jsonl): one record document per line.
        return FS.readdir(dir).filter((n) => n.endsWith('.jsonl'))
          .flatMap((n) => FS.readFile(`${dir}/${n}`, { encoding: 'utf8' }).split('\n').filter((line) => line !== ''))
          .map((line) => JSON.parse(line).record);
      } catch (e) {
        if (attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
}

// Creates a reflection through the real UI and types a company name into its native field.
export async function newReflection(page, company) {
  await page.getByRole('button', { name: 'New reflection' }).click();
  const field = page.getByLabel('Company', { exact: true });
  await field.click();
  await page.keyboard.insertText(company);
  return field;
}

// Scrolls the app (mouse wheel over the content, as a person would) until the control is on
// screen: off-screen ImGui items have no mirror element and off-screen fields are hidden.
export async function reveal(page, locator, { direction = 1, maxSteps = 40 } = {}) {
  const viewport = page.viewportSize() || { width: 1280, height: 800 };
  for (let i = 0; i < maxSteps; ++i) {
    if ((await locator.count()) > 0 && (await locator.first().isVisible())) return locator.first();
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, direction * 240);
    await page.waitForTimeout(60);
  }
  // The other direction, in case it was above.
  if (direction > 0) return reveal(page, locator, { direction: -1, maxSteps });
  throw new Error(`never became visible: ${locator}`);
}
