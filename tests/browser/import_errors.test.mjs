// 200 malformed documents go through the real import path; each is refused with a message and the
// stored journal stays byte-identical. Oversized files are refused before they are read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, launch, newReflection, openApp, startServer, waitSaved, waitSettled } from './harness.mjs';
import { malformedDocuments } from './malformed.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.context.newPage();
  await openApp(page, server.url);
  await newReflection(page, 'Must survive — überleben — يبقى');
  await waitSaved(page);
  // Resolves with the next text the app speaks through its live region (Debrief.announce, which
  // creates #announce on first use), as soon as it is there; '' if nothing came before the deadline.
  await page.evaluate(() => {
    window.nextAnnouncement = (deadlineMs = 10000) => new Promise((resolve) => {
      const text = () => document.getElementById('announce')?.textContent || '';
      const observer = new MutationObserver(() => {
        if (text()) finish(text());
      });
      const deadline = setTimeout(() => finish(''), deadlineMs);  // a deadline, not a delay
      function finish(value) {
        observer.disconnect();
        clearTimeout(deadline);
        resolve(value);
      }
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
});
after(async () => {
  await browser.cleanup();
  server.server.close();
});

// Every stored file, path -> content: the journal as IndexedDB holds it.
const snapshot = () => page.evaluate(() => {
  const files = {};
  const walk = (dir) => {
    for (const name of FS.readdir(dir)) {
      if (name === '.' || name === '..') continue;
      const path = `${dir}/${name}`;
      if (FS.isDir(FS.stat(path).mode)) walk(path); else files[path] = FS.readFile(path, { encoding: 'utf8' });
    }
  };
  walk('/journal');
  return files;
});

// The real path after the picker: web/shell.js reads the File and hands the bytes to C++.
async function importBytes(name, bytes) {
  // The bytes travel as base64 (exact for any bytes, and one string instead of an array of numbers).
  return page.evaluate(async ([fileName, base64]) => {
    const region = document.getElementById('announce');
    if (region) region.textContent = '';
    const spoken = window.nextAnnouncement();
    Debrief.files.read(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], fileName));
    return spoken;
  }, [name, Buffer.from(bytes).toString('base64')]);
}

test('200 malformed documents are each refused with a message; the journal does not change', async () => {
  const valid = await readFile(join(ROOT, 'tests', 'fixtures', 'journal-v1.json'), 'utf8');
  const documents = malformedDocuments(valid, 200);
  assert.equal(documents.length, 200);
  const before = await snapshot();
  for (const { kind, data } of documents) {
    const message = await importBytes('broken.json', data);
    assert.match(message, /could not be imported/, `${kind}: ${message}`);
    assert.ok(message.length > 40, `${kind}: the message says why`);
  }
  // Nothing half-applied: no pending preview was offered, and the stored files are identical, once
  // the app has settled (the last import drawn, its notice expired, no save or sync under way).
  await waitSettled(page);
  assert.equal(await page.getByRole('button', { name: 'Merge into my journal' }).count(), 0);
  assert.deepEqual(await snapshot(), before);
});

test('a 60 MB file is refused before it is read, with its size in the message', async () => {
  const message = await page.evaluate(async () => {
    document.getElementById('announce').textContent = '';
    const big = new File([new Uint8Array(60 * 1024 * 1024)], 'huge.json');
    const spoken = window.nextAnnouncement();
    Debrief.files.read(big);
    return spoken;
  });
  assert.match(message, /huge\.json is 60\.0 MB; Debrief imports files up to 50 MB/);
});
