// Benchmarks Debrief in headless Chromium against a minimal Dear ImGui reference and folds in the native micro-benchmarks; writes build/bench.md and build/bench.json.
// Usage (after scripts/bench built everything): node bench/run.mjs [--runs N] [--only sizes,startup,idle,scale,native,lighthouse]
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { isCompressedCopy } from '../scripts/lib/precompress.mjs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { ROOT, SITE, launch, newProfileDir, openApp, reveal, startServer, waitIdle } from '../tests/browser/harness.mjs';
import { generateJournal, journalText } from './generate_journal.mjs';
import { runLighthouse } from './lighthouse.mjs';

const BUILD = join(ROOT, 'build');
const REFERENCE_SITE = join(BUILD, 'reference-site');
const WORK = join(BUILD, 'bench');
const PROBE = join(ROOT, 'bench', 'page_probe.js');
const NATIVE_BENCH = join(BUILD, 'native', 'bench', 'debrief_bench');
const REFLECTIONS = 10000;
const IDLE_MS = 5000;
// The save debounce, read from the source so the report names the value this build uses.
const DEBOUNCE = (() => {
  try {
    const match = readFileSync(join(ROOT, 'src', 'platform', 'storage_web.cpp'), 'utf8').match(/debounce_ms\s*=\s*([\d.]+)/);
    return match ? `${Number(match[1])} ms` : 'the';
  } catch {
    return 'the';
  }
})();
// Reflection cards on the home screen are named "Open <company> — <role>" (home.open_reflection; the
// title between Unicode isolates).
const CARD = /^Open .+ — /;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const RUNS = Number(option('--runs', process.env.BENCH_RUNS || 10));
const ONLY = new Set(option('--only', 'sizes,startup,idle,scale,native,lighthouse').split(','));
// Lighthouse runs take ~15 s each: at most three, their medians reported.
const LIGHTHOUSE_RUNS = Math.min(RUNS, 3);

// ---- small statistics and formatting helpers ------------------------------------------------------
// Each statistic is over the figures the runs produced: a run without one is not a zero.
const sorted = (xs) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs, p) => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const min = (xs) => sorted(xs)[0] ?? NaN;
const max = (xs) => sorted(xs).at(-1) ?? NaN;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 0)} ms` : 'n/a');
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
const log = (...parts) => console.error('bench:', ...parts);
const table = (head, rows, align) => [
  `| ${head.join(' | ')} |`,
  `| ${head.map((_, i) => (align && align[i] === 'r' ? '---:' : '---')).join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');

const results = { date: new Date().toISOString(), runs: RUNS, machine: {}, targets: [] };
const target = (name, value, limit, unit, met, note = '') => results.targets.push({ name, value, limit, unit, met, note });

// ---- transfer size ------------------------------------------------------------------------------
function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile() && !isCompressedCopy(entry.name)) out.push(path);  // the server's .br/.gz copies
  }
  return out.sort();
}

function compressedSizes(dir) {
  const files = listFiles(dir).map((path) => {
    const body = readFileSync(path);
    return {
      file: relative(dir, path),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
          [zlibConstants.BROTLI_PARAM_LGWIN]: 24,  // what `brotli -q 11` uses
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    };
  });
  const total = { file: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of ['raw', 'gzip', 'brotli']) total[k] += f[k];
  return { files, total };
}

// ---- browser measurements -------------------------------------------------------------------------
async function newContext(profileDir) {
  const browser = await launch(profileDir);
  await browser.context.addInitScript({ path: PROBE });
  return browser;
}

// One navigation in a new tab: navigation start -> first frame drawn, -> state 'ready', and "usable"
// (ready and at least one frame drawn: the reference is ready at its first frame, Debrief sets ready
// at the end of main() and draws its first frame at the next animation frame).
// With `journal`, also -> the whole journal loaded (Debrief reads a large one between frames, after a
// first frame that shows its progress).
async function timeNavigation(context, url, { journal = false } = {}) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction((j) => window.__bench.firstFrameAt !== null && window.__bench.readyAt !== null &&
    (!j || window.__bench.journalAt !== null), journal, { timeout: 60000, polling: 50 });
  const t = await page.evaluate(() => ({
    firstFrame: window.__bench.firstFrameAt,
    ready: window.__bench.readyAt,
    journal: window.__bench.journalAt,
    controlled: Boolean(navigator.serviceWorker && navigator.serviceWorker.controller),
  }));
  t.usable = Math.max(t.firstFrame, t.ready);
  return { page, t };
}

// The service worker finished installing (bounded: a failed install must not hang the benchmark).
const workerReady = (page) => page.evaluate(() => Promise.race([
  navigator.serviceWorker.ready.then(() => true),
  new Promise((resolve) => setTimeout(() => resolve(false), 15000)),
]));

// First visit of a persistent profile, then reload until the service worker controls the page
// (shell.js registers it after load; sw.js does not claim the first page on purpose).
// (The reference draws every frame, so it is never idle: only wait for ready there.)
async function primeProfile(context, url, withWorker) {
  const page = await context.newPage();
  const open = async () => {
    if (withWorker) return openApp(page, url);
    await page.goto(url);
    await page.waitForFunction(() => window.debrief && window.debrief.state === 'ready', null, { timeout: 30000 });
    return page.waitForTimeout(500);
  };
  await open();
  if (withWorker) {
    await workerReady(page);
    for (let i = 0; i < 3 && !(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))); ++i) await open();
  }
  await page.close();
}

async function startup(apps) {
  const out = {};
  for (const app of apps) out[app.key] = { cold: [], warm: [] };
  log(`startup: ${RUNS} cold runs each (fresh profile)`);
  for (let i = 0; i < RUNS; ++i) {
    for (const app of apps) {
      const browser = await newContext();
      try {
        const { page, t } = await timeNavigation(browser.context, app.url);
        out[app.key].cold.push(t);
        await page.close();
      } finally {
        await browser.cleanup();
      }
    }
  }
  log(`startup: ${RUNS} warm runs each (same profile, service worker / HTTP cache)`);
  const warm = [];
  for (const app of apps) {
    const profile = await newProfileDir();
    const browser = await newContext(profile);
    await primeProfile(browser.context, app.url, app.worker);
    warm.push({ app, browser, profile });
  }
  try {
    for (let i = 0; i < RUNS; ++i) {
      for (const { app, browser } of warm) {
        const { page, t } = await timeNavigation(browser.context, app.url);
        out[app.key].warm.push(t);
        await page.close();
      }
    }
  } finally {
    for (const { browser, profile } of warm) {
      await browser.cleanup();
      await rm(profile, { recursive: true, force: true });
    }
  }
  for (const app of apps) {
    for (const kind of ['cold', 'warm']) {
      const runs = out[app.key][kind];
      out[app.key][`${kind}Median`] = {
        firstFrame: median(runs.map((r) => r.firstFrame)),
        ready: median(runs.map((r) => r.ready)),
        usable: median(runs.map((r) => r.usable)),
        controlled: runs.filter((r) => r.controlled).length,
      };
    }
  }
  return out;
}

// CPU seconds of every Chromium process started by this Node process (browser, renderer, GPU...).
function chromiumCpuSeconds() {
  const tick = 100;  // USER_HZ on Linux
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      children.set(Number(name), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / tick });
    } catch { /* the process ended meanwhile */ }
  }
  let total = 0;
  const walk = (pid) => {
    for (const [child, info] of children) {
      if (info.ppid === pid) {
        total += info.cpu;
        walk(child);
      }
    }
  };
  walk(process.pid);
  return total;
}

// Frames drawn and CPU used over IDLE_MS with no input, on a page that has finished starting.
async function idleCost(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const frames0 = await page.evaluate(() => window.debrief.frames);
  const cpu0 = chromiumCpuSeconds();
  const t0 = Date.now();
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const elapsed = (Date.now() - t0) / 1000;
  const cpu1 = chromiumCpuSeconds();
  const frames1 = await page.evaluate(() => window.debrief.frames);
  const after = await metrics();
  await cdp.detach();
  return {
    seconds: elapsed,
    frames: frames1 - frames0,
    taskMs: (after.TaskDuration - before.TaskDuration) * 1000,
    scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
    pageCpuPercent: ((after.TaskDuration - before.TaskDuration) / elapsed) * 100,
    browserCpuPercent: ((cpu1 - cpu0) / elapsed) * 100,
  };
}

async function idle(apps) {
  const out = {};
  for (const app of apps) {
    const profile = await newProfileDir();
    const browser = await newContext(profile);
    try {
      await primeProfile(browser.context, app.url, app.worker);
      const page = await browser.context.newPage();
      await page.goto(app.url);
      await page.waitForFunction(() => window.debrief && window.debrief.state === 'ready', null, { timeout: 30000 });
      if (app.worker) await waitIdle(page);
      else await page.waitForTimeout(1000);
      // Let the browser's own start-up work (service worker, caches) finish before measuring.
      await page.waitForTimeout(1000);
      out[app.key] = await idleCost(page);
      log(`idle ${app.key}: ${out[app.key].frames} frames, page ${out[app.key].pageCpuPercent.toFixed(2)}% of a core`);
    } finally {
      await browser.cleanup();
      await rm(profile, { recursive: true, force: true });
    }
  }
  return out;
}

// ---- the 10,000-reflection journal ------------------------------------------------------------------
const probe = (page, fn, arg) => page.evaluate(fn, arg);
const framesSince = (page, since) => probe(page, (t) => window.__bench.frames.filter((f) => f[0] >= t), since);
const eventsSince = (page, since, type) => probe(page, ([t, kind]) => window.__bench.events.filter((e) => e[2] >= t && e[0] === kind), [since, type]);
const now = (page) => probe(page, () => performance.now());
const heapBytes = (page) => probe(page, () => (window.HEAPU8 ? HEAPU8.length : Module.HEAPU8.length));

// Waits until the save indicator (published by C++ as window.debrief.save) turns "saved" after `since`
// and no IndexedDB sync is in flight; returns when it turned.
async function waitSaved(page, since, timeout = 180000) {
  await page.waitForFunction((t) => window.__bench.saves.some((s) => s[0] > t && s[1] === 'saved') &&
    !(window.debrief.storage && window.debrief.storage.inFlight), since, { timeout, polling: 20 });
  return probe(page, (t) => window.__bench.saves.find((s) => s[0] > t && s[1] === 'saved')[0], since);
}

// Input -> end of the first animation-frame callback that drew a frame after it.
function latencies(inputs, frames) {
  const out = [];
  for (const input of inputs) {
    const frame = frames.find((f) => f[0] >= input[2] && f[2] > 0);
    if (frame) out.push({ latency: frame[1] - input[1], work: frame[1] - frame[0] });
  }
  return out;
}

// With a large journal a frame can take a few hundred ms to reach the screen (SwiftShader), so
// "idle" means no new frame for a full second.
const settle = (page) => waitIdle(page, 1000);

async function tab(page, name) {
  await page.getByRole('tab', { name }).click();
  await settle(page);
}

// The App's record counts (published by C++ after each change) must match the generated journal.
async function expectCounts(page, expected, when) {
  const same = (counts) => counts && Object.keys(expected).every((k) => counts[k] === expected[k]);
  try {
    await page.waitForFunction((e) => {
      const c = window.debrief.counts;
      return c && Object.keys(e).every((k) => c[k] === e[k]);
    }, expected, { timeout: 30000, polling: 100 });
  } catch {
    const counts = await probe(page, () => window.debrief.counts);
    if (!same(counts)) {
      throw new Error(`the journal did not load ${when}: the app holds ${JSON.stringify(counts)}, expected ${JSON.stringify(expected)}`);
    }
  }
}

async function scale(url, journalPath, journalBytes, expected) {
  const out = { reflections: REFLECTIONS, jsonBytes: journalBytes };
  const profile = await newProfileDir();
  const browser = await newContext(profile);
  const { context } = browser;
  let page;
  try {
    // Import through the real path: Your data -> file chooser -> preview -> merge -> saved.
    page = await context.newPage();
    await openApp(page, url);
    await workerReady(page);
    await tab(page, 'Your data');
    // The file reaches C++ when it has been read; decoding and comparing then run in slices between
    // frames (the progress bar), so the preview is timed by when its Merge button enters the mirror.
    await probe(page, () => {
      const receive = Module._debrief_import_file;
      Module._debrief_import_file = (...a) => {
        window.__bench.importCall = performance.now();
        return receive(...a);
      };
      window.__bench.previewAt = null;
      const isMerge = (n) => n.nodeType === 1 && (n.getAttribute('aria-label') === 'Merge into my journal' ||
        n.textContent === 'Merge into my journal' || Boolean(n.querySelector && [...n.querySelectorAll('[role=button],button')]
        .some((b) => b.textContent === 'Merge into my journal' || b.getAttribute('aria-label') === 'Merge into my journal')));
      const seen = new MutationObserver((records) => {
        if (records.some((r) => [...r.addedNodes].some(isMerge) || (r.type === 'characterData' && r.target.data === 'Merge into my journal'))) {
          window.__bench.previewAt = performance.now();
          seen.disconnect();
        }
      });
      seen.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    log('scale: importing the generated journal');
    // The import card sits below the fold on "Your data" (the You card came first): scroll to it.
    const pick = await reveal(page, page.getByRole('button', { name: 'Choose a file to import…' }));
    const chooser = page.waitForEvent('filechooser');
    await pick.click();
    await (await chooser).setFiles(journalPath);
    // The preview's buttons may stand below the fold: off-screen items are in the mirror, zero-size.
    let merge = page.getByRole('button', { name: 'Merge into my journal' });
    await merge.waitFor({ state: 'attached', timeout: 120000 });
    await settle(page);
    const change = (await probe(page, () => window.__bench.events.filter((e) => e[0] === 'change'))).at(-1);
    const call = await probe(page, () => window.__bench.importCall);
    const previewAt = await probe(page, () => window.__bench.previewAt);
    if (previewAt === null) throw new Error('the import preview never entered the mirror');
    out.importPreview = { total: previewAt - change[1], decode: previewAt - call, read: call - change[1] };
    log(`scale: file -> preview ${ms(out.importPreview.total)} (decode + preview ${ms(out.importPreview.decode)})`);

    merge = await reveal(page, merge);
    const beforeMerge = await now(page);
    await merge.click();
    const click = (await eventsSince(page, beforeMerge, 'mouseup')).at(-1);
    const saved = await waitSaved(page, click[1]);
    out.importMergeSaved = saved - click[1];
    await expectCounts(page, expected, 'after the import');
    out.heapAfterImport = await heapBytes(page);
    log(`scale: merge -> saved ${ms(out.importMergeSaved)}, heap ${mb(out.heapAfterImport)}`);
    await page.close();

    // Load from IndexedDB: a new tab each time (the writer lock is released when a tab closes).
    out.load = [];
    const loads = Math.max(3, Math.min(RUNS, 5));
    for (let i = 0; i < loads; ++i) {
      const { page: p, t } = await timeNavigation(context, url, { journal: true });
      out.load.push(t);
      if (i + 1 < loads) await p.close();
      else page = p;
    }
    out.loadMedian = {
      firstFrame: median(out.load.map((t) => t.firstFrame)),
      ready: median(out.load.map((t) => t.ready)),
      usable: median(out.load.map((t) => t.usable)),
      journal: median(out.load.map((t) => t.journal)),
    };
    await settle(page);
    // What the app holds, from its own state (window.debrief.counts), not from what the screen shows.
    await expectCounts(page, expected, 'after reload');
    out.heapAfterLoad = await heapBytes(page);
    log(`scale: load -> first frame ${ms(out.loadMedian.firstFrame)}, journal ${ms(out.loadMedian.journal)}; heap ${mb(out.heapAfterLoad)}`);

    out.idle = await idleCost(page);

    // Search: type queries one key at a time; each keystroke's input -> the frame that shows its hits.
    const search = page.getByRole('textbox', { name: 'Search your journal' });
    const searchFrom = await now(page);
    for (const query of ['portfolio', 'müller', 'شركة', 'team remote']) {
      await search.click();
      await search.pressSequentially(query, { delay: 200 });
      await settle(page);
      await search.fill('');
      await settle(page);
    }
    const searchInputs = (await eventsSince(page, searchFrom, 'input')).filter((e) => e[3] === 'Search your journal');
    const searchSamples = latencies(searchInputs, await framesSince(page, searchFrom));
    out.search = {
      samples: searchSamples.length,
      latencyMedian: median(searchSamples.map((s) => s.latency)),
      latencyP95: percentile(searchSamples.map((s) => s.latency), 95),
      latencyMax: max(searchSamples.map((s) => s.latency)),
      workMedian: median(searchSamples.map((s) => s.work)),
      workMax: max(searchSamples.map((s) => s.work)),
    };
    log(`scale: search latency median ${ms(out.search.latencyMedian)} (frame work ${ms(out.search.workMedian)})`);

    // Scrolling the journal list with the mouse wheel: a few real wheel notches (CDP input, timed
    // until Chromium acknowledges each), then 60 notches dispatched once per animation frame, as a
    // continuous trackpad scroll would, to time each frame's work and the frame rate it allows.
    await page.mouse.move(640, 560);
    await settle(page);
    const firstCard = await page.getByRole('button', { name: CARD }).first().getAttribute('aria-label');
    const notches = [];
    for (let i = 0; i < 5; ++i) {
      const t = Date.now();
      await page.mouse.wheel(0, 100);
      notches.push(Date.now() - t);
    }
    await settle(page);
    const scrollFrom = await now(page);
    await page.evaluate(() => new Promise((resolve) => {
      const canvas = document.getElementById('canvas');
      let n = 0;
      const step = () => {
        if (n++ >= 60) { resolve(); return; }
        canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, deltaMode: 0, clientX: 640, clientY: 560, bubbles: true, cancelable: true }));
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    }));
    const scrollTo = await now(page);
    await settle(page);
    const scrolled = (await page.getByRole('button', { name: CARD }).first().getAttribute('aria-label')) !== firstCard;
    const drawn = (await framesSince(page, scrollFrom)).filter((f) => f[2] > 0 && f[0] <= scrollTo);
    const work = drawn.map((f) => f[1] - f[0]);
    const intervals = drawn.slice(1).map((f, i) => f[0] - drawn[i][0]);
    out.scroll = {
      scrolled,
      frames: drawn.length,
      workMedian: median(work),
      workP95: percentile(work, 95),
      workMax: max(work),
      intervalMedian: median(intervals),
      vertices: median(drawn.map((f) => f[3] / 20)),
      wheelAckMedian: median(notches),
    };
    log(`scale: scrolling ${drawn.length} frames, work median ${ms(out.scroll.workMedian)} p95 ${ms(out.scroll.workP95)}, interval ${ms(out.scroll.intervalMedian)}, ${Math.round(out.scroll.vertices)} vertices per frame`);

    // One edit in a reflection -> "Saved" (includes the save debounce and the IndexedDB sync).
    // The mirror also holds cards just out of view (so Tab reaches them): click one on screen.
    await page.getByRole('button', { name: CARD }).filter({ visible: true }).first().click();
    await settle(page);
    // Reflections open where the user left off; step 1 always has the letter's text field.
    await page.locator('#overlay [aria-label^="1. "]').first().click();
    await settle(page);
    // Focus the field as a tap would (the page scrolls it into view), then type at its end.
    const field = page.locator('#overlay textarea:not([hidden]), #overlay input:not([hidden]):not([type=date])').first();
    out.edit = [];
    for (let i = 0; i < 3; ++i) {
      await field.evaluate((el) => { el.focus(); el.setSelectionRange(el.value.length, el.value.length); });
      await settle(page);
      const from = await now(page);
      await page.keyboard.type('x');
      const input = (await eventsSince(page, from, 'input')).at(-1);
      const at = await waitSaved(page, input[2]);
      out.edit.push(at - input[1]);
      await settle(page);
    }
    out.editMedian = median(out.edit);
    log(`scale: edit -> saved ${out.edit.map(ms).join(', ')}`);

    // Export: click -> the download's Blob exists (the JSON was encoded).
    await tab(page, 'Your data');
    const exportButton = await reveal(page, page.getByRole('button', { name: 'Download journal (.json)' }));
    await settle(page);
    out.export = [];
    for (let i = 0; i < 3; ++i) {
      const from = await now(page);
      const download = page.waitForEvent('download', { timeout: 60000 });
      const wall = Date.now();
      await exportButton.click();
      const file = await download;
      const wallMs = Date.now() - wall;
      const blob = (await probe(page, (t) => window.__bench.downloads.filter((d) => d[0] >= t), from)).at(-1);
      const click = (await eventsSince(page, from, 'mouseup')).at(-1);
      const size = (await stat(await file.path())).size;
      out.export.push({ ms: blob[0] - click[1], wallMs, bytes: size });
      await file.delete();
      await settle(page);
    }
    out.exportMedian = median(out.export.map((e) => e.ms));
    out.heapAfterExport = await heapBytes(page);
    log(`scale: export ${out.export.map((e) => ms(e.ms)).join(', ')}; heap ${mb(out.heapAfterExport)}`);
    await page.close();
    page = null;
    out.unlock = await unlockTimes(context, url, expected);
  } catch (error) {
    if (page) await page.screenshot({ path: join(WORK, 'failure.png') }).catch(() => {});
    log(`scale: failed; screenshot in ${join(WORK, 'failure.png')}`);
    throw error;
  } finally {
    await browser.cleanup();
    await rm(profile, { recursive: true, force: true });
  }
  return out;
}

// The passphrase lock on the same 10,000-reflection journal (issue #16): turn it on, then open the
// locked journal again in new tabs: Unlock clicked → the frame that shows the journal, split into
// the browser's part (PBKDF2 at 600,000 iterations, then every file opened with AES-GCM) and the
// C++ load that follows.
async function unlockTimes(context, url, expected) {
  const passphrase = 'a passphrase for the benchmark';
  let page = await context.newPage();
  await openApp(page, url);
  const from = Date.now();
  await page.evaluate((p) => DebriefLock.rekey(p), passphrase);
  const out = { turnOn: Date.now() - from, runs: [] };
  await page.close();
  const runs = Math.max(3, Math.min(RUNS, 5));
  for (let i = 0; i < runs; ++i) {
    page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.debrief && window.debrief.state === 'ready' && window.debrief.lock.locked, null, { timeout: 60000 });
    await waitIdle(page, 60000);
    await probe(page, () => {
      const done = Module._debrief_lock_unlock_done;
      Module._debrief_lock_unlock_done = (...a) => {
        const start = performance.now();
        try { return done(...a); } finally { window.__bench.unlockCall = [start, performance.now()]; }
      };
    });
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await waitIdle(page, 60000);
    const before = await now(page);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.waitForFunction(() => window.__bench.unlockCall && window.debrief.counts, null, { timeout: 60000 });
    await waitIdle(page, 60000);  // the first frames over 10,000 reflections build the list's caches
    await expectCounts(page, expected, 'after unlocking');
    const click = (await eventsSince(page, before, 'mouseup')).at(-1);
    const call = await probe(page, () => window.__bench.unlockCall);
    // The journal is read in steps after the call (a progress bar meanwhile): drawn in the first
    // frame after the whole of it is loaded.
    const loaded = await probe(page, () => window.__bench.journalAt);
    const frame = (await framesSince(page, loaded)).find((f) => f[2] > 0);
    out.runs.push({ total: frame[1] - click[1], browser: call[0] - click[1], load: loaded - call[0] });
    await page.close();
  }
  out.median = median(out.runs.map((r) => r.total));
  out.browserMedian = median(out.runs.map((r) => r.browser));
  out.loadMedian = median(out.runs.map((r) => r.load));
  log(`scale: unlock ${out.runs.map((r) => ms(r.total)).join(', ')} (browser ${ms(out.browserMedian)}, load ${ms(out.loadMedian)}); turning the lock on ${ms(out.turnOn)}`);
  return out;
}

// ---- native micro-benchmarks ------------------------------------------------------------------------
async function native(journalPath) {
  const jsonOut = join(WORK, 'native.json');
  const run = spawnSync(NATIVE_BENCH, [journalPath, '--json', jsonOut], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`${NATIVE_BENCH} failed (${run.status})`);
  return JSON.parse(await readFile(jsonOut, 'utf8'));
}

// ---- report ----------------------------------------------------------------------------------------
function report(r) {
  const md = [];
  md.push('# Debrief benchmarks', '');
  md.push(`${r.date} · ${r.machine.cpus} × ${r.machine.cpu} · Chromium ${r.machine.chromium} (headless, SwiftShader WebGL2) · medians of ${RUNS} runs unless noted. ` +
    `Load average ${r.machine.loadAtStart.toFixed(1)} at the start, ${r.machine.loadAtEnd.toFixed(1)} at the end (other work on this 2-core machine adds noise); the run took ${r.seconds} s.`, '');

  if (r.targets.length) {
    md.push('## Targets', '');
    md.push(table(['Target', 'Measured', 'Limit', 'Result'], r.targets.map((t) => [t.name, t.value, t.limit, t.met ? 'met' : `**missed**${t.note ? ` (${t.note})` : ''}`])), '');
  }

  if (r.sizes) {
    md.push('## Transfer size of the first visit (every file in build/site)', '');
    const rows = r.sizes.site.files.map((f) => [f.file, kb(f.raw), kb(f.gzip), kb(f.brotli)]);
    const t = r.sizes.site.total;
    rows.push(['**total**', `**${kb(t.raw)}**`, `**${kb(t.gzip)}**`, `**${kb(t.brotli)}**`]);
    const ref = r.sizes.reference.total;
    rows.push(['reference app (all files)', kb(ref.raw), kb(ref.gzip), kb(ref.brotli)]);
    rows.push(['ratio to the reference', ratio(t.raw / ref.raw), ratio(t.gzip / ref.gzip), ratio(t.brotli / ref.brotli)]);
    md.push(table(['File', 'Raw', 'gzip -9', 'brotli -q 11'], rows, ['l', 'r', 'r', 'r']), '');
    if (r.sizes.firstVisit) {
      const v = r.sizes.firstVisit;
      md.push(`Measured first visit (until the service worker is installed): ${v.requests} requests (${v.revalidated} answered 304 Not Modified), ${kb(v.raw)} raw, ${kb(v.brotli)} brotli if the server compressed; ` +
        (v.repeated ? `fetched more than once: ${v.repeatedFiles.join(', ')}.` : 'every file was fetched once.'), '');
    }
  }

  if (r.lighthouse) {
    const l = r.lighthouse;
    md.push(`## Lighthouse, mobile (simulated slow 4G, 4× CPU slowdown), ${l.runs.length} runs: median (min–max)`, '');
    const span = (x, f) => `${f(x.median)} (${f(x.min)}–${f(x.max)})`;
    const score = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
    md.push(table(['Measure', 'Value'], [
      ['Performance score', span(l.performance, score)],
      ['First contentful paint', span(l.fcp, ms)],
      ['Largest contentful paint', span(l.lcp, ms)],
      ['Total Blocking Time', span(l.tbt, ms)],
      ['Time to Interactive', span(l.tti, ms)],
      ['Longest main-thread task', span(l.longestTask, ms)],
      ['Accessibility score', span(l.accessibility, score)],
      ['Best-practices score', span(l.bestPractices, score)],
    ]), '');
    const incomplete = l.runs.filter((run) => run.scores.performance == null);
    if (incomplete.length) {
      md.push(`Runs without a performance score, left out of the figures above: ${incomplete.length} (${[...new Set(incomplete.flatMap((run) => run.failures))].join('; ') || 'no reason given'}).`, '');
    }
    const shown = l.runs.find((run) => run.scores.performance != null) || l.runs[0];
    const tasks = shown.longTasks.slice(0, 8).map((t) => `${ms(t.duration)} (${t.url.replace(/^https?:\/\/[^/]+\//, '') || 'page'})`);
    if (tasks.length) md.push(`Long tasks of the first run with a score: ${tasks.join(', ')}.`, '');
  }

  if (r.startup) {
    md.push('## Startup (navigation → first frame / ready)', '');
    md.push('"Usable" = state ready *and* a frame drawn (the reference is ready at its first frame; Debrief sets ready at the end of `main()` and draws at the next animation frame).', '');
    const rows = [];
    for (const kind of ['cold', 'warm']) {
      const a = r.startup.app[`${kind}Median`];
      const b = r.startup.reference[`${kind}Median`];
      rows.push([`${kind} — Debrief`, ms(a.firstFrame), ms(a.ready), ms(a.usable), kind === 'warm' ? `${a.controlled}/${RUNS}` : '–']);
      rows.push([`${kind} — reference`, ms(b.firstFrame), ms(b.ready), ms(b.usable), '–']);
      rows.push([`${kind} — ratio`, ratio(a.firstFrame / b.firstFrame), ratio(a.ready / b.ready), ratio(a.usable / b.usable), '']);
    }
    md.push(table(['Run', 'First frame', 'Ready', 'Usable', 'Served by the worker'], rows, ['l', 'r', 'r', 'r', 'r']), '');
    const spread = (kind, key) => {
      const xs = r.startup[key][kind].map((t) => t.usable);
      return `${ms(min(xs))}–${ms(max(xs))}`;
    };
    md.push(`Range of "usable" over the runs: Debrief cold ${spread('cold', 'app')}, warm ${spread('warm', 'app')}; reference cold ${spread('cold', 'reference')}, warm ${spread('warm', 'reference')}.`, '');
  }

  if (r.idle) {
    md.push(`## Idle cost (${IDLE_MS / 1000} s without input, after start-up settled)`, '');
    const rows = Object.entries(r.idle).map(([k, v]) => [k, String(v.frames), ms(v.taskMs), `${v.pageCpuPercent.toFixed(2)} %`, `${v.browserCpuPercent.toFixed(1)} %`]);
    md.push(table(['Page', 'Frames drawn', 'Main-thread task time', 'Page CPU (of one core)', 'All Chromium processes'], rows, ['l', 'r', 'r', 'r', 'r']), '');
    md.push('Page CPU: CDP `Performance.getMetrics` TaskDuration delta. All Chromium processes: /proc user+system time of the browser, renderer and GPU processes (SwiftShader draws on the CPU), 10 ms resolution.', '');
  }

  if (r.scale) {
    const s = r.scale;
    md.push(`## A journal of ${s.reflections.toLocaleString('en')} reflections (${mb(s.jsonBytes)} of JSON)`, '');
    const rows = [
      ['Import: file chosen → preview drawn', ms(s.importPreview.total), `read ${ms(s.importPreview.read)}, decode + preview ${ms(s.importPreview.decode)}`],
      ['Import: "Merge" → "Saved" (every record written to IndexedDB)', ms(s.importMergeSaved), ''],
      ['Load from IndexedDB: navigation → whole journal loaded', ms(s.loadMedian.journal), `median of ${s.load.length}; its progress drawn from the first frame at ${ms(s.loadMedian.firstFrame)}`],
      ['Search: keystroke → frame showing the hits', ms(s.search.latencyMedian), `${s.search.samples} keystrokes; p95 ${ms(s.search.latencyP95)}, max ${ms(s.search.latencyMax)}; that frame's work ${ms(s.search.workMedian)} (max ${ms(s.search.workMax)})`],
      ['Scrolling the list: main-thread work per frame', ms(s.scroll.workMedian), `${s.scroll.frames} frames; p95 ${ms(s.scroll.workP95)}, max ${ms(s.scroll.workMax)}; frame interval ${ms(s.scroll.intervalMedian)}; ${Math.round(s.scroll.vertices).toLocaleString('en')} vertices per frame; a real wheel notch is acknowledged in ${ms(s.scroll.wheelAckMedian)}${s.scroll.scrolled ? '' : ' (list did not move!)'}`],
      [`One edit → "Saved" (${DEBOUNCE} debounce + sync)`, ms(s.editMedian), s.edit.map(ms).join(', ')],
      ['Export: click → JSON ready for download', ms(s.exportMedian), `${s.export.map((e) => ms(e.ms)).join(', ')}; ${mb(s.export[0].bytes)}`],
      ['Idle with the journal open', `${s.idle.frames} frames`, `page CPU ${s.idle.pageCpuPercent.toFixed(2)} % of a core`],
      ['Unlock: "Unlock" clicked → the journal drawn', ms(s.unlock.median), `${s.unlock.runs.map((r) => ms(r.total)).join(', ')}; PBKDF2 + opening the files ${ms(s.unlock.browserMedian)}, loading ${ms(s.unlock.loadMedian)}; turning the lock on took ${ms(s.unlock.turnOn)}`],
      ['wasm heap after load / import / export', mb(s.heapAfterLoad), `${ratio(s.heapAfterLoad / s.jsonBytes)} the JSON; after import ${mb(s.heapAfterImport)}, after export ${mb(s.heapAfterExport)}`],
    ];
    md.push(table(['Measure', 'Median', 'Detail'], rows, ['l', 'r', 'l']), '');
  }

  if (r.native) {
    md.push(`## Native micro-benchmarks (${r.native.reflections.toLocaleString('en')} reflections, -O2, build/native/bench/debrief_bench)`, '');
    md.push(table(['Group', 'Case', 'Median', 'Min', 'Reps', 'Note'], r.native.cases.map((c) => [c.group, c.name, ms(c.median_ms), ms(c.min_ms), String(c.repetitions), c.note]), ['l', 'l', 'r', 'r', 'r', 'l']), '');
  }
  return md.join('\n');
}

// ---- main ------------------------------------------------------------------------------------------
async function main() {
  const started = Date.now();
  await mkdir(WORK, { recursive: true });
  const os = await import('node:os');
  results.machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model?.trim() || 'unknown', chromium: 'unknown', loadAtStart: os.loadavg()[0] };
  const version = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' });
  if (version.status === 0) results.machine.chromium = version.stdout.trim().replace(/^Chromium\s*/, '');

  const journalPath = join(WORK, `journal-${REFLECTIONS}.json`);
  // Dated to this run: its reminders are due (or not) relative to today, as the app sees them.
  results.journalEnd = new Date(started).toISOString();
  const journal = generateJournal({ reflections: REFLECTIONS, seed: 1, end: started });
  const expected = {
    reflections: journal.reflections.length,
    contacts: journal.contacts.length,
    messages: journal.messages.length,
    reminders: journal.reminders.length,
  };
  const text = journalText(journal);
  await writeFile(journalPath, text);
  const journalBytes = Buffer.byteLength(text);
  log(`generated ${journalPath} (${mb(journalBytes)})`);

  // Serve snapshots: a rebuild while the benchmark runs must not mix two builds' app.js and app.wasm.
  const siteDir = join(WORK, 'site');
  const referenceDir = join(WORK, 'reference-site');
  for (const [from, to] of [[SITE, siteDir], [REFERENCE_SITE, referenceDir]]) {
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true });
  }
  const site = await startServer(siteDir);
  const reference = await startServer(referenceDir);
  const apps = [
    { key: 'app', url: site.url, worker: true },
    { key: 'reference', url: reference.url, worker: false },
  ];
  try {
    if (ONLY.has('sizes')) {
      results.sizes = { site: compressedSizes(siteDir), reference: compressedSizes(referenceDir) };
      // What a first visit really requests, including the service worker's precache.
      const sizeOf = new Map(results.sizes.site.files.map((f) => [`/${f.file}`, f]));
      const browser = await newContext();
      try {
        const sent = site.transfers.length;
        const page = await browser.context.newPage();
        await openApp(page, site.url);
        await workerReady(page);
        await page.waitForTimeout(500);
        // Files sent whole (a 304 revalidation sends no body: the browser had the file already).
        const answers = site.transfers.slice(sent);
        const paths = answers.filter((t) => t.status === 200).map((t) => (t.path === '/' ? '/index.html' : t.path));
        const counts = new Map();
        for (const p of paths) counts.set(p, (counts.get(p) || 0) + 1);
        const repeated = [...counts].filter(([, n]) => n > 1).map(([p]) => p);
        const v = { requests: answers.length, revalidated: answers.length - paths.length, raw: 0, brotli: 0,
          repeated: repeated.length, repeatedFiles: repeated };
        for (const p of paths) {
          const f = sizeOf.get(p);
          if (f) { v.raw += f.raw; v.brotli += f.brotli; }
        }
        results.sizes.firstVisit = v;
      } finally {
        await browser.cleanup();
      }
      const v = results.sizes.firstVisit;
      target('First visit, English, as fetched (brotli)', kb(v.brotli), '≤ 260 KB', '', v.brotli <= 260 * 1024,
        `${kb(v.brotli - 260 * 1024)} over`);
      // Issue #12: each other language costs its catalogue plus the faces its script needs, fetched
      // only when chosen.
      const extraFonts = { ar: ['fonts/arabic.ttc'] };
      results.sizes.languages = results.sizes.site.files
        .filter((f) => /^i18n\/[a-z]+\.catalogue$/.test(f.file))
        .map((f) => {
          const code = f.file.slice(5, -10);
          const fonts = (extraFonts[code] || []).map((name) => sizeOf.get(`/${name}`).brotli);
          return { code, catalogue: f.brotli, fonts: fonts.reduce((a, b) => a + b, 0) };
        });
      for (const l of results.sizes.languages) {
        const total = l.catalogue + l.fonts;
        target(`Language ${l.code}: catalogue ${kb(l.catalogue)}${l.fonts ? ` + fonts ${kb(l.fonts)}` : ''} (brotli)`, kb(total),
          '≤ 25 KB', '', total <= 25 * 1024, `${kb(total - 25 * 1024)} over`);
      }
    }

    if (ONLY.has('startup')) {
      const s = await startup(apps);
      results.startup = s;
      const warmRatio = s.app.warmMedian.usable / s.reference.warmMedian.usable;
      const coldRatio = s.app.coldMedian.usable / s.reference.coldMedian.usable;
      // Issue #15 item 5: the first frame within 1.15× (warm) and 1.3× (cold) of bare ImGui.
      target('Warm start → first frame, vs reference', `${ratio(warmRatio)} (${ms(s.app.warmMedian.usable)} vs ${ms(s.reference.warmMedian.usable)})`, '≤ 1.15×', '', warmRatio <= 1.15,
        `${ms(s.app.warmMedian.usable - 1.15 * s.reference.warmMedian.usable)} over`);
      target('Cold start → first frame, vs reference', `${ratio(coldRatio)} (${ms(s.app.coldMedian.usable)} vs ${ms(s.reference.coldMedian.usable)})`, '≤ 1.3×', '', coldRatio <= 1.3,
        `${ms(s.app.coldMedian.usable - 1.3 * s.reference.coldMedian.usable)} over`);
    }

    if (ONLY.has('lighthouse')) {
      const runs = await runLighthouse(site.url, LIGHTHOUSE_RUNS);
      const of = (pick) => { const xs = runs.map(pick); return { median: median(xs), min: min(xs), max: max(xs) }; };
      const l = {
        runs,
        performance: of((r) => r.scores.performance),
        accessibility: of((r) => r.scores.accessibility),
        bestPractices: of((r) => r.scores['best-practices']),
        tbt: of((r) => r.audits['total-blocking-time']),
        tti: of((r) => r.audits.interactive),
        fcp: of((r) => r.audits['first-contentful-paint']),
        lcp: of((r) => r.audits['largest-contentful-paint']),
        longestTask: of((r) => (r.scores.performance == null ? NaN : Math.max(0, ...r.longTasks.map((t) => t.duration)))),
      };
      results.lighthouse = l;
      const score = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
      target('Lighthouse mobile: performance', score(l.performance.median), '≥ 0.95', '', l.performance.median >= 0.95);
      target('Lighthouse mobile: Total Blocking Time', ms(l.tbt.median), '≤ 200 ms', '', l.tbt.median <= 200, `${ms(l.tbt.median - 200)} over`);
      target('Lighthouse: accessibility', score(l.accessibility.median), '1.00', '', l.accessibility.median === 1);
      target('Lighthouse: best practices', score(l.bestPractices.median), '1.00', '', l.bestPractices.median === 1);
      // The back/forward cache is checked by tests/browser/bfcache.test.mjs: Lighthouse's own bf-cache
      // audit answers "Internal error" in headless Chromium.
    }

    if (ONLY.has('idle')) {
      results.idle = await idle(apps);
      const a = results.idle.app;
      target('Idle 5 s: frames drawn', String(a.frames), '0', '', a.frames === 0);
      target('Idle 5 s: page CPU', `${a.pageCpuPercent.toFixed(2)} % of a core`, '< 1 %', '', a.pageCpuPercent < 1);
    }

    if (ONLY.has('scale')) {
      const s = await scale(site.url, journalPath, journalBytes, expected);
      results.scale = s;
      target('10k: navigation → journal loaded', ms(s.loadMedian.journal), '≤ 1500 ms', '', s.loadMedian.journal <= 1500, `${ms(s.loadMedian.journal - 1500)} over`);
      target('10k: search keystroke → frame', ms(s.search.latencyMedian), '≤ 16 ms', '', s.search.latencyMedian <= 16, `${ms(s.search.latencyMedian - 16)} over`);
      target(`10k: edit → "Saved" (incl. ${DEBOUNCE} debounce)`, ms(s.editMedian), '≤ 1500 ms', '', s.editMedian <= 1500, `${ms(s.editMedian - 1500)} over`);
      target('10k: export', ms(s.exportMedian), '≤ 1000 ms', '', s.exportMedian <= 1000, `${ms(s.exportMedian - 1000)} over`);
      target('10k: list scrolling, work per frame', ms(s.scroll.workMedian), '≤ 8 ms', '', s.scroll.workMedian <= 8, `${ms(s.scroll.workMedian - 8)} over`);
      target('10k: unlock → journal drawn', ms(s.unlock.median), '≤ 2000 ms', '', s.unlock.median <= 2000, `${ms(s.unlock.median - 2000)} over`);
      // WebAssembly memory only grows, so each sample is the peak of its page so far: the largest of
      // them is the peak of the run (import and save in one page; load, edits and export in another).
      const peak = Math.max(s.heapAfterImport, s.heapAfterLoad, s.heapAfterExport);
      const heapRatio = peak / s.jsonBytes;
      target('10k: peak wasm heap vs JSON size', `${ratio(heapRatio)} (${mb(peak)} / ${mb(s.jsonBytes)})`, '≤ 4×', '', heapRatio <= 4);
    }

    if (ONLY.has('native')) {
      log('native micro-benchmarks');
      results.native = await native(journalPath);
    }
  } finally {
    site.server.close();
    reference.server.close();
  }

  results.machine.loadAtEnd = os.loadavg()[0];
  results.seconds = Math.round((Date.now() - started) / 1000);
  const md = report(results);
  await writeFile(join(BUILD, 'bench.md'), `${md}\n`);
  await writeFile(join(BUILD, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(md);
}

await main();
