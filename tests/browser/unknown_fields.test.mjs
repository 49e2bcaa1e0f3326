// Unknown fields are kept byte for byte (issue #16, item 1): a journal from a "newer version", with
// values a parser would write back differently (-0, 1e-400, 12345678901234567890123, 1.0, escapes,
// a key with an escape, nested values) at every level and two list items sharing an id, is imported
// through the real picker, the page is reloaded (so everything comes back from IndexedDB), and the
// journal is exported through the real download: every unknown value is in the downloaded file as
// the imported file wrote it. Only the whitespace between tokens may differ (docs/schema.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { importFile, launch, openApp, reveal, startServer, waitSaved, waitSettled } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

// Written by hand, not by JSON.stringify, which would already lose what this test is about.
const odd = String.raw`{"n0":-0,"n1":1e-400,"n2":12345678901234567890123,"n3":1.0,"s":"caf\u00e9 \ud83d\ude0a \/","o":{"z":[1.50,{"e":-0.0E+0}],"a":null},"caf\u00e9":true}`;
const created = '"2026-11-14T21:41:00.000+01:00"';
// The settings are newer than a fresh journal's, so "Replace" and "Merge" would both keep them.
const journal = `{
  "format": "debrief-journal", "version": 1, "x_top": ${odd},
  "settings": {"modified": "2030-01-01T00:00:00.000Z", "x_settings": ${odd},
    "profile_choices": [{"key": "remote", "kind": "must_have", "x_choice": ${odd}}]},
  "reflections": [{"id": "00000000-0000-4000-8000-0000000000f1", "created": ${created}, "modified": ${created},
    "company": "Lumen", "x_record": ${odd},
    "vent": {"letter": "hi", "x_vent": ${odd}},
    "wins": [{"id": "w1", "text": "first", "x_win": 1e-400}, {"id": "w1", "text": "second", "x_win": -0},
             {"id": "w1", "text": "third", "x_win": "\\u0034"}]}],
  "x_last": [ 1.0 , -0 ]
}`;

// The text without whitespace between tokens (string literals are kept whole).
function compact(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (!' \t\r\n'.includes(c)) {
      out += c;
    }
  }
  return out;
}

async function exportJournal(page) {
  await page.getByRole('tab', { name: 'Your data' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download journal (.json)' }).click()]);
  return readFile(await download.path(), 'utf8');
}

test('unknown values at every level are exported byte for byte after an import and a reload', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await openApp(page, server.url);
    await page.getByRole('tab', { name: 'Your data' }).click();
    await importFile(page, { name: 'from-a-newer-version.json', buffer: Buffer.from(journal) });
    await (await reveal(page, page.getByRole('button', { name: 'Replace my journal' }))).click();
    await waitSaved(page);
    await waitSettled(page);

    await page.reload();
    await openApp(page, server.url);
    const exported = compact(await exportJournal(page));

    for (const [where, member] of [
      ['document', `"x_top":${odd},`],
      ['document, last', '"x_last":[1.0,-0]}'],
      ['settings', `"x_settings":${odd}`],
      ['settings list item', `"x_choice":${odd}}`],
      ['record', `"x_record":${odd}`],
      ['step object', `"x_vent":${odd}}`],
    ]) {
      assert.ok(exported.includes(member), `${where}: ${member} in ${exported}`);
    }
    // Three wins share the id w1: each keeps its own unknown value, in order.
    assert.ok(exported.includes('"text":"first","really_helped":false,"x_win":1e-400}'), exported);
    assert.ok(exported.includes('"text":"second","really_helped":false,"x_win":-0}'), exported);
    assert.ok(exported.includes(String.raw`"text":"third","really_helped":false,"x_win":"\u0034"}`), exported);
  } finally {
    await browser.cleanup();
  }
});
