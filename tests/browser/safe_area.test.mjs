// A phone with a notch and a home indicator (an iPhone, where Debrief installed runs full screen): with
// viewport-fit=cover the page reaches under both, and the app must keep to the safe area. Chromium's
// DevTools protocol sets the insets env(safe-area-inset-*) reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { catalogue } from './catalogue.mjs';
import { ARTIFACTS, launch, openApp, startServer, waitIdle, watchErrors } from './harness.mjs';

const t = catalogue('en');
const phone = { width: 390, height: 844 };
const insets = { top: 47, bottom: 34, left: 0, right: 0 };

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

test('the app keeps clear of the notch and the home indicator', async () => {
  const browser = await launch(null, { viewport: phone, deviceScaleFactor: 2 });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets });
    await openApp(page, server.url);
    const app = await page.locator('#app').boundingBox();
    assert.deepEqual([app.y, app.height], [insets.top, phone.height - insets.top - insets.bottom]);

    // The top bar's first control below the notch, the step's action bar above the home indicator.
    const journal = await page.getByRole('tab', { name: t('nav.journal') }).boundingBox();
    assert.ok(journal.y >= insets.top, `the Journal tab starts at ${journal.y}, under the notch`);
    await page.getByRole('button', { name: t('home.new_reflection') }).click();
    await waitIdle(page);
    const next = page.getByRole('button', { name: t('steps.next'), exact: true });
    const box = await next.boundingBox();
    assert.ok(box.y + box.height <= phone.height - insets.bottom - 8,
      `Next ends at ${box.y + box.height}, within 8 px of the home indicator at ${phone.height - insets.bottom}`);
    await next.click();
    await page.getByRole('heading', { name: t('step.wins.title') }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'safe-area-phone.png') });
    assert.deepEqual(errors, []);
  } finally {
    await browser.cleanup();
  }
});
