// Where keyboard focus goes and what a screen reader hears besides the controls: the skip link, Escape
// closing a menu or the import preview, a new step's heading, Back from a draft to its button, focus in a new row's first field in every list, the search
// count and a failed save spoken, each checkbox and field named once, home's cards as named groups.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue } from './catalogue.mjs';
import { focused, importFile, launch, newReflection, openApp, reveal, startServer, waitIdle, waitSaved, watchErrors } from './harness.mjs';

const t = catalogue('en');

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

const spoken = (page) => page.evaluate(() => (document.getElementById('announce') || {}).textContent || '');

async function withPage(fn, options = {}) {
  const browser = await launch(null, { viewport: { width: 1280, height: 800 }, ...options });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openApp(page, server.url);
    await fn(page);
    assert.deepEqual(errors, []);
  } finally {
    await browser.cleanup();
  }
}

// Puts keyboard focus on a control as Tab would (focus-visible: the mirror scrolls ImGui to it).
async function keyboardFocus(page, locator) {
  const el = await reveal(page, locator);
  await el.focus();
  await waitIdle(page);
}

const press = async (page, key) => { await page.keyboard.press(key); await waitIdle(page); };

test('the skip link is the first Tab stop, shows itself, and leads to the step\'s heading', async () => {
  await withPage(async (page) => {
    // The page just opened: the first Tab.
    await press(page, 'Tab');
    assert.equal(await focused(page), 'Skip to the content');
    await newReflection(page, 'Lumen');
    await page.locator('#skip-link').focus();
    const box = await page.locator('#skip-link').boundingBox();
    assert.ok(box && box.y >= 0 && box.width > 40, `the focused skip link is on screen: ${JSON.stringify(box)}`);
    await press(page, 'Enter');
    assert.equal(await focused(page), t('step.vent.title'));
    // The next Tab goes on into the step, not back to the top bar.
    await press(page, 'Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('[role="radiogroup"]')?.getAttribute('aria-label')),
      t('step.vent.prompt.mood_before'));
  });
});

test('the skip link speaks the interface language', async () => {
  await withPage(async (page) => {
    await page.evaluate(() => window.debrief.setLanguage('de'));
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    assert.equal(await page.locator('#skip-link').textContent(), 'Zum Inhalt springen');
  });
});

test('Escape closes the reflection\'s menu and gives focus back to the button that opened it', async () => {
  await withPage(async (page) => {
    await newReflection(page, 'Lumen');
    const more = page.getByRole('button', { name: t('reflection.more'), exact: true });
    await keyboardFocus(page, more);
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    await press(page, 'Enter');
    const remove = page.getByRole('button', { name: t('reflection.delete'), exact: true });
    await remove.waitFor({ state: 'attached' });
    const toggle = page.getByRole('button', { name: t('reflection.less'), exact: true });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await press(page, 'Tab');
    assert.equal(await focused(page), t('reflection.delete'));
    await press(page, 'Escape');
    await remove.waitFor({ state: 'detached' });
    await waitIdle(page);
    assert.equal(await focused(page), t('reflection.more'));
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
  });
});

test('Escape cancels the import preview and focus returns to the file button', async () => {
  await withPage(async (page) => {
    await page.getByRole('tab', { name: t('nav.data') }).click();
    await page.getByRole('tab', { name: t('nav.data'), selected: true }).waitFor({ state: 'attached' });
    const journal = { format: 'debrief-journal', version: 1, reflections: [], contacts: [], messages: [], reminders: [] };
    await importFile(page, { name: 'journal.json', buffer: Buffer.from(JSON.stringify(journal)) });
    const cancel = page.getByRole('button', { name: t('data.import.cancel'), exact: true });
    await cancel.waitFor({ state: 'attached' });
    await keyboardFocus(page, page.getByRole('button', { name: t('data.import.apply_merge'), exact: true }));
    await press(page, 'Escape');
    await cancel.waitFor({ state: 'detached' });
    await waitIdle(page);
    assert.equal(await focused(page), t('data.import.pick'));
  });
});

test('a new step puts focus on its heading, not in its first field', async () => {
  await withPage(async (page) => {
    await newReflection(page, 'Lumen');
    for (const step of ['wins', 'reflect', 'feedback']) {
      await keyboardFocus(page, page.getByRole('button', { name: t('steps.next'), exact: true }));
      await press(page, 'Enter');
      // Step 3 starts with a field: focus went into it, past the heading and the guidance.
      assert.equal(await focused(page), t(`step.${step}.title`));
    }
  });
});

test('Back from a draft returns to where the person was, with focus on the draft\'s button', async () => {
  // On a phone the details card's draft button is far below the top of the reflection.
  await withPage(async (page) => {
    await newReflection(page, 'Lumen');
    // "Draft for the recruiter: Thank-you note", then "Open draft for …" once written.
    const draft = page.getByRole('button', { name: /^(Draft|Open draft) for the recruiter: Thank-you note$/ });
    await keyboardFocus(page, draft);
    await press(page, 'Enter');
    const back = page.getByRole('button', { name: t('nav.back'), exact: true });
    await keyboardFocus(page, back);
    await press(page, 'Enter');
    await back.waitFor({ state: 'detached' });
    await waitIdle(page);
    assert.equal(await focused(page), 'Open draft for the recruiter: Thank-you note');
    // Where it was: the button on screen, not parked at the edge of a reflection scrolled to its top.
    const box = await draft.boundingBox();
    assert.ok(box && box.width > 0 && box.y >= 0 && box.y + box.height <= 844, `the draft's button is on screen: ${JSON.stringify(box)}`);

    // A pointer does the same: scrolled back to the button, whose mirror element has focus.
    await draft.click();
    await back.waitFor({ state: 'attached' });
    await waitIdle(page);
    await back.click();
    await back.waitFor({ state: 'detached' });
    await waitIdle(page);
    const again = await draft.boundingBox();
    assert.ok(again && again.width > 0 && again.y + again.height <= 844, `after a click too: ${JSON.stringify(again)}`);
  }, { viewport: { width: 390, height: 844 } });
});

test('back in the journal, focus is on the card that opened the reflection; a tab and back starts at the heading', async () => {
  await withPage(async (page) => {
    for (const company of ['Lumen', 'Nordlicht']) {
      await newReflection(page, company);
      await keyboardFocus(page, page.getByRole('button', { name: t('nav.back_to_journal'), exact: true }));
      await press(page, 'Enter');
      await page.getByRole('button', { name: t('home.new_reflection'), exact: true }).waitFor();
    }
    const card = page.getByRole('button', { name: /^Open .*Lumen/ });
    const name = await card.getAttribute('aria-label');
    await keyboardFocus(page, card);
    await press(page, 'Enter');
    await keyboardFocus(page, page.getByRole('button', { name: t('nav.back_to_journal'), exact: true }));
    await press(page, 'Enter');
    assert.equal(await focused(page), name);
    // Between the tabs' screens it is not going back: the screen's title takes focus (the journal's
    // used to have none, and focus went down to the mood chart's heading).
    await keyboardFocus(page, page.getByRole('tab', { name: t('nav.people'), exact: true }));
    await press(page, 'Enter');
    await keyboardFocus(page, page.getByRole('tab', { name: t('nav.journal'), exact: true }));
    await press(page, 'Enter');
    assert.equal(await focused(page), t('home.title'));
  });
});

test('a field scrolled out of view is still read in its place, and Tab brings it into view', async () => {
  // On a phone most of the details card's fields are below the fold. They used to be hidden: a screen
  // reader went from "How you found it" to the next button, and Tab skipped them.
  await withPage(async (page) => {
    await newReflection(page, 'Lumen');
    const hiring = page.getByRole('textbox', { name: t('details.hiring_manager_name'), exact: true });
    assert.equal(await hiring.isVisible(), false, 'below the fold');
    const tree = await page.getByRole('main').ariaSnapshot();
    assert.match(tree, new RegExp(`textbox "${t('details.hiring_manager_name')}"`));
    assert.ok(tree.indexOf(`textbox "${t('details.found_via')}"`) < tree.indexOf(`textbox "${t('details.hiring_manager_name')}"`), 'in reading order');
    // From Next, in the bar at the bottom, Shift+Tab goes back to the step's letter, far below the
    // details card, and brings it into view.
    const letter = page.getByRole('textbox', { name: t('step.vent.prompt.letter'), exact: true });
    assert.equal(await letter.isVisible(), false, 'below the fold');
    await page.getByRole('button', { name: t('steps.next'), exact: true }).focus();
    await press(page, 'Shift+Tab');
    assert.equal(await focused(page), t('step.vent.prompt.letter'));
    const box = await letter.boundingBox();
    assert.ok(box && box.width > 0 && box.y >= 0 && box.y + box.height <= 844, `brought into view: ${JSON.stringify(box)}`);
  }, { viewport: { width: 390, height: 844 } });
});

test('adding to any list (interviewers, wins, loved, criteria, people told, people) puts focus in the new row\'s first field', async () => {
  await withPage(async (page) => {
    await newReflection(page, 'Lumen');
    // The interviewers, in the opportunity's details (open on the first step).
    await keyboardFocus(page, page.getByRole('button', { name: t('details.interviewers.add'), exact: true }));
    await press(page, 'Enter');
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, t('details.interviewer.name'));
    const lists = [
      ['wins', 'step.wins.add', 'step.wins.field'],
      ['loved', 'step.loved.add', 'step.loved.prompt.text'],
      ['criteria', 'step.criteria.add', 'step.criteria.field'],
      ['army', 'step.army.add', 'step.army.field'],
    ];
    const steps = ['vent', 'wins', 'reflect', 'feedback', 'loved', 'criteria', 'army', 'resilience'];
    for (const [step, add, field] of lists) {
      const name = `${steps.indexOf(step) + 1}. ${t(`step.${step}.title`)}`;
      await (await reveal(page, page.getByRole('tab', { name }))).click();
      await page.getByRole('tab', { name, selected: true }).waitFor({ state: 'attached' });
      await keyboardFocus(page, page.getByRole('button', { name: t(add), exact: true }));
      await press(page, 'Enter');
      await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, t(field));
    }
    // And on the People screen, a person added by hand.
    await (await reveal(page, page.getByRole('tab', { name: t('nav.people'), exact: true }))).click();
    await keyboardFocus(page, page.getByRole('button', { name: t('contacts.add'), exact: true }));
    await press(page, 'Enter');
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, t('contacts.name'));
  });
});

test('the search\'s result count is spoken as the query narrows the list', async () => {
  await withPage(async (page) => {
    for (const company of ['Lumen', 'Studio Nord']) {
      await newReflection(page, company);
      await page.getByRole('tab', { name: t('nav.journal') }).click();
      await page.getByRole('button', { name: `Open \u2068${company}\u2069` }).waitFor({ state: 'attached' });
    }
    assert.doesNotMatch(await spoken(page), /reflections?$/, 'arriving at the list says no count');
    await page.getByLabel(t('home.search'), { exact: true }).fill('Lumen');
    await page.waitForFunction((text) => document.getElementById('announce')?.textContent === text,
      '1 of 2 reflections');
    await page.getByLabel(t('home.search'), { exact: true }).fill('nothing like this');
    await page.waitForFunction((text) => document.getElementById('announce')?.textContent === text, t('home.no_results'));
  });
});

test('a save that fails is spoken', async () => {
  await withPage(async (page) => {
    await newReflection(page, 'Before the disk filled');
    await waitSaved(page);
    // IndexedDB writes that never call back (emscripten 3.1.6 after a quota error, see storage_failures).
    await page.evaluate(() => {
      window.debrief.storage.timeoutMs = 1000;
      IDBFS.reconcile = () => {};
    });
    await page.getByLabel('Company', { exact: true }).fill('Typed while the disk was full');
    await page.waitForFunction(() => window.debrief.save === 'failed', null, { timeout: 10000 });
    await page.waitForFunction((text) => document.getElementById('announce')?.textContent === text, t('save.failed'));
  });
});

test('each checkbox and field is heard once; home\'s cards are groups named by their company', async () => {
  await withPage(async (page) => {
    await newReflection(page, 'Lumen');
    const name = `2. ${t('step.wins.title')}`;
    await (await reveal(page, page.getByRole('tab', { name }))).click();
    await (await reveal(page, page.getByRole('button', { name: t('step.wins.add'), exact: true }))).click();
    await page.getByLabel(t('step.wins.field'), { exact: true }).waitFor();
    await waitIdle(page);
    const tree = await page.locator('body').ariaSnapshot();
    const count = (text) => tree.split(text).length - 1;
    assert.equal(count(t('step.wins.prompt.really_helped')), 1, tree);
    assert.equal(count(t('step.wins.prompt.text')), 1, tree);  // said once, above the list
    assert.equal(count(t('step.wins.field')), 1, tree);
    assert.match(tree, new RegExp(`checkbox "${t('step.wins.prompt.really_helped')}"`));

    await page.getByRole('tab', { name: t('nav.journal') }).click();
    await page.getByRole('button', { name: 'Open \u2068Lumen\u2069' }).waitFor({ state: 'attached' });
    const home = await page.locator('body').ariaSnapshot();
    assert.match(home, /- list:\n\s+- listitem "Lumen":\n\s+- button "Open \u2068Lumen\u2069"\n\s+- paragraph: Lumen\n/, home);
  });
});

test('Escape takes back an armed "Delete forever" in the trash; focus stays on that button', async () => {
  await withPage(async (page) => {
    await newReflection(page, 'Lumen');
    // Into the trash through the reflection's menu (two presses), with the keyboard.
    await keyboardFocus(page, page.getByRole('button', { name: t('reflection.more'), exact: true }));
    await press(page, 'Enter');
    await press(page, 'Tab');
    await press(page, 'Enter');
    assert.equal(await focused(page), t('reflection.confirm_delete'), 'focus stays on the armed button');
    await press(page, 'Enter');
    await (await reveal(page, page.getByRole('button', { name: t('home.trash'), exact: true }))).click();
    const purge = page.getByRole('button', { name: t('trash.delete_forever'), exact: true });
    await keyboardFocus(page, purge);
    await press(page, 'Enter');
    assert.equal(await focused(page), t('trash.confirm_delete'));
    await press(page, 'Escape');
    await purge.waitFor({ state: 'attached' });
    await waitIdle(page);
    assert.equal(await focused(page), t('trash.delete_forever'));
    await page.getByRole('button', { name: t('trash.restore'), exact: true }).waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => window.debrief.counts.reflections), 1, 'nothing was deleted');
  });
});

// A control that goes away with the frame it was pressed in must not leave focus on the page: the
// person goes on from where they were. Removing a row moves focus to the next row; "Mark done" gives
// way to its undo, which takes focus. And a step's spoken status does not outlive the step.
test('removing a row or marking a reminder done keeps focus where the person was', async () => {
  await withPage(async (page) => {
    await newReflection(page, 'Lumen');
    const name = `2. ${t('step.wins.title')}`;
    await (await reveal(page, page.getByRole('tab', { name }))).click();
    for (const win of ['First win', 'Second win']) {
      await keyboardFocus(page, page.getByRole('button', { name: t('step.wins.add'), exact: true }));
      await press(page, 'Enter');
      await page.keyboard.insertText(win);
      await waitIdle(page);
    }
    await keyboardFocus(page, page.getByRole('button', { name: t('list.remove'), exact: true }).first());
    await press(page, 'Enter');
    await page.waitForFunction((label) => document.querySelectorAll(`[aria-label="${label}"]`).length === 1, t('list.remove'));
    await waitIdle(page);
    // In the second row now: its text field or its checkbox.
    const at = await page.evaluate(() => [document.activeElement.value, document.activeElement.getAttribute('aria-label')]);
    assert.ok(at[0] === 'Second win' || at[1] === t('step.wins.prompt.really_helped'), `focus is in the next row: ${at}`);

    assert.match(await spoken(page), /^Step 2 of 8/);
    await (await reveal(page, page.getByRole('tab', { name: t('nav.reminders'), exact: true }))).click();
    // The step's status does not follow to the next screen, where it is no longer true.
    await page.waitForFunction(() => (document.getElementById('announce') || {}).textContent === '');
    await (await reveal(page, page.getByLabel(t('reminders.custom.what'), { exact: true }))).fill('Call Dana');
    await (await reveal(page, page.getByRole('button', { name: t('reminders.custom.add'), exact: true }))).click();
    const done = t('reminders.done.named').replace('{title}', '\u2068Call Dana\u2069');
    await keyboardFocus(page, page.getByRole('button', { name: done, exact: true }));
    await press(page, 'Enter');
    const reopen = t('reminders.reopen.named').replace('{title}', '\u2068Call Dana\u2069');
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, reopen);
  });
});
