// The people a reflection's drafts go to, driven by role and name as a person would: a recruiter,
// two interviewers and two people told give two network notes, each to its own person, and one
// follow-up to both interviewers; Copy and Open in mail app carry those addresses, every draft is
// signed with the name from the You card, and the People list offers the drafts written to them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, reveal, startServer, waitSaved, watchErrors } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

test('each draft goes to its own person, with the right address in Copy and mailto', async () => {
  const browser = await launch(null, { viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openApp(page, server.url);
    const button = (name) => page.getByRole('button', { name, exact: true });
    const at = (locator) => reveal(page, locator);
    const field = (label, n = 0) => page.getByLabel(label, { exact: true }).nth(n);

    // You: the name drafts sign off with.
    await (await at(page.getByRole('tab', { name: 'Your data' }))).click();
    await (await at(field('Your name'))).fill('Mia Hoffmann');
    await (await at(page.getByRole('tab', { name: 'Journal' }))).click();

    // The opportunity, with two interviewers.
    await (await at(button('New reflection'))).click();
    await (await at(field('Company'))).fill('Nordlicht');
    await (await at(field('Role'))).fill('UX designer');
    for (const [n, name, email] of [[0, 'Anna Berg', 'anna@nordlicht.example'], [1, 'Ben Kraus', 'ben@nordlicht.example']]) {
      await (await at(button('Add an interviewer'))).click();
      await (await at(field("Interviewer's name", n))).fill(name);
      await (await at(field("Interviewer's email", n))).fill(email);
    }
    await (await at(button('Hide details'))).click();

    // The recruiter, who sent the rejection.
    await (await at(page.getByRole('tab', { name: '4. Ask for feedback' }))).click();
    await (await at(field("Recruiter's name"))).fill('Jana Weber');
    await (await at(field("Recruiter's email"))).fill('jana@nordlicht.example');

    // Two people told.
    await (await at(page.getByRole('tab', { name: '7. Gather your people' }))).click();
    for (const [n, name, email] of [[0, 'Sam', 'sam@example.org'], [1, 'Lea', 'lea@example.org']]) {
      await (await at(button('Add a person'))).click();
      await (await at(field('Their name', n))).fill(name);
      await (await at(field('Their email', n))).fill(email);
    }

    // One network note per person, each addressed to them.
    for (const [name, email] of [['Sam', 'sam@example.org'], ['Lea', 'lea@example.org']]) {
      await (await at(button(`Draft for \u2068${name}\u2069: Note to your network`))).click();
      await field('Message').waitFor();
      assert.equal(await field('To (email)').inputValue(), email);
      const body = await field('Message').inputValue();
      assert.ok(body.startsWith(`Hi ${name},`), body);  // the people on one's side: friends as often as contacts
      assert.ok(body.endsWith('Kind regards,\nMia Hoffmann'), body);
      assert.ok(!body.includes('Jana'), body);
      await page.bringToFront();
      await (await at(button('Copy'))).click();
      // The app copied this draft (lastCopied holds it) and the browser finished writing the clipboard.
      await page.waitForFunction((greeting) => (window.debrief.lastCopied || '').includes(greeting) && !window.debrief.pending().includes('clipboard'), `Hi ${name},`);
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), new RegExp(`Hi ${name},`));
      await (await at(button('Open in mail app'))).click();
      await page.waitForFunction((to) => (window.debrief.lastUrl || '').startsWith(`mailto:${to}?`), email);
      await (await at(button('Back'))).click();
    }
    await at(button('Open draft for \u2068Sam\u2069: Note to your network'));
    await at(button('Open draft for \u2068Lea\u2069: Note to your network'));

    // The follow-up goes to both interviewers.
    await (await at(page.getByRole('tab', { name: '8. Moving forward' }))).click();
    await (await at(button('Draft for the interviewers: Follow-up (2–3 weeks after the interview)'))).click();
    await field('Message').waitFor();
    assert.equal(await field('To (email)').inputValue(), 'anna@nordlicht.example, ben@nordlicht.example');
    assert.ok((await field('Message').inputValue()).startsWith('Dear Anna Berg and Ben Kraus,'));
    await (await at(button('Open in mail app'))).click();
    await page.waitForFunction(() => (window.debrief.lastUrl || '').startsWith('mailto:anna@nordlicht.example,%20ben@nordlicht.example?'));
    await (await at(button('Back'))).click();
    await waitSaved(page);

    // What was stored: two notes, one per person, and one follow-up to both interviewers.
    const messages = await page.evaluate(() => {
      const dir = '/journal/messages';
      return FS.readdir(dir).filter((n) => n.endsWith('.jsonl'))
        .flatMap((n) => FS.readFile(`${dir}/${n}`, { encoding: 'utf8' }).split('\n').filter((line) => line !== ''))
        .map((line) => JSON.parse(line).record);
    });
    const notes = messages.filter((m) => m.kind === 'network_note').map((m) => m.to).sort();
    assert.deepEqual(notes, ['lea@example.org', 'sam@example.org']);
    const followUps = messages.filter((m) => m.kind === 'follow_up');
    assert.equal(followUps.length, 1);
    assert.equal(followUps[0].recipient, 'interviewers');

    // The People tab lists the drafts written to each of them, on their own rows.
    await (await at(page.getByRole('tab', { name: 'People' }))).click();
    await at(button('Open the draft for \u2068Sam\u2069: Note to your network'));
    await at(button('Open the draft for \u2068Lea\u2069: Note to your network'));
    await at(button('Open the draft for \u2068Anna Berg\u2069: Follow-up (2–3 weeks after the interview)'));
    await at(button('Open the draft for \u2068Ben Kraus\u2069: Follow-up (2–3 weeks after the interview)'));
    assert.deepEqual(errors.filter((e) => !e.includes('GL Driver')), []);
  } finally {
    await browser.cleanup();
  }
});
