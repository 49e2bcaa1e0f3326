// The web platform layer in real Chromium: high-DPI, render on demand, the semantic mirror
// (roles, names, keyboard), native text fields (byte-exact text) and touch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, launch, newReflection, openApp, reveal, startServer, storedReflections, waitIdle, waitSaved, waitSettled, watchErrors } from './harness.mjs';

let server;

before(async () => {
  server = await startServer();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(() => server.server.close());

async function withPage(options, fn) {
  const browser = await launch(null, options);
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await openApp(page, server.url);
    await fn(page);
    assert.deepEqual(errors.filter((e) => !e.includes('GL Driver')), []);
  } finally {
    await browser.cleanup();
  }
}

test('at deviceScaleFactor 2 the canvas backing store is twice its CSS size', async () => {
  await withPage({ deviceScaleFactor: 2, viewport: { width: 390, height: 844 } }, async (page) => {
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
    });
    assert.equal(size.w, size.cw * 2);
    assert.equal(size.h, size.ch * 2);
    await page.screenshot({ path: join(ARTIFACTS, 'dpr2-home.png') });
  });
});

test('no frames are drawn while idle; input draws again', async () => {
  await withPage({}, async (page) => {
    // Idle: settled (no frame scheduled, no timer armed that would ask for one, nothing saving),
    // then the browser runs 30 animation frames (a busy app draws on every one of them)...
    await waitSettled(page);
    const before = await page.evaluate(() => window.debrief.frames);
    const vsyncs = await page.evaluate(() => new Promise((resolve) => {
      let count = 0;
      const tick = () => (++count === 30 ? resolve(count) : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    }));
    assert.equal(vsyncs, 30);
    assert.equal(await page.evaluate(() => window.debrief.frames), before, 'frames while idle');
    // ...and nothing is left that would draw later: still no frame scheduled and no timer armed.
    assert.deepEqual(await page.evaluate(() => window.debrief.pending()), [], 'nothing pending while idle');
    await page.mouse.move(200, 300);
    await page.mouse.move(240, 340);
    await page.waitForFunction((n) => window.debrief.frames > n, before);
    assert.ok((await page.evaluate(() => window.debrief.frames)) > before, 'input draws a frame');
  });
});

// Render on demand draws settle frames after each event; one that repeats the picture on the canvas
// is not drawn (ui/draw_fingerprint.h). A resize clears the canvas, so the frame after it is drawn
// in full: if a changed frame had been skipped, that full drawing would differ from what was shown.
test('frames that repeat the canvas are skipped, and every change still reaches it', async () => {
  await withPage({}, async (page) => {
    const viewport = page.viewportSize();
    const canvas = page.locator('#canvas');
    const counts = () => page.evaluate(() => ({ frames: window.debrief.frames, drawn: window.debrief.framesDrawn }));
    const drawnAfter = async (change) => {
      const before = await counts();
      await change();
      await page.waitForFunction((n) => window.debrief.frames > n, before.frames);
      await waitSettled(page);
      return (await counts()).drawn - before.drawn;
    };
    const redrawnInFull = async () => {
      await drawnAfter(() => page.setViewportSize({ width: viewport.width + 1, height: viewport.height }));
      assert.ok((await drawnAfter(() => page.setViewportSize(viewport))) >= 1, 'a resize draws');
      return canvas.screenshot();
    };
    const shownMatchesFullDrawing = async (what) => {
      const shown = await canvas.screenshot();
      assert.ok(shown.equals(await redrawnInFull()), `the canvas after ${what} is the full drawing of that frame`);
    };

    await waitSettled(page);
    const start = await counts();
    assert.ok(start.drawn >= 1 && start.drawn < start.frames, `drawn ${start.drawn} of ${start.frames} start-up frames`);
    await shownMatchesFullDrawing('start-up');

    const button = page.getByRole('button', { name: 'New reflection' });
    const box = await button.boundingBox();
    assert.ok((await drawnAfter(() => page.mouse.move(box.x + box.width / 2, box.y + box.height / 2))) >= 1,
      'hovering a button draws its highlight');
    await shownMatchesFullDrawing('a hover');

    await newReflection(page, 'Ørsted — 東京');
    await waitSaved(page);
    await shownMatchesFullDrawing('typing into a field');

    await page.mouse.move(2, viewport.height - 2);
    await waitSettled(page);
    await shownMatchesFullDrawing('the pointer leaving');

    // Shown again after being hidden, the page draws in full even though nothing changed: the
    // browser may have dropped the canvas's picture meanwhile.
    assert.ok((await drawnAfter(() => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange'))))) >= 1,
      'a page shown again redraws its canvas');
  });
});

test('mirror buttons are found by role and name, by mouse and by keyboard alone', async () => {
  await withPage({}, async (page) => {
    await page.getByRole('tab', { name: 'Reminders' }).click();
    await page.getByRole('heading').count();  // no-op: the mirror exposes controls, not text
    await page.getByRole('button', { name: 'Add to my calendar (.ics)' }).or(page.getByLabel('What to do')).first().waitFor();
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.getByRole('button', { name: 'New reflection' }).waitFor();

    // Keyboard only: Tab until "New reflection" has focus, then Enter.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 12; ++i) {
      const name = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('aria-label'));
      if (name === 'New reflection') break;
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'New reflection');
    await page.keyboard.press('Enter');
    await page.getByLabel('Company', { exact: true }).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Journal' }).getAttribute('aria-selected'), 'true');
  });
});

test('text typed into a native field arrives byte-exact in the stored journal', async () => {
  await withPage({}, async (page) => {
    const text = 'Grüße – perché – مرحبا – 😊';
    await newReflection(page, text);
    await waitSaved(page);
    const stored = await storedReflections(page);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].company, text);
    assert.equal(Buffer.from(stored[0].company).toString('hex'), Buffer.from(text).toString('hex'));
    // The field is labelled, wraps right-to-left text by itself and is at least 16px (no iOS zoom).
    const style = await page.getByLabel('Company', { exact: true }).evaluate((el) => ({ dir: el.dir, size: getComputedStyle(el).fontSize }));
    assert.equal(style.dir, 'auto');
    assert.ok(parseFloat(style.size) >= 16);
  });
});

// A screen left and opened again makes its fields anew: each must show its text again, not an empty
// box over a value that is still stored.
test('a field shows its text again when its screen comes back', async () => {
  await withPage({}, async (page) => {
    await page.getByRole('tab', { name: 'Your data' }).click();
    await (await reveal(page, page.getByLabel('Your name', { exact: true }))).fill('Mia Hoffmann');
    await waitSaved(page);
    await page.getByRole('tab', { name: 'Journal' }).click();
    await waitIdle(page);
    assert.equal(await page.getByLabel('Your name', { exact: true }).count(), 0);
    await page.getByRole('tab', { name: 'Your data' }).click();
    assert.equal(await (await reveal(page, page.getByLabel('Your name', { exact: true }))).inputValue(), 'Mia Hoffmann');

    await page.getByRole('tab', { name: 'Journal' }).click();
    await newReflection(page, 'Nordlicht GmbH');
    await waitSaved(page);
    await (await reveal(page, page.getByRole('button', { name: '‹ Journal' }), { direction: -1 })).click();
    await (await reveal(page, page.getByRole('button', { name: 'Open \u2068Nordlicht GmbH\u2069' }))).click();
    await waitIdle(page);
    assert.equal(await (await reveal(page, page.getByLabel('Company', { exact: true }))).inputValue(), 'Nordlicht GmbH');
  });
});

test('a tap on a touch screen presses an ImGui button', async () => {
  await withPage({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }, async (page) => {
    const box = await page.getByRole('button', { name: 'New reflection' }).boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByLabel('Company', { exact: true }).waitFor({ timeout: 5000 });
  });
});

for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
  test(`at ${name} size no control is clipped or overlapping, fields sit on their frames`, async () => {
    await withPage({ viewport }, async (page) => {
      await newReflection(page, 'Acme');
      await waitIdle(page);
      const rects = await page.evaluate(() => Array.from(document.querySelectorAll('#overlay :is(.mirror, .field):not([hidden])')).map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.getAttribute('aria-label'), x: r.x, y: r.y, w: r.width, h: r.height, clip: getComputedStyle(el).clipPath };
      }));
      for (const r of rects) assert.ok(r.x >= 0 && r.x + r.w <= viewport.width + 0.5, `${r.name} inside the screen`);
      // Scrolled-away items are parked with no size at the page edge (shell.js): nothing to overlap.
      const visible = rects.filter((r) => (r.clip === 'none' || r.clip === 'inset(0px)') && r.w > 0 && r.h > 0);
      for (let i = 0; i < visible.length; ++i) {
        for (let j = i + 1; j < visible.length; ++j) {
          const a = visible[i], b = visible[j];
          const overlap = a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
          assert.ok(!overlap, `${a.name} overlaps ${b.name}`);
        }
      }
      await page.screenshot({ path: join(ARTIFACTS, `reflection-${name}.png`) });
    });
  });
}

test('dragging a finger scrolls the content and does not press what it started on', async () => {
  await withPage({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } }, async (page) => {
    await newReflection(page, 'Touch');
    await waitIdle(page);
    const company = page.getByLabel('Company', { exact: true });
    const before = (await company.boundingBox()).y;
    const cdp = await page.context().newCDPSession(page);
    // Start on a button-free spot of the canvas and drag upwards, as a thumb does.
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 360, y }] });
    await touch('touchStart', 700);
    for (let y = 690; y >= 400; y -= 30) await touch('touchMove', y);
    await touch('touchEnd');
    await waitIdle(page);
    const after = await company.boundingBox();
    assert.ok(!after || after.y < before - 200, `scrolled from ${before} to ${after && after.y}`);
    assert.equal((await storedReflections(page)).length <= 1, true);
  });
});

test('keyboard focus scrolls controls below the fold into view', async () => {
  await withPage({ viewport: { width: 390, height: 600 } }, async (page) => {
    await newReflection(page, 'Keyboard');
    await waitIdle(page);
    // Tab through the fields and buttons of the details card until the letter field is reached
    // (date inputs take several Tab stops each).
    for (let i = 0; i < 90; ++i) {
      const label = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('aria-label'));
      if (label && label.startsWith('Write the letter')) break;
      await page.keyboard.press('Tab');
      await waitIdle(page);  // focus reveals the control: the scroll it asked for is drawn
    }
    const letter = page.getByLabel(/Write the letter/);
    assert.ok(await letter.isVisible(), 'the letter field was reached by Tab and is on screen');
    const box = await letter.boundingBox();
    assert.ok(box.y >= 0 && box.y < 600);
  });
});
