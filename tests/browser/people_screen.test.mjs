// The People screen as a person uses it: the recruiter is entered once, with the other people, in
// the opportunity's details; step 4 says who the reply goes to; on the People tab the recruiter is a
// row (a named group in the accessibility tree) whose email is edited there, and the unsent reply
// follows: its To changes at once and is still the new address after a reload. A phone-size
// screenshot of the screen goes to build/test-artifacts for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, launch, openApp, reveal, startServer, storedMessages, waitIdle, watchErrors } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

const reply = 'Reply and ask for feedback';


test('a person edited on the People tab readdresses their unsent draft, and it stays after a reload', async () => {
  const browser = await launch(null, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openApp(page, server.url);
    const at = (locator) => reveal(page, locator);
    const field = (label) => page.getByLabel(label, { exact: true });

    // The empty People screen says where people come from.
    await (await at(page.getByRole('tab', { name: 'People' }))).click();
    await page.getByText(/^No one here yet\. People arrive as you write/).waitFor({ state: 'attached' });
    await (await at(page.getByRole('tab', { name: 'Journal' }))).click();

    // The recruiter, entered in the opportunity's details with the other people.
    await (await at(page.getByRole('button', { name: 'New reflection', exact: true }))).click();
    await (await at(field('Company'))).fill('Nordlicht');
    await (await at(field("Recruiter's name"))).fill('Jana Weber');
    await (await at(field("Recruiter's email"))).fill('jana@old.example');
    await (await at(page.getByRole('button', { name: 'Hide details', exact: true }))).click();

    // Step 4 does not ask again: it says who the reply goes to.
    await (await at(page.getByRole('tab', { name: '4. Ask for feedback' }))).click();
    await page.getByText('Your reply goes to Jana Weber (jana@old.example).', { exact: false }).waitFor({ state: 'attached' });
    assert.equal(await field("Recruiter's name").count(), 0);
    await (await at(page.getByRole('button', { name: `Draft: ${reply}`, exact: true }))).click();
    await field('Message').waitFor();
    assert.equal(await field('To (email)').inputValue(), 'jana@old.example');

    // The People tab: Jana's row is a group named after her; its buttons say they are hers.
    await (await at(page.getByRole('tab', { name: 'People' }))).click();
    const row = page.getByRole('group', { name: 'Jana Weber', exact: true });
    await row.waitFor({ state: 'attached' });
    await row.getByText('Recruiter · Nordlicht', { exact: true }).waitFor({ state: 'attached' });
    await row.getByText('jana@old.example', { exact: true }).waitFor({ state: 'attached' });
    await row.getByRole('button', { name: `Open the draft for \u2068Jana Weber\u2069: ${reply}`, exact: true }).waitFor({ state: 'attached' });

    await mkdir(ARTIFACTS, { recursive: true });
    await waitIdle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'people-390x844.png') });

    // Edit her email right there.
    await (await at(row.getByRole('button', { name: 'Edit details: \u2068Jana Weber\u2069', exact: true }))).click();
    const email = row.getByLabel('Email', { exact: true });
    await (await at(email)).fill('jana.weber@nordlicht.example');
    await row.getByText('jana.weber@nordlicht.example', { exact: true }).waitFor({ state: 'attached' });
    await waitIdle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'people-390x844-editing.png') });

    // The unsent reply follows.
    await (await at(row.getByRole('button', { name: `Open the draft for \u2068Jana Weber\u2069: ${reply}`, exact: true }))).click();
    await field('Message').waitFor();
    assert.equal(await field('To (email)').inputValue(), 'jana.weber@nordlicht.example');
    const stored = await storedMessages(page);
    assert.deepEqual(stored.map((m) => [m.kind, m.to]), [['feedback_reply', 'jana.weber@nordlicht.example']]);
    // Back returns to People, where the draft was opened, not to its reflection.
    await (await at(page.getByRole('button', { name: 'Back', exact: true }))).click();
    await page.getByRole('tab', { name: 'People', selected: true }).waitFor({ state: 'attached' });
    await row.waitFor({ state: 'attached' });

    // ...and is still addressed so after a reload.
    await page.reload();
    await openApp(page, server.url);
    await (await at(page.getByRole('tab', { name: 'People' }))).click();
    const again = page.getByRole('group', { name: 'Jana Weber', exact: true });
    await again.getByText('jana.weber@nordlicht.example', { exact: true }).waitFor({ state: 'attached' });
    await (await at(again.getByRole('button', { name: `Open the draft for \u2068Jana Weber\u2069: ${reply}`, exact: true }))).click();
    await field('Message').waitFor();
    assert.equal(await field('To (email)').inputValue(), 'jana.weber@nordlicht.example');
    assert.deepEqual(errors.filter((e) => !e.includes('GL Driver')), []);
  } finally {
    await browser.cleanup();
  }
});
