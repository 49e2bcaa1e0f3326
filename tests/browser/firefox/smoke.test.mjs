// Smoke test in Firefox (or DEBRIEF_ENGINE): the page loads, WebGL 2 draws, the app reports ready,
// the home screen's first control is there, nothing logs errors; the next start restores the atlas.
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
