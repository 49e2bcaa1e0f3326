// A whole reflection with the keyboard only (Tab, Shift+Tab, Enter, Space, arrow keys, typing), as a
// person who cannot use a pointer does it, on a desktop and on a phone's screen: counts the Tab
// presses, and checks focus never falls back to the page (document.body) after an action that
// replaces the focused control.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { focused, launch, openApp, startServer, storedReflections, waitIdle, watchErrors } from './harness.mjs';

// Tab presses allowed for the whole path below (see the note at the assertion).
const TAB_BUDGET = 60;

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());


for (const [where, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  test(`a full reflection with the keyboard only takes few Tab presses (${where})`, async () => {
    const browser = await launch(null, { viewport });
    try {
      const page = await browser.context.newPage();
      const errors = watchErrors(page);
      await openApp(page, server.url);
      let tabs = 0;
      const press = async (key) => {
        await page.keyboard.press(key);
        await waitIdle(page);
      };
      // Tabs (or Shift+Tabs) until the focused element is called `name`; fails after `max` presses.
      const tabTo = async (name, { back = false, max = 90 } = {}) => {
        const matches = (text) => (name instanceof RegExp ? name.test(text || '') : text === name);
        if (matches(await focused(page))) return;  // already there
        for (let i = 0; i < max; ++i) {
          await press(back ? 'Shift+Tab' : 'Tab');
          ++tabs;
          const now = await focused(page);
          if (process.env.DEBUG_KEYS) console.log('focus:', now);
          if (matches(now)) return;
        }
        assert.fail(`"${name}" not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
      };
      // Activates the focused control; afterwards focus must be on something, and on `expect` if given.
      const activate = async (what, expect) => {
        await press('Enter');
        const now = await focused(page);
        if (process.env.DEBUG_KEYS) console.log('after', what, '->', now);
        assert.notEqual(now, null, `focus fell back to the page after "${what}"`);
        if (expect) assert.match(now, expect, `after "${what}" focus is on "${now}"`);
      };
      const type = async (text) => { await page.keyboard.type(text); await waitIdle(page); };

      // The first Tab stop is the skip link.
      await press('Tab');
      ++tabs;
      assert.equal(await focused(page), 'Skip to the content');
      await tabTo('New reflection');
      await activate('New reflection', /^Company$/);
      await type('Studio Nord');
      // One Tab stop per date: the next Tab leaves it; the digits fill it in the browser's order.
      await tabTo('Last interview');
      await type('11102026');
      const date = await page.evaluate(() => document.activeElement.value);
      assert.equal(date, '2026-11-10');
      await tabTo('Heard back on', { max: 1 });

      // Step 1 (Let it out): the mood is one stop (the arrow keys choose), the ten feelings are one
      // stop (the arrow keys move, Space ticks).
      await tabTo('0');
      for (let i = 0; i < 3; ++i) await press('ArrowRight');
      await tabTo('Angry', { max: 1 });
      await press('ArrowRight');
      assert.equal(await focused(page), 'Sad');
      await press('Space');
      await page.waitForFunction(() => document.querySelector('[role="checkbox"][aria-label="Sad"]')?.getAttribute('aria-checked') === 'true',
        null, { timeout: 5000 }).catch(async () => assert.fail(`Space did not tick "Sad": ${await page.evaluate(() =>
        [...document.querySelectorAll('[role="checkbox"]')].map((e) => `${e.getAttribute('aria-label')}=${e.getAttribute('aria-checked')} ${e.style.cssText}`).join('; '))}`));
      assert.equal(await focused(page), 'Sad');
      // Next is the way into the step's buttons: Back and Skip are an arrow key away from it.
      await tabTo('Next');
      await activate('Next (to Wins)');
      await tabTo('Add a win');
      await activate('Add a win', /^A win$/);
      await type('My portfolio got me to the final round');

      for (const step of ['Reflect', 'Feedback', 'Loved', 'Criteria', 'Army', 'Moving forward']) {
        await tabTo('Next');
        await activate(`Next (to ${step})`);
      }
      // Back is reached from Next with an arrow key, and comes back with the other.
      await tabTo('Finish');
      await press('ArrowLeft');
      await press('ArrowLeft');
      assert.equal(await focused(page), 'Back');
      await press('End');
      assert.equal(await focused(page), 'Finish');
      await activate('Finish');

      const [stored] = await storedReflections(page);
      assert.equal(stored.company, 'Studio Nord');
      assert.equal(stored.last_interview_on, '2026-11-10');
      assert.equal(stored.vent.mood_before, 3);
      assert.deepEqual(stored.vent.emotions, ['sad']);
      assert.equal(stored.wins[0].text, 'My portfolio got me to the final round');
      console.log(`keyboard path (${where}): ${tabs} Tab presses for a whole reflection`);
      // Measured: see README. It was about 190 with four stops per date, a stop per radio, per step
      // tab and per feeling, no focus after actions and the reflection's menu below each step; Back,
      // Skip and Next are now one stop entered on Next.
      assert.ok(tabs <= TAB_BUDGET, `${tabs} Tab presses (at most ${TAB_BUDGET})`);
      assert.deepEqual(errors, []);
    } finally {
      await browser.cleanup();
    }
  });
}
