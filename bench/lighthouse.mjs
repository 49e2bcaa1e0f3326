// A phone's view of start-up (issue #15 item 6): Lighthouse (npm, pinned in package-lock.json) in its
// default mobile mode — simulated slow 4G and a 4× slower CPU — against Debian's Chromium, on a
// first visit served the way scripts/serve serves it (precompressed brotli). Each run gets a fresh
// profile, so nothing comes from a cache or a service worker.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

// The audits the report quotes, by Lighthouse's ids.
const AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'interactive',
  'speed-index', 'cumulative-layout-shift', 'max-potential-fid'];

// One Lighthouse run: category scores, the audits above (numeric values in ms) and the long
// main-thread tasks it saw.
async function runOnce(url) {
  const profile = await mkdtemp(join(tmpdir(), 'debrief-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    userDataDir: profile,
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start (as in tests/browser).
    // No GPU flags: forcing SwiftShader left Lighthouse without a largest contentful paint.
    chromeFlags: ['--headless=new', '--no-sandbox'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const lhr = result.lhr;
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, c.score]));
    const audits = Object.fromEntries(AUDITS.map((id) => [id, lhr.audits[id]?.numericValue ?? NaN]));
    const longTasks = (lhr.audits['long-tasks']?.details?.items || []).map((t) => ({ url: t.url, duration: t.duration }));
    // A run can finish without some figures (Lighthouse once found no largest contentful paint, and
    // then gave no performance score): say why, rather than let the run count as a zero.
    const failures = [lhr.runtimeError?.message, ...AUDITS.map((id) => lhr.audits[id]?.errorMessage)].filter(Boolean);
    return { scores, audits, longTasks, failures };
  } finally {
    await chrome.kill();
    await rm(profile, { recursive: true, force: true });
  }
}

export async function runLighthouse(url, runs) {
  const all = [];
  for (let i = 0; i < runs; ++i) all.push(await runOnce(url));
  return all;
}
