// The whole reflection in German, Italian and Arabic, done as a person who reads that language
// does it: Chromium starts in that locale, the app follows navigator.languages on the first visit,
// and every control is found by the name the catalogue gives it in that language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, launch, openApp, reveal, startServer, storedReflections, waitIdle, waitSaved, watchErrors } from './harness.mjs';
import { catalogue, isolated, number } from './catalogue.mjs';

let server;
before(async () => {
  server = await startServer();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(() => server.server.close());

const locales = { de: 'de-DE', it: 'it-IT', ar: 'ar-EG' };

for (const [code, locale] of Object.entries(locales)) {
  test(`a full reflection in ${locale} at phone size`, async () => {
    const t = catalogue(code);
    const n = (value) => number(code, value);
    const browser = await launch(null, { viewport: { width: 390, height: 844 }, locale, permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const page = await browser.context.newPage();
      const errors = watchErrors(page);
      await openApp(page, server.url);
      await page.waitForFunction((c) => document.documentElement.lang === c, code);
      assert.equal(await page.evaluate(() => document.documentElement.dir), code === 'ar' ? 'rtl' : 'ltr');
      const shot = async (name) => { await waitIdle(page); await page.screenshot({ path: join(ARTIFACTS, `lang-${code}-${name}.png`) }); };
      const button = (name) => page.getByRole('button', { name, exact: true });
      const at = (locator) => reveal(page, locator);
      const next = () => button(t('steps.next')).click();
      await shot('0-home');

      await (await at(button(t('home.new_reflection')))).click();
      await (await at(page.getByLabel(t('details.company'), { exact: true }))).fill('Studio Nord');
      await (await at(page.getByLabel(t('details.role'), { exact: true }))).fill('Product designer');
      await (await at(page.getByRole('radio', { name: t('stage.final_round') }))).click();
      await (await at(page.getByLabel(t('details.last_interview_on')))).fill('2026-11-10');
      await (await at(button(t('details.hide')))).click();

      // 1 Vent
      await (await at(page.getByRole('radio', { name: n(3), exact: true }))).click();
      await (await at(page.getByRole('checkbox', { name: t('emotion.sad') }))).click();
      await (await at(page.getByLabel(t('step.vent.prompt.letter')))).fill('لماذا الآن؟ Warum jetzt?');
      await shot('1-vent');
      await next();

      // 2 Wins
      await (await at(button(t('step.wins.add')))).click();
      if (code === 'ar') {
        // Mirrored: Next sits left of Back, and an empty field writes right to left
        // (one holding Latin text turns left to right by itself: dir="auto").
        const box = async (locator) => (await locator.first().boundingBox());
        const nextBox = await box(await at(button(t('steps.next'))));
        const backBox = await box(await at(button(t('steps.back'))));
        assert.ok(nextBox.x + nextBox.width <= backBox.x + 1, `Next (${nextBox.x}) should be left of Back (${backBox.x})`);
        const field = page.getByLabel(t('step.wins.field'), { exact: true });
        assert.equal(await field.evaluate((el) => getComputedStyle(el).direction), 'rtl');
      }
      await (await at(page.getByLabel(t('step.wins.field'), { exact: true }))).fill('Il mio portfolio');
      await (await at(page.getByRole('checkbox', { name: t('step.wins.prompt.really_helped') }))).click();
      await next();

      // 3 Reflect
      await (await at(page.getByLabel(t('step.reflect.prompt.went_well')))).fill('La presentazione del caso');
      await next();

      // 4 Feedback: a draft in this language, copied
      await (await at(page.getByLabel(t('step.feedback.prompt.recruiter_name')))).fill('Anna');
      await (await at(page.getByLabel(t('step.feedback.prompt.recruiter_email')))).fill('anna@studio-nord.example');
      await (await at(button(t('drafts.write', isolated(code, { kind: t('message_kind.feedback_reply') }))))).click();
      const body = page.getByLabel(t('message.body'), { exact: true });
      await body.waitFor();
      await shot('2-draft');
      const draft = await body.inputValue();
      assert.match(draft, /Anna/);
      assert.ok(draft.includes(t('msg.greeting.named', { name: 'Anna' })), `the draft greets Anna in ${code}: ${draft}`);
      await page.bringToFront();
      await (await at(button(t('message.copy')))).click();
      await page.waitForFunction(() => window.debrief.lastCopied !== undefined && !window.debrief.pending().includes('clipboard'));
      assert.ok((await page.evaluate(() => navigator.clipboard.readText())).endsWith(draft), 'the copy holds the draft');
      await (await at(button(t('nav.back')))).click();
      await next();

      // 5 Loved
      await (await at(button(t('step.loved.add')))).click();
      await (await at(page.getByLabel(t('step.loved.prompt.text')))).fill('il team creativo');
      await (await at(page.getByRole('radio', { name: t('loved_tag.team') }))).click();
      await (await at(page.getByRole('radio', { name: n(5), exact: true }))).click();
      await next();

      // 6 Criteria from what they loved
      await (await at(button(t('step.criteria.from_loved')))).click();
      assert.equal(await (await at(page.getByLabel(t('step.criteria.field'), { exact: true }))).inputValue(), 'il team creativo');
      await next();

      // 7 The people on your side
      await (await at(button(t('step.army.add')))).click();
      await (await at(page.getByLabel(t('step.army.field'), { exact: true }))).fill('Marco');
      await (await at(page.getByRole('checkbox', { name: t('step.army.prompt.told') }))).click();
      await next();

      // 8 Moving forward
      await (await at(page.getByLabel(t('step.resilience.prompt.lesson')))).fill('Lead with the case study');
      await (await at(page.getByLabel(t('step.resilience.prompt.next_action')))).fill('Update my portfolio');
      await (await at(page.getByRole('radio', { name: n(7), exact: true }))).click();
      await (await at(button(t('step.resilience.add_reminders')))).click();
      await shot('3-moving-forward');
      await (await at(button(t('steps.finish')))).click();
      await waitSaved(page);

      const [stored] = await storedReflections(page);
      assert.equal(stored.company, 'Studio Nord');
      assert.equal(stored.vent.mood_before, 3);
      assert.equal(stored.resilience.mood_after, 7);
      assert.deepEqual(Object.values(stored.steps), Array(8).fill('done'));

      // A reload keeps the language and the journal.
      await page.reload();
      await openApp(page, server.url);
      assert.equal(await page.evaluate(() => document.documentElement.lang), code);
      await (await at(button(t('home.open_reflection', { title: '\u2068Studio Nord — Product designer\u2069' })))).click();
      await (await at(page.getByRole('tab', { name: t('nav.profile') }))).click();
      await shot('4-profile');
      assert.deepEqual(errors.filter((e) => !e.includes('GL Driver')), []);
    } finally {
      await browser.cleanup();
    }
  });
}
