// The Arabic interface is the English one seen in a mirror (src/ui/draw_mirror.h): the tab row starts
// on the right, Next sits left of Back, fields and the accessible mirror sit at mirrored places and read
// right to left, and a click on a mirrored button reaches that button. Screenshots of home and a step,
// in both directions and two sizes, go to build/test-artifacts/ for a person to look at. Emoji and
// letters beyond the Latin font are fetched in blocks when drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, launch, openApp, reveal, startServer, waitIdle, watchErrors } from './harness.mjs';

let server;
before(async () => {
  server = await startServer();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(() => server.server.close());

// Names that hold whether or not the Arabic catalogue is installed.
const NEXT = /^(Next|التالي)$/;
const BACK = /^(Back|السابق)$/;

// Switches the interface language and waits until it is drawn, with the Arabic faces when they
// were needed (they download on first use: pending() says 'fonts' meanwhile).
async function setLanguage(page, code) {
  const before = await waitIdle(page);
  await page.evaluate((c) => window.debrief.setLanguage(c), code);
  await page.waitForFunction((f) => window.debrief.frames > f, before);
  // 'catalogue': the Arabic file is fetched first (slow under load); the layout flips once it is in.
  await page.waitForFunction(() => !window.debrief.pending().some((r) => r === 'start' || r === 'frame' || r === 'fonts' || r === 'catalogue'));
}

// Waits until the text just drawn is in its own letters: font files fetched, the atlas rebuilt.
const waitGlyphs = (page) => page.waitForFunction(() => !window.debrief.pending().some((r) => r === 'frame' || r === 'fonts'));

async function boxes(locator) {
  const all = await locator.all();
  return Promise.all(all.map((l) => l.evaluate((el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; })));
}

const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

for (const [size, viewport] of Object.entries(viewports)) {
  test(`the Arabic interface mirrors the layout, the fields and the accessible mirror (${size})`, async () => {
    const browser = await launch(null, { viewport });
    try {
      const page = await browser.context.newPage();
      const errors = watchErrors(page);
      await openApp(page, server.url);
      const shot = async (name) => { await waitIdle(page); await page.screenshot({ path: join(ARTIFACTS, `rtl-${size}-${name}.png`) }); };

      // The Arabic faces are not downloaded until Arabic is drawn.
      const fontRequests = [];
      page.on('request', (r) => { if (/fonts\/arabic/.test(r.url())) fontRequests.push(r.url()); });
      assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /arabic/.test(n))), []);

      // English: the first tab is the leftmost.
      const tabs = page.getByRole('tab');
      const english = await boxes(tabs);
      assert.ok(english.length >= 2, 'the top tabs are mirrored as tab elements');
      assert.ok(english[0].left < english[1].left, 'English tabs run left to right');
      await shot('home-en');

      await setLanguage(page, 'ar');
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      const arabic = await boxes(tabs);
      assert.equal(arabic.length, english.length);
      assert.ok(arabic[0].left > arabic[1].left, 'Arabic tabs run right to left');
      const rightmost = Math.max(...arabic.map((b) => b.right));
      assert.equal(arabic[0].right, rightmost, 'the first tab is the rightmost');
      // Each tab lands where the mirror of its English place is (labels may differ in width).
      assert.ok(Math.abs(arabic[0].right - (viewport.width - english[0].left)) < 1, 'the first tab is mirrored');
      await shot('home-ar');

      // A reflection, started in English (its button's name is English there), then shown in Arabic.
      await setLanguage(page, 'en');
      await (await reveal(page, page.getByRole('button', { name: 'New reflection' }))).click();
      await waitIdle(page);
      const company = page.getByLabel('Company', { exact: true });
      const companyEn = (await boxes(company))[0];
      await shot('step-en');
      // Characters the Latin font lacks come in blocks once drawn (src/ui/fonts.h): a Polish and a
      // Turkish name, an emoji, and the heart with its emoji form (U+FE0F: drawn with no width).
      const blockRequests = [];
      page.on('request', (r) => { const m = /fonts\/(blocks\/u[0-9a-f]+)\.ttc$/.exec(r.url()); if (m) blockRequests.push(m[1]); });
      await company.fill('Łukasz Yılmaz 😭❤️');
      await waitGlyphs(page);
      assert.deepEqual(blockRequests.sort(), ['blocks/u0100', 'blocks/u1f600', 'blocks/u2700', 'blocks/ufe00']);
      await shot('step-more-letters');
      // A new letter from a block already loaded shows in the first frame that draws it: the atlas
      // is rebuilt before anything is drawn, so no "?" stands in for it for a frame (backend_web.cpp).
      await company.focus();
      await waitIdle(page);
      await page.evaluate(() => {
        const calls = window.glCalls = [];
        const proto = WebGL2RenderingContext.prototype;
        for (const name of ['drawElements', 'texImage2D']) {
          const original = proto[name];
          proto[name] = function (...args) { calls.push(name); return original.apply(this, args); };
        }
      });
      await company.fill('Łukasz Świątek');
      await waitGlyphs(page);
      const calls = await page.evaluate(() => window.glCalls);
      assert.ok(calls.includes('texImage2D') && calls.includes('drawElements'), 'the atlas was rebuilt and the name drawn');
      assert.ok(calls.indexOf('texImage2D') < calls.indexOf('drawElements'), 'nothing was drawn before the atlas held Ś and ą');
      // An Arabic company name, drawn by the app as the reflection's title, brings the Arabic faces.
      await company.fill('استوديو نورد');
      await waitGlyphs(page);
      assert.equal(fontRequests.length, 1, 'Arabic text brought the Arabic faces (one collection)');
      await setLanguage(page, 'ar');
      await shot('step-ar');

      // Mirrored, every control stays on screen and none overlaps another (as platform.test.mjs
      // checks in English).
      const rects = await page.evaluate(() => Array.from(document.querySelectorAll('#overlay :is(.mirror, .field):not([hidden])')).map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.getAttribute('aria-label'), x: r.x, y: r.y, w: r.width, h: r.height, clip: getComputedStyle(el).clipPath };
      }));
      assert.ok(rects.length > 5);
      for (const r of rects) assert.ok(r.x >= 0 && r.x + r.w <= viewport.width + 0.5, `${r.name} inside the screen`);
      // Scrolled-away items are parked with no size at the page edge (shell.js): nothing to overlap.
      const whole = rects.filter((r) => (r.clip === 'none' || r.clip === 'inset(0px)') && r.w > 0 && r.h > 0);
      for (let i = 0; i < whole.length; ++i) {
        for (let j = i + 1; j < whole.length; ++j) {
          const a = whole[i], b = whole[j];
          const overlap = a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
          assert.ok(!overlap, `${a.name} overlaps ${b.name}`);
        }
      }

      // The field sits at the mirror of its English place and reads right to left (the fields on
      // screen: one scrolled away is parked with no size, and a date holding digits reads as digits).
      const fields = page.locator('#overlay .field:visible');
      assert.ok((await fields.count()) > 0);
      for (const field of await fields.all()) {
        assert.equal(await field.evaluate((el) => getComputedStyle(el).direction), 'rtl', 'a field reads right to left');
      }
      const companyAr = (await boxes(page.locator('#overlay .field').first()))[0];
      assert.ok(Math.abs(companyAr.left - (viewport.width - companyEn.right)) < 1, 'the field is mirrored');
      assert.ok(Math.abs(companyAr.right - (viewport.width - companyEn.left)) < 1, 'the field is mirrored');

      // The accessible mirror reads right to left too, and Next is left of Back.
      const next = await reveal(page, page.getByRole('button', { name: NEXT }));
      assert.equal(await next.evaluate((el) => getComputedStyle(el).direction), 'rtl');
      await next.click();  // step 1 has no Back; the second step has both
      await waitIdle(page);
      const back = await reveal(page, page.getByRole('button', { name: BACK }));
      const [nextBox] = await boxes(page.getByRole('button', { name: NEXT }));
      const [backBox] = await boxes(back);
      assert.ok(nextBox.right <= backBox.left, `Next (${nextBox.left}) is left of Back (${backBox.left})`);

      // A real click at the mirrored button's centre reaches that button: Back returns to step 1,
      // where there is no Back button.
      await page.mouse.click((backBox.left + backBox.right) / 2, (backBox.top + backBox.bottom) / 2);
      await waitIdle(page);
      assert.equal(await page.getByRole('button', { name: BACK }).count(), 0, 'Back was activated');
      assert.deepEqual(errors, []);
    } finally {
      await browser.cleanup();
    }
  });
}
