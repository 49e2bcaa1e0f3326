// One small driver interface over two engines, so the same test body runs in Chromium
// (playwright-core over the DevTools protocol) and in Firefox (puppeteer-core over WebDriver BiDi).
// A body only finds controls the way a person or a screen reader does — by role and accessible
// name, or by a field's label — and waits on the app's own conditions (window.debrief), never on
// time. Firefox has WebGL 2 only with a display (Mesa's software renderer), so it runs headed,
// under `xvfb-run -a` (docs/web-platform.md).
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchKillable } from './cdp_browser.mjs';

// The engine a test file runs in: Firefox unless DEBRIEF_ENGINE says otherwise (the same bodies
// run in Chromium with DEBRIEF_ENGINE=chromium, which is how they were checked to be neutral).
export const ENGINE = process.env.DEBRIEF_ENGINE || 'firefox';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader', '--disable-dev-shm-usage',
];

// Firefox preferences for a closed network and a test run: no update checks, telemetry or
// first-run pages; no "restore session?" prompt after the SIGKILL test.
const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.sessionstore.resume_from_crash': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

export async function newProfileDir() {
  return mkdtemp(join(tmpdir(), 'debrief-profile-'));
}

// Launches the engine on a persistent profile (IndexedDB and the service worker survive a
// relaunch on the same directory). Returns { newPage, kill, close }; close also removes a
// profile this call created. kill() ends the browser with SIGKILL, as a crash would (Chromium
// needs { killable: true } for it: a child process of our own, 1280×800).
export async function launchEngine(engine = ENGINE, { profileDir, viewport = { width: 1280, height: 800 }, killable = false } = {}) {
  const dir = profileDir || (await newProfileDir());
  const removeOwn = async () => { if (!profileDir) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); };
  if (engine === 'chromium' && killable) {
    // A Chromium child process of our own (cdp_browser.mjs), so kill() is a real SIGKILL.
    const browser = await launchKillable(dir);
    return {
      engine,
      newPage: async () => new PlaywrightPage(await browser.context.newPage()),
      kill: () => browser.kill(),
      close: async () => { await browser.close(); await removeOwn(); },
    };
  }
  if (engine === 'chromium') {
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport,
    });
    return {
      engine,
      newPage: async () => new PlaywrightPage(await context.newPage()),
      kill: () => { throw new Error('launch with { killable: true } to kill Chromium'); },
      close: async () => { await context.close().catch(() => {}); await removeOwn(); },
    };
  }
  if (engine !== 'firefox') throw new Error(`unknown engine ${engine}`);
  if (!process.env.DISPLAY) throw new Error('Firefox needs a display for WebGL 2: run the Firefox tests under `xvfb-run -a`');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    protocol: 'webDriverBiDi',
    headless: false,
    userDataDir: dir,
    defaultViewport: viewport,
    extraPrefsFirefox: FIREFOX_PREFS,
  });
  const child = browser.process();
  return {
    engine,
    newPage: async () => new PuppeteerPage(await browser.newPage()),
    kill: async () => {
      const exited = new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      child.kill('SIGKILL');
      await exited;
      await browser.disconnect().catch(() => {});
    },
    close: async () => { await browser.close().catch(() => {}); await removeOwn(); },
  };
}

// What a body may do with a page. Both classes below implement exactly this.
class EnginePage {
  // Waits until the page reports ready and has drawn its settle frames (harness.mjs openApp).
  async open(url) {
    await this.goto(url);
    await this.ready();
  }

  async ready() {
    await this.waitFor(() => window.debrief && window.debrief.state === 'ready', undefined, 30000);
    await this.waitIdle();
  }

  // No frame scheduled: the canvas, mirror and fields show their final layout (harness.mjs).
  async waitIdle(timeout = 15000) {
    await this.waitFor(() => !window.debrief.pending().some((r) => r === 'start' || r === 'frame'), undefined, timeout);
    return this.evaluate(() => window.debrief.frames);
  }

  // Saved, with nothing left to write (harness.mjs waitSaved).
  async waitSaved(timeout = 15000) {
    await this.waitFor(() => {
      const pending = window.debrief.pending();
      return window.debrief.save === 'saved' && !['start', 'frame', 'save', 'sync'].some((r) => pending.includes(r));
    }, undefined, timeout);
  }

  // The stored reflections, read from the shard files under /journal (harness.mjs storedReflections).
  async storedReflections(timeout = 15000) {
    await this.waitFor(() => !window.debrief.pending().some((r) => ['start', 'frame', 'save', 'sync', 'refresh'].includes(r)), undefined, timeout);
    return this.evaluate(() => {
      const dir = '/journal/reflections';
      return FS.readdir(dir).filter((n) => n.endsWith('.jsonl'))
        .flatMap((n) => FS.readFile(`${dir}/${n}`, { encoding: 'utf8' }).split('\n').filter((line) => line !== ''))
        .map((line) => JSON.parse(line).record);
    });
  }

  // The accessible mirror and the fields as the DOM exposes them: role, name and state of every
  // shown element of the overlay, in tab order.
  async mirror() {
    return this.evaluate(() => Array.from(document.querySelectorAll('#overlay :is(.mirror, .field):not([hidden])')).map((el) => ({
      role: el.getAttribute('role') || (el.tagName === 'BUTTON' ? 'button' : 'textbox'),
      name: el.getAttribute('aria-label'),
      tag: el.tagName.toLowerCase(),
      selected: el.getAttribute('aria-selected'),
      checked: el.getAttribute('aria-checked'),
    })));
  }

  // Scrolls with the mouse wheel over the content until a control is on screen (harness.mjs reveal).
  async reveal(control, { direction = 1, maxSteps = 40 } = {}) {
    let frames = await this.waitIdle();
    for (let i = 0; i < maxSteps; ++i) {
      if (await control.visible()) return control;
      await this.wheel(direction * 240);
      await this.waitFor((before) => window.debrief.frames > before && !window.debrief.pending().includes('frame'), frames);
      frames = await this.evaluate(() => window.debrief.frames);
    }
    if (direction > 0) return this.reveal(control, { direction: -1, maxSteps });
    throw new Error(`never became visible: ${control}`);
  }
}

// A control found by role and accessible name (or a field by its label): click, fill, type, read.
class PlaywrightPage extends EnginePage {
  constructor(page) { super(); this.page = page; this.errors = watch(page); }
  goto(url) { return this.page.goto(url); }
  reload() { return this.page.reload(); }
  evaluate(fn, arg) { return this.page.evaluate(fn, arg); }
  waitFor(fn, arg, timeout = 15000) { return this.page.waitForFunction(fn, arg, { timeout }); }
  screenshot(path) { return this.page.screenshot({ path }); }
  bringToFront() { return this.page.bringToFront(); }
  press(key) { return this.page.keyboard.press(key); }
  close() { return this.page.close(); }
  async wheel(dy) {
    const { width, height } = this.page.viewportSize();
    await this.page.mouse.move(width / 2, height / 2);
    await this.page.mouse.wheel(0, dy);
  }
  byRole(role, name) { return new PlaywrightControl(this.page.getByRole(role, { name, exact: true }), `${role} "${name}"`); }
  byLabel(label) { return new PlaywrightControl(this.page.getByLabel(label, { exact: true }), `field "${label}"`); }
}

class PlaywrightControl {
  constructor(locator, description) { this.locator = locator; this.description = description; }
  toString() { return this.description; }
  waitFor() { return this.locator.waitFor(); }
  click() { return this.locator.click(); }
  fill(text) { return this.locator.fill(text); }
  async type(text) { await this.locator.click(); await this.locator.pressSequentially(text); }
  value() { return this.locator.inputValue(); }
  async visible() { return (await this.locator.count()) > 0 && this.locator.first().isVisible(); }
}

class PuppeteerPage extends EnginePage {
  constructor(page) { super(); this.page = page; this.errors = watch(page); }
  goto(url) { return this.page.goto(url); }
  reload() { return this.page.reload(); }
  evaluate(fn, arg) { return this.page.evaluate(fn, arg); }
  // Polled every 50 ms rather than per animation frame: a background tab gets no frames.
  waitFor(fn, arg, timeout = 15000) { return this.page.waitForFunction(fn, { timeout, polling: 50 }, arg); }
  screenshot(path) { return this.page.screenshot({ path }); }
  bringToFront() { return this.page.bringToFront(); }
  press(key) { return this.page.keyboard.press(key); }
  close() { return this.page.close(); }
  async wheel(dy) {
    const { width, height } = this.page.viewport();
    await this.page.mouse.move(width / 2, height / 2);
    await this.page.mouse.wheel({ deltaY: dy });
  }
  // Puppeteer's ARIA selector asks the browser's accessibility tree (over BiDi: locateNodes with
  // an accessibility locator), so a match is what a screen reader would find.
  byRole(role, name) { return new PuppeteerControl(this.page, `aria/[name=${quote(name)}][role="${role}"]`, `${role} "${name}"`); }
  byLabel(label) { return new PuppeteerControl(this.page, `aria/[name=${quote(label)}]`, `field "${label}"`); }
}

// A name in an ARIA selector attribute, in whichever quote it does not contain.
const quote = (text) => (text.includes('"') ? `'${text}'` : `"${text}"`);

class PuppeteerControl {
  constructor(page, selector, description) { this.page = page; this.selector = selector; this.description = description; }
  toString() { return this.description; }
  async handle() { return this.page.waitForSelector(this.selector, { timeout: 15000 }); }
  async waitFor() { await this.handle(); }
  async click() { await (await this.handle()).click(); }
  async fill(text) { await this.page.locator(this.selector).fill(text); }
  async type(text) { const field = await this.handle(); await field.click(); await this.page.keyboard.type(text); }
  async value() { return (await this.handle()).evaluate((el) => el.value); }
  async visible() {
    const found = await this.page.$(this.selector);
    return !!found && (await found.isVisible());
  }
}

// Console errors and uncaught exceptions, so a body can assert there are none.
function watch(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}
