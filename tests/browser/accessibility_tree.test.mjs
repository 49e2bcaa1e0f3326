// What a screen reader finds in the mirror (Playwright's ARIA snapshot of the page): landmarks, the
// navigation as a tab list, every step's heading, "Step N of 8" and guidance as text, named radio
// groups and chip sets, and a draft's checklist with each item's state in words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue } from './catalogue.mjs';
import { launch, newReflection, openApp, reveal, startServer, waitIdle, watchErrors } from './harness.mjs';

const t = catalogue('en');
const steps = ['vent', 'wins', 'reflect', 'feedback', 'loved', 'criteria', 'army', 'resilience'];
// The snapshot is YAML: one line per node, whitespace of the texts collapsed.
const flat = (text) => text.replace(/\s+/g, ' ').trim();
const snapshot = async (page) => {
  await waitIdle(page);
  return page.locator('body').ariaSnapshot();
};
const has = (tree, text, what) => assert.ok(flat(tree).includes(flat(text)), `${what}: "${flat(text)}" not in\n${tree}`);

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

test('landmarks and the tab list of the navigation', async () => {
  const browser = await launch(null, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openApp(page, server.url);
    const tree = await snapshot(page);
    assert.match(tree, /^- banner:/m);
    assert.match(tree, /^- main:/m);
    has(tree, `navigation "${t('a11y.navigation')}":`, 'navigation landmark');
    has(tree, `tablist "${t('a11y.navigation')}":`, 'top tab list');
    has(tree, `tab "${t('nav.journal')}" [selected]`, 'selected tab');
    has(tree, `tabpanel "${t('nav.journal')}":`, 'the screen as the tab panel');
    await page.getByRole('tab', { name: t('nav.data') }).click();
    await page.getByRole('tab', { name: t('nav.data'), selected: true }).waitFor({ state: 'attached' });
    const data = await snapshot(page);
    has(data, `tabpanel "${t('nav.data')}":`, 'data panel');
    has(data, `heading "${t('data.title')}" [level=1]`, 'data heading');
    has(data, `radiogroup "${t('data.language')}":`, 'language choice named by its prompt');
    assert.deepEqual(errors, []);
  } finally {
    await browser.cleanup();
  }
});

test('each of the 8 steps reads its heading, position and guidance; a draft its checklist', async () => {
  const browser = await launch(null, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openApp(page, server.url);
    await newReflection(page, 'Lumen');
    for (let i = 0; i < steps.length; ++i) {
      const title = t(`step.${steps[i]}.title`);
      await (await reveal(page, page.getByRole('tab', { name: `${i + 1}. ${title}` }))).click();
      await page.getByRole('tab', { name: `${i + 1}. ${title}`, selected: true }).waitFor({ state: 'attached' });
      // Arriving at a step is said in the live region, and focus is on the step's heading.
      const said = t('a11y.step_changed', { current: i + 1, total: 8, title });
      await page.waitForFunction((text) => document.getElementById('announce')?.textContent === text, said);
      // (Step 1 was reached with the company field in use: focus stays there.)
      if (i > 0) {
        await page.waitForFunction((text) => document.activeElement?.getAttribute('role') === 'heading' &&
          document.activeElement.textContent === text, title);
      }
      const tree = await snapshot(page);
      has(tree, `heading "${title}" [level=2]`, `step ${i + 1} heading`);
      has(tree, t('steps.progress', { current: i + 1, total: 8 }), `step ${i + 1} position`);
      has(tree, t(`step.${steps[i]}.guidance`), `step ${i + 1} guidance`);
      has(tree, `tablist "${t('a11y.steps')}":`, 'step tabs');
      // Radios always sit in a named group: "0".."10" alone would mean nothing.
      for (const m of tree.matchAll(/^(\s*)- radiogroup(.*)$/gm)) assert.match(m[2], /^ "[^"]+/, `unnamed radio group in step ${i + 1}`);
      assert.doesNotMatch(tree.replace(/^\s*- radiogroup.*\n(\s+- radio.*\n)*/gm, ''), /^\s*- radio /m, 'a radio outside any group');
      if (steps[i] === 'vent') {
        has(tree, `radiogroup "${t('step.vent.prompt.mood_before')}":`, 'mood picker group');
        // The prompt is heard once, as the group's name, not also as a paragraph before it.
        assert.ok(!tree.includes(`paragraph: ${t('step.vent.prompt.mood_before')}`), 'the mood prompt read twice');
        has(tree, `group "${t('step.vent.prompt.emotions')}":`, 'feelings as a named group');
        const sad = page.getByRole('checkbox', { name: t('emotion.sad') });
        await (await reveal(page, sad)).click();
        await page.getByRole('checkbox', { name: t('emotion.sad'), checked: true }).waitFor({ state: 'attached' });
      }
    }

    // A draft: every checklist item is a list item saying whether it is in place.
    await (await reveal(page, page.getByRole('tab', { name: `4. ${t('step.feedback.title')}` }))).click();
    await (await reveal(page, page.getByRole('button', { name: /^Draft: / }).first())).click();
    await page.getByLabel(t('message.body'), { exact: true }).waitFor();
    const draft = await snapshot(page);
    const list = /^(\s*)- list "([^"]+)":\n((?:\1\s+- listitem.*\n?)+)/m.exec(draft);
    assert.ok(list, `no checklist list in\n${draft}`);
    const items = list[3].trim().split('\n').map((l) => l.replace(/^\s*- listitem: /, '').replace(/^"|"$/g, ''));
    assert.ok(items.length >= 3, `checklist items: ${items}`);
    const met = t('checklist.item.met', { item: '' });
    const notMet = t('checklist.item.not_met', { item: '' });
    for (const item of items) assert.ok(item.endsWith(met) || item.endsWith(notMet), `no state in "${item}"`);
    // A generated draft already does most of what it should: some items read as in place.
    assert.ok(items.some((item) => item.endsWith(met)), `nothing in place: ${items}`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.cleanup();
  }
});

test('a person is a named group whose buttons say whose they are', async () => {
  const browser = await launch(null, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await browser.context.newPage();
    await openApp(page, server.url);
    await page.getByRole('tab', { name: t('nav.people') }).click();
    await (await reveal(page, page.getByRole('button', { name: t('contacts.add') }))).click();
    const name = page.getByLabel(t('contacts.name'), { exact: true });
    await (await reveal(page, name)).fill('Anna Rossi');
    // The name inside the sentence is wrapped in Unicode isolates (FSI … PDI), so its direction
    // cannot reorder the words around it.
    const isolated = '\u2068Anna Rossi\u2069';
    await page.getByRole('button', { name: t('contacts.remove.named', { name: isolated }) }).waitFor({ state: 'attached' });
    const tree = await snapshot(page);
    has(tree, 'group "Anna Rossi":', 'the row as a group');
    for (const key of ['contacts.done_editing.named', 'contacts.remind.named', 'contacts.write.named', 'contacts.remove.named']) {
      has(tree, `button "${t(key, { name: isolated })}"`, key);
    }
  } finally {
    await browser.cleanup();
  }
});
