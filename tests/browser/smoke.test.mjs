// Smoke test: the page loads, the app reports ready, the home screen is drawn, nothing logs errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, launch, openApp, startServer, watchErrors } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser.cleanup();
  server.server.close();
});

test('the home screen loads with no console errors', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'New reflection' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'smoke-home.png') });
  assert.deepEqual(errors, []);
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');
  await page.close();
});

test('wasm is served as application/wasm', async () => {
  const response = await fetch(new URL('app.wasm', server.url));
  assert.equal(response.headers.get('content-type'), 'application/wasm');
});
