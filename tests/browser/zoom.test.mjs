// Browser zoom at 200 %: a 1280 × 800 window zoomed to 200 % lays out as a 640 × 400 CSS-pixel page
// drawn at device scale 2, which is what this test opens. On every screen and every step no control's
// label is cut off (the mirror marks a label wider than its item, item_registry.cpp), every control
// lies inside the page's width, and Next is on screen and works. (Debrief has no text-size setting of
// its own: the browser's zoom is the larger text.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { catalogue } from './catalogue.mjs';
import { ARTIFACTS, launch, openApp, reveal, startServer, waitIdle, watchErrors } from './harness.mjs';

const t = catalogue('en');
const steps = ['vent', 'wins', 'reflect', 'feedback', 'loved', 'criteria', 'army', 'resilience'];
const viewport = { width: 640, height: 400 };

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

// Problems on the screen shown now, as lines naming the control.
async function problems(page, where) {
  await waitIdle(page);
  const found = await page.evaluate(({ width }) => {
    const lines = [];
    for (const el of document.querySelectorAll('#overlay :is(.mirror, .field):not([hidden])')) {
      const name = el.getAttribute('aria-label');
      if (el.dataset.clipped !== undefined) lines.push(`"${name}" is cut off`);
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.x < -0.5 || r.x + r.width > width + 0.5)) lines.push(`"${name}" reaches past the page (${Math.round(r.x)}..${Math.round(r.x + r.width)})`);
    }
    return lines;
  }, viewport);
  await page.screenshot({ path: join(ARTIFACTS, `zoom-200-${where}.png`) });
  return found.map((line) => `${where}: ${line}`);
}

test('at 200 % zoom no label is cut off and Next stays on screen on every step', async () => {
  const browser = await launch(null, { viewport, deviceScaleFactor: 2 });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openApp(page, server.url);
    const found = [...(await problems(page, 'home-empty'))];
    // The window is short at 200 %: the company field is below the title, progress and step tabs.
    await page.getByRole('button', { name: t('home.new_reflection') }).click();
    await (await reveal(page, page.getByLabel(t('details.company'), { exact: true }))).fill('Studio Nord');
    for (let i = 0; i < steps.length; ++i) {
      const name = `${i + 1}. ${t(`step.${steps[i]}.title`)}`;
      await page.getByRole('tab', { name, selected: true }).waitFor({ state: 'attached' });
      found.push(...(await problems(page, `step-${i + 1}`)));
      const next = page.getByRole('button', { name: t(i + 1 < steps.length ? 'steps.next' : 'steps.finish'), exact: true });
      const box = await next.boundingBox();
      assert.ok(box && box.width >= 44 && box.y >= 0 && box.y + box.height <= viewport.height + 0.5,
        `step ${i + 1}: Next is on screen (${JSON.stringify(box)})`);
      await next.click();
    }
    // Finish leads home, with the new reflection on it.
    await page.getByRole('button', { name: 'Open \u2068Studio Nord\u2069' }).waitFor({ state: 'attached' });
    found.push(...(await problems(page, 'home')));
    for (const key of ['nav.reminders', 'nav.profile', 'nav.data']) {
      await (await reveal(page, page.getByRole('tab', { name: t(key) }))).click();
      await page.getByRole('tab', { name: t(key), selected: true }).waitFor({ state: 'attached' });
      found.push(...(await problems(page, key.slice(4))));
    }
    assert.deepEqual(found, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.cleanup();
  }
});
