// A whole reflection with the keyboard only (Tab, Shift+Tab, Enter, typing), as a person who cannot
// use a pointer does it: counts the Tab presses, and checks focus never falls back to the page
// (document.body) after an action that replaces the focused control.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, startServer, storedReflections, waitIdle, watchErrors } from './harness.mjs';

// Tab presses allowed for the whole path below (see the note at the assertion).
const TAB_BUDGET = 75;

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

// What a screen reader would announce for the focused element: its label, else its text.
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  return (el.getAttribute('aria-label') || el.textContent || '').trim();
});

test('a full reflection with the keyboard only takes few Tab presses (desktop)', async () => {
  const browser = await launch(null, { viewport: { width: 1280, height: 800 } });
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
      const here = await focused(page);
      if (name instanceof RegExp ? name.test(here || '') : here === name) return;  // already there
      for (let i = 0; i < max; ++i) {
        await press(back ? 'Shift+Tab' : 'Tab');
        ++tabs;
        const now = await focused(page);
        if (process.env.DEBUG_KEYS) console.log('focus:', now);
        if (name instanceof RegExp ? name.test(now || '') : now === name) return;
      }
      assert.fail(`"${name}" not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
    };
    // Activates the focused control; afterwards focus must be on something, and on `expect` if given.
    const activate = async (what, expect) => {
      await press('Enter');
      const now = await focused(page);
      if (process.env.DEBUG_KEYS) console.log('after', what, '->', now, await page.evaluate(() => [...document.querySelectorAll('[aria-selected="true"], [aria-current]')].map((e) => e.textContent).join('|')));
      assert.notEqual(now, null, `focus fell back to the page after "${what}"`);
      if (expect) assert.match(now, expect, `after "${what}" focus is on "${now}"`);
    };
    const type = async (text) => { await page.keyboard.type(text); await waitIdle(page); };

    await tabTo('New reflection');
    await activate('New reflection', /^Company$/);
    await type('Studio Nord');
    // One Tab stop per date: the next Tab leaves it; the digits fill it in the browser's order.
    await tabTo('Last interview');
    await type('11102026');
    const date = await page.evaluate(() => document.activeElement.value);
    assert.equal(date, '2026-11-10');
    await tabTo('Heard back on', { max: 1 });

    // Step 1 (Let it out) shares its screen with the details; on to step 2, which has no field yet:
    // focus moves to the step's heading, and the list's "Add a win" is the next stop.
    await tabTo('Next');
    await activate('Next (to Wins)');
    await tabTo('Add a win');
    await activate('Add a win', /Something that went well/);
    await type('My portfolio got me to the final round');

    for (const step of ['Reflect', 'Feedback', 'Loved', 'Criteria', 'Army', 'Moving forward']) {
      await tabTo('Next');
      await activate(`Next (to ${step})`);
    }
    await tabTo('Finish');
    await activate('Finish');

    const [stored] = await storedReflections(page);
    assert.equal(stored.company, 'Studio Nord');
    assert.equal(stored.last_interview_on, '2026-11-10');
    assert.equal(stored.wins[0].text, 'My portfolio got me to the final round');
    console.log(`keyboard path: ${tabs} Tab presses for a whole reflection`);
    // Measured 73 (about 190 with four stops per date, a stop per radio and per step tab, no focus
    // after actions and the reflection's menu below each step). The goal is 60: what is left is the
    // details card's fields on the way to a date, the ten feeling checkboxes, and Back / Skip before
    // each Next.
    assert.ok(tabs <= TAB_BUDGET, `${tabs} Tab presses (at most ${TAB_BUDGET})`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.cleanup();
  }
});
