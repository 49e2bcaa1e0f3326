// The interface language: a German browser opens Debrief in German on the first visit; Italian picked
// in "Your data" stays after a reload and offline (its catalogue from the service worker's cache);
// Arabic turns the page right-to-left. Runs on a copy of build/site: a translation not yet in
// assets/i18n/ is served from the test catalogues in tests/fixtures/i18n/, so only the page's lang,
// dir and title (which every catalogue sets) are asserted, never a translator's wording.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, access, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePrecache } from '../../scripts/lib/make_precache.mjs';
import { ROOT, SITE, launch, openApp, startServer, waitSettled, watchErrors } from './harness.mjs';

const exists = (path) => access(path).then(() => true, () => false);

// The catalogue the site serves for `code`: the translators' file once it exists, else ours.
async function sourcePo(code) {
  const real = join(ROOT, 'assets', 'i18n', `${code}.po`);
  return (await exists(real)) ? real : join(ROOT, 'tests', 'fixtures', 'i18n', `${code}.po`);
}

// A one-line msgstr from a .po file (enough for the few keys asserted here), or null.
async function translation(code, key) {
  const text = await readFile(await sourcePo(code), 'utf8');
  const match = text.match(new RegExp(`^msgid "${key.replace(/\./g, '\\.')}"\\nmsgstr "((?:[^"\\\\]|\\\\.)*)"$`, 'm'));
  return match ? JSON.parse(`"${match[1]}"`) : null;
}

async function siteWithCatalogues() {
  const site = await mkdtemp(join(tmpdir(), 'debrief-site-'));
  await cp(SITE, site, { recursive: true });
  // Compiled here from the same source the assertions read, whatever build/site/i18n/ holds.
  await rm(join(site, 'i18n'), { recursive: true, force: true });
  await mkdir(join(site, 'i18n'));
  for (const code of ['de', 'it', 'ar']) {
    const po = await sourcePo(code);
    execFileSync('msgfmt', ['--check', '--output-file', '/dev/null', po]);  // as cmake/Catalogues.cmake does
    execFileSync('/usr/bin/python3', [join(ROOT, 'scripts', 'lib', 'po_to_catalogue.py'), 'pack',
      join(ROOT, 'assets', 'i18n', 'en.po'), po, join(site, 'i18n', `${code}.catalogue`)]);
    execFileSync('/usr/bin/python3', [join(ROOT, 'scripts', 'lib', 'make_manifest.py'), join(ROOT, 'web', 'manifest.webmanifest'),
      po, join(site, `manifest.${code}.webmanifest`)]);
  }
  await makePrecache(site);
  return site;
}

const page_lang = (page) => page.evaluate(() => ({
  lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title,
}));

// "Your data" is the last of the top bar's tabs, whatever it is called in the language shown.
async function openYourData(page) {
  await page.getByRole('tab').last().click();
  await waitSettled(page);
}

async function pick(page, name) {
  await page.getByRole('radio', { name }).click();
  await page.waitForFunction((code) => document.documentElement.lang === code, name === 'Italiano' ? 'it' : 'ar');
  await waitSettled(page);
}

describe('choosing the interface language', () => {
  let site;
  let server;
  let browser;
  let page;
  let errors;

  before(async () => {
    site = await siteWithCatalogues();
    server = await startServer(site);
    browser = await launch(undefined, { locale: 'de-DE' });
    page = await browser.context.newPage();
    errors = watchErrors(page);
  });

  after(async () => {
    await browser.cleanup();
    server.server.close();
    await rm(site, { recursive: true, force: true });
  });

  test('a German browser opens Debrief in German on the first visit', async () => {
    await openApp(page, server.url);
    await waitSettled(page);
    const shown = await page_lang(page);
    assert.equal(shown.lang, 'de');
    assert.equal(shown.dir, 'ltr');
    // The top bar speaks German (the accessible mirror carries the tabs' names).
    const journal = await translation('de', 'nav.journal');
    assert.ok(journal, 'the German catalogue names the Journal tab');
    await page.getByRole('tab', { name: journal, exact: true }).waitFor();
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]').getAttribute('href');
      return { href, lang: (await (await fetch(href)).json()).lang };
    });
    assert.deepEqual(manifest, { href: 'manifest.de.webmanifest', lang: 'de' }, 'installing offers the German manifest');
    const title = await translation('de', 'page.title');
    if (title) assert.equal(shown.title, title, 'the page title follows the language');
    assert.ok(server.requests.includes('/i18n/de.catalogue'), 'the German catalogue was fetched');
    assert.ok(!server.requests.includes('/i18n/it.catalogue') && !server.requests.includes('/i18n/ar.catalogue'), 'only the one needed');
  });

  test('Italian, picked in Your data, stays after a reload and offline', async () => {
    await openYourData(page);
    await pick(page, 'Italiano');
    const italian = await page_lang(page);
    assert.equal(italian.lang, 'it');
    // The worker installed during the first visit; this reload is the first page it controls.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await openApp(page, server.url);
    await waitSettled(page);
    assert.deepEqual(await page_lang(page), italian);
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
    const cachedItalian = await page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        if (await cache.match(new URL('i18n/it.catalogue', location.href).href)) return true;
      }
      return false;
    });
    assert.equal(cachedItalian, true, 'the worker kept the Italian catalogue');

    const sent = server.requests.length;
    await browser.context.setOffline(true);
    try {
      await openApp(page, server.url);
      await waitSettled(page);
      assert.deepEqual(await page_lang(page), italian);
      assert.ok(!server.requests.slice(sent).includes('/i18n/it.catalogue'), 'the catalogue came from the cache');
    } finally {
      await browser.context.setOffline(false);
    }
  });

  test('Arabic turns the page right-to-left, and its fonts stay for offline use', async () => {
    await openYourData(page);
    await pick(page, 'العربية');
    const arabic = await page_lang(page);
    assert.equal(arabic.lang, 'ar');
    assert.equal(arabic.dir, 'rtl');
    // The Arabic faces are not in the first-visit precache (English never needs them): the worker
    // keeps them once fetched, so an offline start in Arabic still draws Arabic letters.
    assert.ok(server.requests.includes('/fonts/arabic.ttc'));
    const sent = server.requests.length;
    await browser.context.setOffline(true);
    try {
      await openApp(page, server.url);
      await waitSettled(page);
      assert.deepEqual(await page_lang(page), arabic);
      assert.ok(!server.requests.slice(sent).some((r) => r.startsWith('/fonts/')), 'the fonts came from the cache');
      assert.equal(await page.evaluate(() => window.debrief.pending().includes('fonts')), false);
    } finally {
      await browser.context.setOffline(false);
    }
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  });
});
