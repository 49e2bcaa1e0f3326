// Content policy and the dev server (issue #16): the app runs under its Content-Security-Policy with
// no violation on any screen, injected inline script and style do not apply, openUrl opens mailto:
// only, and the static server answers bad requests without dying or leaving its folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, newReflection, openApp, reveal, startServer, waitIdle, watchErrors } from './harness.mjs';
import { CONTENT_SECURITY_POLICY, startStaticServer } from '../../scripts/lib/static_server.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser.cleanup();
  server.server.close();
});

// Records every CSP violation the page reports, from before its first script runs.
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return () => page.evaluate(() => window.__violations);
}

// A raw GET: `path` goes on the wire exactly as given (fetch() would normalise it first).
function rawGet(url, path) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the server sends the policy and the index page carries the same one', async () => {
  const response = await fetch(server.url);
  assert.equal(response.headers.get('content-security-policy'), `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  const html = await response.text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(meta, 'index.html has a CSP meta tag');
  assert.equal(meta[1], CONTENT_SECURITY_POLICY);
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'",
    "object-src 'none'", "base-uri 'none'", "style-src 'self'"]) {
    assert.ok(CONTENT_SECURITY_POLICY.includes(directive), directive);
  }
  assert.ok(!CONTENT_SECURITY_POLICY.includes('unsafe-inline') && !CONTENT_SECURITY_POLICY.includes("'unsafe-eval'"));
  // No inline script, style element or style attribute for the policy to block.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  assert.doesNotMatch(html, /<style|\sstyle=/);
  const wasm = await fetch(new URL('app.wasm', server.url));
  assert.equal(wasm.headers.get('x-content-type-options'), 'nosniff');
});

test('no policy violation or console error on any screen', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const violations = await watchViolations(page);
  const button = (name) => page.getByRole('button', { name, exact: true });
  const tab = (name) => page.getByRole('tab', { name, exact: true });
  const click = async (locator) => { await (await reveal(page, locator)).click(); await waitIdle(page); };
  try {
    await openApp(page, server.url);
    // A reflection, every step, a drafted message
    await newReflection(page, 'Studio Nord');
    await waitIdle(page);
    await click(tab('8. Moving forward'));
    await click(tab('4. Ask for feedback'));
    await click(button('Draft: Reply and ask for feedback'));
    await page.getByLabel('Subject', { exact: true }).waitFor();
    // The message started from home, then the reflection into the trash and the trash itself
    await click(tab('Journal'));
    await click(button('Write a withdrawal or reconnect message'));
    await click(tab('Journal'));
    await click(page.getByRole('button', { name: /^Open \u2068Studio Nord/ }));
    await click(button('More options'));
    await click(button('Move to trash'));
    await click(button('Tap again to move it to the trash'));
    await click(page.getByRole('button', { name: /^Trash/ }));
    // Every tab
    await click(tab('Reminders'));
    await click(tab('People'));
    await click(tab('Profile'));
    await click(tab('Your data'));
    await click(tab('Journal'));
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors.filter((e) => !e.includes('GL Driver')), []);
    assert.equal(await page.evaluate(() => window.debrief.errors.length), 0);
  } finally {
    await page.close();
  }
});

test('injected inline script and style are blocked; the CSSOM writes shell.js makes are not', async () => {
  const page = await browser.context.newPage();
  const violations = await watchViolations(page);
  try {
    await openApp(page, server.url);
    const result = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.appendChild(script);
      const attr = document.createElement('div');
      attr.setAttribute('style', 'width: 123px');
      const sheet = document.createElement('style');
      sheet.textContent = '#status { width: 321px !important; }';
      document.head.appendChild(sheet);
      // shell.js places fields and mirror elements this way (el.style.cssText / el.style.left)
      const cssom = document.createElement('div');
      cssom.style.cssText = 'position:fixed;left:7px;width:45px';
      document.body.append(attr, cssom);
      await new Promise((r) => setTimeout(r, 100));
      return {
        injected: window.__injected === true,
        attrWidth: getComputedStyle(attr).width,
        statusWidth: getComputedStyle(document.getElementById('status')).width,
        cssomWidth: getComputedStyle(cssom).width,
      };
    });
    assert.equal(result.injected, false, 'inline script ran');
    assert.notEqual(result.attrWidth, '123px', 'style attribute applied');
    assert.notEqual(result.statusWidth, '321px', 'inline <style> applied');
    assert.equal(result.cssomWidth, '45px', 'CSSOM writes must keep working');
    // Each is reported once per policy: the header's and the meta tag's.
    const seen = await violations();
    const kinds = [...new Set(seen.map((v) => v.split(' ')[0]))].sort();
    assert.deepEqual(kinds, ['script-src-elem', 'style-src-attr', 'style-src-elem'], seen.join('\n'));
  } finally {
    await page.close();
  }
});

test('openUrl opens mailto: and refuses javascript:, https: and nonsense', async () => {
  const page = await browser.context.newPage();
  try {
    await openApp(page, server.url);
    // Debrief is the global the C++ side calls (services_web.cpp: Debrief.openUrl).
    const result = await page.evaluate(() => {
      const popups = [];
      window.open = (...args) => { popups.push(args); return null; };
      const refused = ['javascript:window.__pwned=1', 'JavaScript:alert(1)', ' javascript:alert(1)',
        'https://example.com/', 'http://example.com/', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'not a url', '']
        .map((url) => ({ url, opened: Debrief.openUrl(url) }));
      const lastAfterRefusals = window.debrief.lastUrl;
      const mailto = Debrief.openUrl('mailto:sam@example.com?subject=Thank%20you');
      return { refused, lastAfterRefusals, mailto, lastUrl: window.debrief.lastUrl, pwned: window.__pwned, popups: popups.length, href: location.href };
    });
    for (const { url, opened } of result.refused) assert.equal(opened, false, `opened ${url}`);
    assert.equal(result.lastAfterRefusals, undefined);
    assert.equal(result.pwned, undefined);
    assert.equal(result.popups, 0);
    assert.equal(result.mailto, true);
    assert.equal(result.lastUrl, 'mailto:sam@example.com?subject=Thank%20you');
    assert.equal(result.href, server.url);
    assert.equal(page.context().pages().filter((p) => p.url().startsWith('http://example.com') || p.url().startsWith('https://example.com')).length, 0);
  } finally {
    await page.close();
  }
});

test('the dev server answers bad escapes with 400 and never serves outside its folder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'debrief-serve-'));
  const site = join(dir, 'site');
  await mkdir(site);
  await mkdir(join(dir, 'site-secret'));
  await writeFile(join(site, 'index.html'), '<!doctype html><title>ok</title>');
  await writeFile(join(dir, 'site-secret', 'secret.txt'), 'do not serve me');
  await writeFile(join(dir, 'outside.txt'), 'do not serve me either');
  const local = await startStaticServer(site);
  try {
    const bad = await rawGet(local.url, '/%E0%A4%A');
    assert.equal(bad.status, 400);
    assert.equal(bad.headers['x-content-type-options'], 'nosniff');
    // The server is still up.
    assert.equal((await rawGet(local.url, '/')).status, 200);
    for (const path of ['/..%2fsite-secret%2fsecret.txt', '/..%2fsite-secret/secret.txt', '/%2e%2e%2fsite-secret/secret.txt',
      '/..%2foutside.txt', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/..%5csite-secret%5csecret.txt', '/%00', '/index.html%00.txt']) {
      const response = await rawGet(local.url, path);
      assert.ok(response.status === 403 || response.status === 404, `${path}: ${response.status}`);
      assert.ok(!response.body.includes('do not serve me'), path);
    }
    assert.equal((await rawGet(local.url, '/index.html')).status, 200);
  } finally {
    local.server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
