// Smoke test in Firefox (or DEBRIEF_ENGINE): the page loads, WebGL 2 draws, the app reports ready,
// the home screen's first control is there, nothing logs errors; the next start restores the atlas;
// a name and an emoji beyond the Latin font bring their glyphs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, startServer } from '../harness.mjs';
import { ENGINE, launchEngine } from '../engines.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchEngine();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser.close();
  server.server.close();
});

test(`${ENGINE}: the home screen loads, drawn with WebGL 2, with no console errors`, async () => {
  const page = await browser.newPage();
  await page.open(server.url);
  await page.byRole('button', 'New reflection').waitFor();
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');
  // The canvas holds a WebGL 2 context (asking again for the same kind returns the app's own).
  assert.equal(await page.evaluate(() => document.getElementById('canvas').getContext('webgl2') instanceof WebGL2RenderingContext), true);
  assert.ok(await page.evaluate(() => window.debrief.frames) > 0, 'frames drawn');
  await page.screenshot(join(ARTIFACTS, `${ENGINE}-smoke-home.png`));
  assert.deepEqual(page.errors, []);
  await page.close();
});

// The glyph atlas kept in Cache Storage (web/shell.js), here with Firefox's Cache Storage and WebGL.
test(`${ENGINE}: the next start restores the glyph atlas the first one built`, async () => {
  const page = await browser.newPage();
  await page.open(server.url);
  // The atlas of this profile's first start, or of the test above; either way it is kept.
  await page.waitFor(() => window.debrief.atlasWrites >= 1 || window.debrief.atlas === 'restored', undefined, 30000);
  await page.reload();
  await page.ready();
  assert.equal(await page.evaluate(() => window.debrief.atlas), 'restored');
  await page.byRole('button', 'New reflection').waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Letters and emoji the Latin font lacks come in blocks when drawn (src/ui/fonts.h): fetched with
// Firefox's fetch and written to the in-memory file system, and the app draws again once they are in.
test(`${ENGINE}: a Polish name and an emoji bring their blocks of glyphs`, async () => {
  const page = await browser.newPage();
  await page.open(server.url);
  await page.byRole('button', 'New reflection').click();
  await page.byLabel('Company').type('Łukasz 😞');
  await page.waitFor(() => {
    const fetched = performance.getEntriesByType('resource').map((e) => e.name);
    const blocks = ['u0100', 'u1f600'].every((b) => fetched.some((n) => n.endsWith(`fonts/blocks/${b}.ttc`)));
    return blocks && !window.debrief.pending().some((r) => r === 'frame' || r === 'fonts');
  }, undefined, 30000);
  await page.screenshot(join(ARTIFACTS, `${ENGINE}-smoke-blocks.png`));
  assert.deepEqual(page.errors, []);
  await page.close();
});
