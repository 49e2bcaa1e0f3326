// axe-core over the page (the accessible mirror, the native fields, the shell) on every screen, in
// light and dark: no serious or critical violation, and headings that never skip a level (axe's
// heading-order, a moderate finding).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { catalogue } from './catalogue.mjs';
import { launch, newReflection, openApp, reveal, startServer, waitIdle } from './harness.mjs';

const require = createRequire(import.meta.url);
const t = catalogue('en');
const steps = ['vent', 'wins', 'reflect', 'feedback', 'loved', 'criteria', 'army', 'resilience'];

// Serious and critical findings and skipped heading levels, as "rule: target (summary)" lines a person can act on.
async function audit(page) {
  await waitIdle(page);
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: require.resolve('axe-core') });
  }
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`));
}

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

for (const colorScheme of ['light', 'dark']) {
  test(`no serious or critical axe findings on any screen (${colorScheme})`, async () => {
    // bypassCSP: the page's policy (rightly) refuses the inline script addScriptTag injects.
    const browser = await launch(null, { viewport: { width: 1280, height: 800 }, colorScheme, bypassCSP: true });
    try {
      const page = await browser.context.newPage();
      await openApp(page, server.url);
      const findings = [];
      const check = async (where) => { for (const f of await audit(page)) findings.push(`${where}: ${f}`); };
      await check('home (empty)');
      await newReflection(page, 'Lumen');
      for (let i = 0; i < steps.length; ++i) {
        const name = `${i + 1}. ${t(`step.${steps[i]}.title`)}`;
        await (await reveal(page, page.getByRole('tab', { name }))).click();
        await page.getByRole('tab', { name, selected: true }).waitFor({ state: 'attached' });
        await check(`step ${i + 1}`);
      }
      await (await reveal(page, page.getByRole('tab', { name: `4. ${t('step.feedback.title')}` }))).click();
      await (await reveal(page, page.getByRole('button', { name: /^Draft: / }).first())).click();
      await page.getByLabel(t('message.body'), { exact: true }).waitFor();
      await check('draft');
      for (const [key, where] of [['nav.journal', 'home'], ['nav.reminders', 'reminders'], ['nav.people', 'people'], ['nav.profile', 'profile'], ['nav.data', 'data']]) {
        await page.getByRole('tab', { name: t(key) }).click();
        await page.getByRole('tab', { name: t(key), selected: true }).waitFor({ state: 'attached' });
        await check(where);
      }
      assert.deepEqual(findings, []);
    } finally {
      await browser.cleanup();
    }
  });
}
