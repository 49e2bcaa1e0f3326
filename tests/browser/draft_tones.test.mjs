// A draft's tone and the thank-you note, as a person uses them: the interview is today, so the
// details offer a thank-you note to the interviewer; picking "Shorter" beside it rewrites the text,
// and the choice and the shorter text are still there after a reload. The bracket hint and the
// unmet checklist item last exactly as long as the [placeholder]; "Warmer" after that edit keeps
// the sentence the user completed. The last step suggests the thank-you reminder for today, which
// then shows under Reminders. Withdrawing, the advice to do it early reads before the draft and the
// reason chosen is the draft's sentence; step 3's look-again reminder reopens the reflection there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, reveal, startServer, storedMessages, waitSaved, watchErrors } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());


test('picking "Shorter" rewrites the thank-you note and survives a reload; its reminder is offered', async () => {
  const browser = await launch(null, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openApp(page, server.url);
    const button = (name) => page.getByRole('button', { name, exact: true });
    const at = (locator) => reveal(page, locator);
    const field = (label, n = 0) => page.getByLabel(label, { exact: true }).nth(n);
    // The app's today is the browser's local calendar day.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });

    // An interview today, with one interviewer.
    await (await at(button('New reflection'))).click();
    await (await at(field('Company'))).fill('Nordlicht');
    await (await at(field('Role'))).fill('UX designer');
    await (await at(field('Last interview'))).fill(today);
    await (await at(button('Add an interviewer'))).click();
    await (await at(field("Interviewer's name"))).fill('Anna Berg');
    await (await at(field("Interviewer's email"))).fill('anna@nordlicht.example');

    // The thank-you note goes to her, in the standard wording.
    await (await at(button('Draft for \u2068Anna Berg\u2069: Thank-you note'))).click();
    await field('Message').waitFor();
    assert.equal(await field('To (email)').inputValue(), 'anna@nordlicht.example');
    const standard = await field('Message').inputValue();
    assert.ok(standard.startsWith('Dear Anna Berg,'), standard);
    assert.ok(standard.includes('Thank you for taking the time to meet with me about the UX designer role at Nordlicht.'), standard);
    assert.equal(await (await at(page.getByRole('radio', { name: 'Standard', exact: true }))).getAttribute('aria-checked'), 'true');

    // Shorter: the app's sentences change, the draft gets shorter, the greeting and sign-off stay.
    await (await at(page.getByRole('radio', { name: 'Shorter', exact: true }))).click();
    await page.waitForFunction((before) => {
      const body = [...document.querySelectorAll('textarea')].map((t) => t.value).find((v) => v.startsWith('Dear Anna Berg,'));
      return body !== undefined && body !== before;
    }, standard);
    const shorter = await field('Message').inputValue();
    assert.notEqual(shorter, standard);
    assert.ok(shorter.length < standard.length, shorter);
    assert.ok(shorter.includes('Thank you for your time.'), shorter);
    assert.ok(shorter.includes('I look forward to hearing from you.'), shorter);
    assert.ok(shorter.startsWith('Dear Anna Berg,'), shorter);
    assert.equal(await (await at(page.getByRole('radio', { name: 'Shorter', exact: true }))).getAttribute('aria-checked'), 'true');
    const stored = (await storedMessages(page)).filter((m) => m.kind === 'thank_you');
    assert.equal(stored.length, 1);
    assert.equal(stored[0].tone, 'shorter');
    assert.equal(stored[0].body, shorter);

    // After a reload the draft still reads the shorter way, and Shorter is still the one picked.
    await page.reload();
    await page.waitForFunction(() => window.debrief && window.debrief.state === 'ready', null, { timeout: 30000 });
    await (await at(button('Open \u2068Nordlicht — UX designer\u2069'))).click();
    await (await at(button('Show details'))).click();
    await (await at(button('Open draft for \u2068Anna Berg\u2069: Thank-you note'))).click();
    await field('Message').waitFor();
    assert.equal(await field('Message').inputValue(), shorter);
    assert.equal(await (await at(page.getByRole('radio', { name: 'Shorter', exact: true }))).getAttribute('aria-checked'), 'true');

    // The [bracketed] part is still to fill in: the hint shows and the checklist is one short.
    const hint = 'Words in [brackets] are for you to fill in.';
    await at(page.getByText(hint, { exact: true }));
    await at(page.getByText('What this message should do — 5 of 6 in place', { exact: true }));
    const filled = shorter.replace('[something specific you talked about]', 'your accessibility reviews');
    assert.notEqual(filled, shorter);
    await (await at(field('Message'))).fill(filled);
    await at(page.getByText('What this message should do — 6 of 6 in place', { exact: true }));
    await waitSaved(page);
    assert.equal(await page.getByText(hint, { exact: true }).count(), 0);

    // Warmer after an edit: the sentence the user completed stays as they wrote it, the rest warms up.
    await (await at(page.getByRole('radio', { name: 'Warmer', exact: true }))).click();
    await page.waitForFunction((before) => {
      const body = [...document.querySelectorAll('textarea')].map((t) => t.value).find((v) => v.startsWith('Dear Anna Berg,'));
      return body !== undefined && body !== before;
    }, filled);
    const warmer = await field('Message').inputValue();
    assert.ok(warmer.includes('What you said about your accessibility reviews has stayed with me.'), warmer);
    assert.ok(warmer.includes('Thank you so much for the time you and the team gave me — it meant a lot.'), warmer);
    assert.ok(!warmer.includes('Thank you for your time.'), warmer);
    const warmed = (await storedMessages(page)).filter((m) => m.kind === 'thank_you');
    assert.equal(warmed[0].tone, 'warmer');
    await (await at(button('Back'))).click();

    // The last step suggests the thank-you reminder for today; added, it shows under Reminders.
    await (await at(page.getByRole('tab', { name: '8. Moving forward' }))).click();
    const title = 'Send Nordlicht a thank-you note for the interview';
    await at(page.getByText(title, { exact: true }));
    await (await at(button('Add these reminders'))).click();
    await (await at(page.getByRole('tab', { name: 'Reminders' }))).click();
    await at(page.getByText(title, { exact: true }));
    await waitSaved(page);
    const reminders = await page.evaluate(() => {
      const dir = '/journal/reminders';
      return FS.readdir(dir).filter((n) => n.endsWith('.jsonl'))
        .flatMap((n) => FS.readFile(`${dir}/${n}`, { encoding: 'utf8' }).split('\n').filter((line) => line !== ''))
        .map((line) => JSON.parse(line).record);
    });
    const thankYou = reminders.filter((r) => r.kind === 'thank_you');
    assert.equal(thankYou.length, 1);
    assert.equal(thankYou[0].due, today);
    assert.deepEqual(errors.filter((e) => !e.includes('GL Driver')), []);
  } finally {
    await browser.cleanup();
  }
});

test('withdrawing: the advice to do it early comes first and the reason shapes the draft; step 3 comes back', async () => {
  const browser = await launch(null, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openApp(page, server.url);
    const button = (name) => page.getByRole('button', { name, exact: true });
    const at = (locator) => reveal(page, locator);
    const field = (label, n = 0) => page.getByLabel(label, { exact: true }).nth(n);

    await (await at(button('New reflection'))).click();
    await (await at(field('Company'))).fill('Solara');
    await (await at(field('Role'))).fill('Analyst');
    await (await at(field('Hiring manager'))).fill('Carla Diaz');
    await (await at(page.getByRole('radio', { name: 'I withdrew', exact: true }))).click();

    // The advice, then the reason, then the draft, in reading order.
    const advice = await at(page.getByText('Withdraw as early as you can: it lets them move on with other candidates, and it leaves a good last impression.', { exact: true }));
    await (await at(page.getByRole('radio', { name: 'My plans have changed', exact: true }))).click();
    const draft = await at(button('Draft for \u2068Carla Diaz\u2069: Withdraw from a process'));
    const adviceFirst = await advice.evaluate((a, d) => Boolean(a.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING), await draft.elementHandle());
    assert.ok(adviceFirst, 'the advice reads before the draft button');
    await draft.click();
    await field('Message').waitFor();
    const body = await field('Message').inputValue();
    assert.ok(body.startsWith('Dear Carla Diaz,'), body);
    assert.ok(body.includes("Since I applied, my plans have changed, so I've decided to withdraw from the process."), body);
    assert.ok(!body.includes('accepted an offer'), body);
    await (await at(button('Back'))).click();

    // Step 3: a reminder to look again in a few days, which reopens this step.
    await (await at(page.getByRole('tab', { name: '3. Look back, gently' }))).click();
    await (await at(button('Remind me to look again in a few days'))).click();
    await at(page.getByText(/^You'll be reminded to look again on /));
    await (await at(page.getByRole('tab', { name: '1. Let it out' }))).click();
    await (await at(page.getByRole('tab', { name: 'Reminders' }))).click();
    const title = 'Look again at Solara with fresh eyes';
    await at(page.getByText(title, { exact: true }));
    await (await at(button(`Open reflection for “\u2068${title}\u2069”`))).click();
    await at(page.getByRole('heading', { name: 'Look back, gently', level: 2 }));
    assert.equal(await (await at(page.getByRole('tab', { name: '3. Look back, gently' }))).getAttribute('aria-selected'), 'true');
    assert.deepEqual(errors.filter((e) => !e.includes('GL Driver')), []);
  } finally {
    await browser.cleanup();
  }
});
