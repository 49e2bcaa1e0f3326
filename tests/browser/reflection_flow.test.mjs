// A whole reflection, done the way a person does it: only roles, names and native fields, every
// step, a draft copied, reminders created, then a reload shows everything as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, launch, openApp, reveal, startServer, storedReflections, waitIdle, waitSaved, watchErrors } from './harness.mjs';

let server;
before(async () => {
  server = await startServer();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(() => server.server.close());

const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

for (const [size, viewport] of Object.entries(viewports)) {
  test(`a full reflection through every step (${size})`, async () => {
    const browser = await launch(null, { viewport, permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const page = await browser.context.newPage();
      const errors = watchErrors(page);
      await openApp(page, server.url);
      // Every screenshot must be opaque: a transparent pixel is a hole in what the person sees (a
      // scrollable native field once left one above itself, web/shell.css). An opaque PNG from
      // Chromium is colour type 2 (RGB), one with any transparency type 6 (RGBA): byte 25, in IHDR.
      const shot = async (name) => {
        await waitIdle(page);
        const png = await page.screenshot({ path: join(ARTIFACTS, `flow-${size}-${name}.png`) });
        assert.equal(png[25], 2, `flow-${size}-${name}.png has transparent pixels`);
      };
      const button = (name) => page.getByRole('button', { name, exact: true });
      const at = (locator) => reveal(page, locator);
      const next = () => button('Next').click();
      await shot('0-home');

      await (await at(button('New reflection'))).click();
      await (await at(page.getByLabel('Company', { exact: true }))).fill('Studio Nord');
      await (await at(page.getByLabel('Role', { exact: true }))).fill('Product designer');
      await (await at(page.getByRole('radio', { name: 'Final round' }))).click();
      await (await at(page.getByLabel('Last interview'))).fill('2026-11-10');
      await shot('1-details');
      await (await at(button('Hide details'))).click();

      // 1 Vent
      await (await at(page.getByRole('radio', { name: '3', exact: true }))).click();
      await (await at(page.getByRole('checkbox', { name: 'Sad' }))).click();
      // Longer than its field, so the field scrolls (the case web/shell.css's background is about).
      const letter = `Ich bin enttäuscht.\nPerché proprio adesso? 😞${'\nDrei Runden, und dann zwei Zeilen.'.repeat(24)}`;
      await (await at(page.getByLabel(/Write the letter you will never send/))).fill(letter);
      await shot('2-vent');
      await next();

      // 2 Wins
      await (await at(button('Add a win'))).click();
      await (await at(page.getByLabel('A win', { exact: true }))).fill('My portfolio got me to the final round');
      await (await at(page.getByRole('checkbox', { name: /This really helped/ }))).click();
      await shot('3-wins');
      await next();

      // 3 Reflect
      await (await at(page.getByLabel('What went well in the interviews?'))).fill('The case study presentation');
      await shot('4-reflect');
      await next();

      // 4 Feedback: a draft, copied
      await (await at(page.getByLabel("Recruiter's name"))).fill('Anna');
      await (await at(page.getByLabel("Recruiter's email"))).fill('anna@studio-nord.example');
      await shot('5-feedback');
      await (await at(button('Draft: Reply and ask for feedback'))).click();
      await page.getByLabel('Message', { exact: true }).waitFor();
      await shot('6-draft');
      await page.bringToFront();  // the clipboard only accepts writes from a focused document
      await (await at(button('Copy'))).click();
      // The app copied (the click's frame called Debrief.copyText) and the browser finished writing
      // the clipboard (window.debrief.pending names a copy in progress): read it once then.
      await page.waitForFunction(() => window.debrief.lastCopied !== undefined && !window.debrief.pending().includes('clipboard'));
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(copied, /Studio Nord/);
      assert.match(copied, /Anna/);
      await (await at(button('Back'))).click();
      await next();

      // 5 Loved
      await (await at(button('Add something you loved'))).click();
      await (await at(page.getByLabel('What exactly did you love about it?'))).fill('the creative team');
      await (await at(page.getByRole('radio', { name: 'The team' }))).click();
      await (await at(page.getByRole('radio', { name: '5', exact: true }))).click();
      await shot('7-loved');
      await next();

      // 6 Criteria from what they loved
      await (await at(button('Suggest criteria from what I loved'))).click();
      const criterion = await at(page.getByLabel('A criterion', { exact: true }));
      assert.equal(await criterion.inputValue(), 'the creative team');
      await shot('8-criteria');
      await next();

      // 7 Army
      await (await at(button('Add a person'))).click();
      await (await at(page.getByLabel('Their name', { exact: true }))).fill('Marco');
      await (await at(page.getByRole('checkbox', { name: "I've told them" }))).click();
      await shot('9-army');
      await next();

      // 8 Resilience, reminders from the advice's timing
      await (await at(page.getByLabel('What will you take with you from this?'))).fill('Lead with the case study');
      await (await at(page.getByLabel('What is one small thing you will do next?'))).fill('Update my portfolio');
      await (await at(page.getByRole('radio', { name: '7', exact: true }))).click();
      await (await at(button('Add these reminders'))).click();
      await shot('10-resilience');
      await (await at(button('Finish'))).click();
      await waitSaved(page);
      await shot('11-home-after');

      const [stored] = await storedReflections(page);
      assert.equal(stored.company, 'Studio Nord');
      assert.equal(stored.vent.mood_before, 3);
      assert.equal(stored.resilience.mood_after, 7);
      assert.equal(stored.vent.letter, letter);
      assert.deepEqual(Object.values(stored.steps), Array(8).fill('done'));

      // Reload: everything is as it was.
      await page.reload();
      await openApp(page, server.url);
      await (await at(button('Open \u2068Studio Nord — Product designer\u2069'))).click();
      await (await at(page.getByRole('tab', { name: '8. Moving forward' }))).click();
      assert.equal(await page.getByLabel('What is one small thing you will do next?').inputValue(), 'Update my portfolio');
      await (await at(page.getByRole('tab', { name: 'Reminders' }))).click();
      // Below the list, whose length and wording follow today's date: on a phone it can sit below the fold.
      const calendar = await at(button('Add to my calendar (.ics)'));
      await shot('12-reminders');
      const [download] = await Promise.all([page.waitForEvent('download'), calendar.click()]);
      assert.equal(download.suggestedFilename(), 'debrief-reminders.ics');
      await (await at(page.getByRole('tab', { name: 'Profile' }))).click();
      await shot('13-profile');
      assert.deepEqual(errors.filter((e) => !e.includes('GL Driver')), []);
    } finally {
      await browser.cleanup();
    }
  });
}
