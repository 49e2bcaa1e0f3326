// Data safety in Firefox (or DEBRIEF_ENGINE) with its real IndexedDB: typed keystroke by keystroke
// (an emoji too), then a reload, then a browser killed with SIGKILL and relaunched on its profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { startServer } from '../harness.mjs';
import { ENGINE, launchEngine, newProfileDir } from '../engines.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

// Creates a reflection and types its company key by key, as a person does.
async function newReflection(page, company) {
  await page.byRole('button', 'New reflection').click();
  await page.byLabel('Company').type(company);
}

test(`${ENGINE}: typed, reloaded: the reflection is still there, byte-exact`, async () => {
  const browser = await launchEngine();
  try {
    const page = await browser.newPage();
    await page.open(server.url);
    const company = 'Reload GmbH — Straße 😊';
    await newReflection(page, company);
    assert.equal(await page.byLabel('Company').value(), company);
    await page.waitSaved();
    await page.reload();
    await page.ready();
    assert.deepEqual((await page.storedReflections()).map((r) => r.company), [company]);
    await page.byRole('button', `Open ${company}`).waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});

test(`${ENGINE}: typed, saved, browser killed with SIGKILL, relaunched: the text is there`, async () => {
  const profileDir = await newProfileDir();
  try {
    let browser = await launchEngine(ENGINE, { profileDir, killable: true });
    let page = await browser.newPage();
    await page.open(server.url);
    await newReflection(page, 'Crash test — نص عربي');
    await page.waitSaved();
    await browser.kill();

    browser = await launchEngine(ENGINE, { profileDir, killable: true });
    try {
      page = await browser.newPage();
      await page.open(server.url);
      assert.deepEqual((await page.storedReflections()).map((r) => r.company), ['Crash test — نص عربي']);
      await page.byRole('button', 'Open Crash test — نص عربي').waitFor();
    } finally {
      await browser.close();
    }
  } finally {
    await rm(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});
