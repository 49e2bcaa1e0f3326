// The accessible mirror in Firefox (or DEBRIEF_ENGINE): every control ImGui draws is a DOM element
// with a role, a name and its state; the browser's accessibility tree finds them by role and name
// (puppeteer's ARIA queries over WebDriver BiDi; its accessibility.snapshot() needs CDP, so the
// whole list is read from the DOM the tree is built from); Tab and Enter alone work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../harness.mjs';
import { ENGINE, launchEngine } from '../engines.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchEngine();
});
after(async () => {
  await browser.close();
  server.server.close();
});

test(`${ENGINE}: the home screen's controls have roles, names and state`, async () => {
  const page = await browser.newPage();
  await page.open(server.url);
  const items = await page.mirror();
  const tabs = items.filter((i) => i.role === 'tab');
  assert.deepEqual(tabs.map((t) => t.name), ['Journal', 'Reminders', 'People', 'Profile', 'Your data']);
  assert.deepEqual(tabs.map((t) => t.selected), ['true', 'false', 'false', 'false', 'false']);
  assert.ok(items.some((i) => i.role === 'button' && i.name === 'New reflection'), JSON.stringify(items));
  for (const item of items) assert.ok(item.name && item.name.trim() !== '', `a ${item.role} without a name`);
  // The accessibility tree agrees: found by role and name, not by CSS.
  await page.byRole('tab', 'Your data').click();
  await page.byRole('button', 'Download journal (.json)').waitFor();
  assert.equal((await page.mirror()).find((i) => i.name === 'Your data').selected, 'true');
  await page.byRole('tab', 'Journal').click();
  await page.byRole('button', 'New reflection').waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test(`${ENGINE}: keyboard alone: Tab to "New reflection", Enter opens a labelled form`, async () => {
  const page = await browser.newPage();
  await page.open(server.url);
  const focused = () => page.evaluate(() => document.activeElement && document.activeElement.getAttribute('aria-label'));
  for (let i = 0; i < 12 && (await focused()) !== 'New reflection'; ++i) {
    await page.press('Tab');
    await page.waitIdle();
  }
  assert.equal(await focused(), 'New reflection');
  await page.press('Enter');
  await page.byLabel('Company').waitFor();
  await page.waitIdle();
  const fields = (await page.mirror()).filter((i) => i.role === 'textbox');
  for (const name of ['Company', 'Role', 'Location']) assert.ok(fields.some((f) => f.name === name), `field "${name}" in ${JSON.stringify(fields)}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});
