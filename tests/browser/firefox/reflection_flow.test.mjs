// A whole reflection in Firefox (or DEBRIEF_ENGINE), done the way a person does it: only roles,
// names and labelled native fields, every step, a draft copied, reminders added, then a reload
// shows everything as it was. The body of ../reflection_flow.test.mjs, on the engine-neutral
// driver (no clipboard read-back: Firefox's readText waits for a press on its own "Paste" prompt,
// so the copy is checked at the page, window.debrief.lastCopied; no download: the .ics file is
// tested in Chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, startServer } from '../harness.mjs';
import { ENGINE, launchEngine } from '../engines.mjs';

let server;
before(async () => {
  server = await startServer();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(() => server.server.close());

const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

for (const [size, viewport] of Object.entries(viewports)) test(`${ENGINE}: a full reflection through every step (${size})`, async () => {
  const browser = await launchEngine(ENGINE, { viewport });
  try {
    const page = await browser.newPage();
    await page.open(server.url);
    const shot = async (name) => { await page.waitIdle(); await page.screenshot(join(ARTIFACTS, `${ENGINE}-flow-${size}-${name}.png`)); };
    const at = (control) => page.reveal(control);
    const button = (name) => page.byRole('button', name);
    const field = (label) => page.byLabel(label);
    const next = () => button('Next').click();

    await (await at(button('New reflection'))).click();
    await (await at(field('Company'))).fill('Studio Nord');
    await (await at(field('Role'))).fill('Product designer');
    await (await at(page.byRole('radio', 'Final round'))).click();
    await (await at(field('Last interview'))).fill('2026-11-10');
    await shot('1-details');
    await (await at(button('Hide details'))).click();

    // 1 Vent
    await (await at(page.byRole('radio', '3'))).click();
    await (await at(page.byRole('checkbox', 'Sad'))).click();
    await (await at(field('Write the letter you will never send. Say it exactly the way it feels.'))).fill('Ich bin enttäuscht.\nPerché proprio adesso? 😞');
    await next();

    // 2 Wins
    await (await at(button('Add a win'))).click();
    await (await at(field('A win'))).fill('My portfolio got me to the final round');
    await (await at(page.byRole('checkbox', 'This really helped — I want to do it again'))).click();
    await next();

    // 3 Reflect
    await (await at(field('What went well in the interviews?'))).fill('The case study presentation');
    await next();

    // 4 Feedback: a draft, copied
    await (await at(field("Recruiter's name"))).fill('Anna');
    await (await at(field("Recruiter's email"))).fill('anna@studio-nord.example');
    await (await at(button('Draft: Reply and ask for feedback'))).click();
    await field('Message').waitFor();
    await shot('6-draft');
    await page.bringToFront();
    await (await at(button('Copy'))).click();
    await page.waitFor(() => window.debrief.lastCopied !== undefined && !window.debrief.pending().includes('clipboard'));
    const copied = await page.evaluate(() => window.debrief.lastCopied);
    assert.match(copied, /Studio Nord/);
    assert.match(copied, /Anna/);
    await (await at(button('Back'))).click();
    await next();

    // 5 Loved
    await (await at(button('Add something you loved'))).click();
    await (await at(field('What exactly did you love about it?'))).fill('the creative team');
    await (await at(page.byRole('radio', 'The team'))).click();
    await (await at(page.byRole('radio', '5'))).click();
    await next();

    // 6 Criteria from what they loved
    await (await at(button('Suggest criteria from what I loved'))).click();
    const criterion = await at(field('A criterion'));
    assert.equal(await criterion.value(), 'the creative team');
    await next();

    // 7 Army
    await (await at(button('Add a person'))).click();
    await (await at(field('Their name'))).fill('Marco');
    await (await at(page.byRole('checkbox', "I've told them"))).click();
    await next();

    // 8 Resilience, reminders from the advice's timing
    await (await at(field('What will you take with you from this?'))).fill('Lead with the case study');
    await (await at(field('What is one small thing you will do next?'))).fill('Update my portfolio');
    await (await at(page.byRole('radio', '7'))).click();
    await (await at(button('Add these reminders'))).click();
    await (await at(button('Finish'))).click();
    await page.waitSaved();
    await shot('11-home-after');

    const [stored] = await page.storedReflections();
    assert.equal(stored.company, 'Studio Nord');
    assert.equal(stored.vent.mood_before, 3);
    assert.equal(stored.resilience.mood_after, 7);
    assert.equal(stored.vent.letter, 'Ich bin enttäuscht.\nPerché proprio adesso? 😞');
    assert.deepEqual(Object.values(stored.steps), Array(8).fill('done'));

    // Reload: everything is as it was.
    await page.reload();
    await page.ready();
    await (await at(button('Open \u2068Studio Nord — Product designer\u2069'))).click();
    await (await at(page.byRole('tab', '8. Moving forward'))).click();
    // Off-screen fields are hidden (out of the accessibility tree): scroll to it first.
    assert.equal(await (await at(field('What is one small thing you will do next?'))).value(), 'Update my portfolio');
    await (await at(page.byRole('tab', 'Reminders'))).click();
    // Below the list, whose length and wording follow today's date: on a phone it can sit below the fold.
    await at(button('Add to my calendar (.ics)'));
    await shot('12-reminders');
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
