// "Exactly what you typed" (issue #16, item 1): text crosses the JavaScript -> C++ boundary with its
// length, so U+0000 survives; a lone surrogate becomes U+FFFD in storage and in the field alike (an
// emoji typed as two events, one per half, is not a lone surrogate); a
// line break in a one-line field survives an edit elsewhere in that field. Each case is edited through
// the real native field with the keyboard, and the stored shard bytes are checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { importFile, launch, newReflection, openApp, reveal, startServer, storedReflections, waitIdle, waitSaved } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

// A fresh profile per case, so each journal holds exactly the one reflection the case imports.
async function withPage(fn) {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await openApp(page, server.url);
    await fn(page);
  } finally {
    await browser.cleanup();
  }
}

// A journal with one reflection holding `fields`, imported through the real picker and merged.
async function importReflection(page, fields) {
  const journal = {
    format: 'debrief-journal',
    version: 1,
    reflections: [{
      id: '00000000-0000-4000-8000-0000000000e1',
      created: '2026-11-14T21:41:00.000+01:00',
      modified: '2026-11-14T21:41:00.000+01:00',
      ...fields,
    }],
  };
  await page.getByRole('tab', { name: 'Your data' }).click();
  await importFile(page, { name: 'journal.json', buffer: Buffer.from(JSON.stringify(journal)) });
  await (await reveal(page, page.getByRole('button', { name: 'Merge into my journal' }))).click();
  await waitSaved(page);
  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByRole('button', { name: /^Open / }).click();
  await (await reveal(page, page.getByRole('button', { name: 'Show details' }), { direction: -1 })).click();
  await waitIdle(page);
}

// The raw bytes of the reflection shard lines, as hex, to check what was written, not what parses.
const storedHex = (page) => page.evaluate(() => {
  const dir = '/journal/reflections';
  return FS.readdir(dir).filter((n) => n.endsWith('.jsonl'))
    .map((n) => Array.from(FS.readFile(`${dir}/${n}`), (b) => b.toString(16).padStart(2, '0')).join('')).join('');
});
const hex = (text) => Buffer.from(text, 'utf8').toString('hex');

// Puts the caret at the end of the field's text and types one character with the keyboard.
async function typeAtEnd(page, field, text) {
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await waitSaved(page);
}

test('U+0000 inside an imported company is shown and survives an edit of another character', async () => {
  await withPage(async (page) => {
    await importReflection(page, { company: 'Null\u0000Byte GmbH', rejection_message: 'Line one\u0000\nline two' });
    const company = page.getByLabel('Company', { exact: true });
    assert.equal(await company.inputValue(), 'Null\u0000Byte GmbH', 'the field shows the whole text');
    await typeAtEnd(page, company, '!');
    const letter = await reveal(page, page.getByLabel(/^Their message/));
    assert.equal(await letter.inputValue(), 'Line one\u0000\nline two');
    await typeAtEnd(page, letter, '.');
    const [stored] = await storedReflections(page);
    assert.equal(stored.company, 'Null\u0000Byte GmbH!', 'nothing after the zero was lost');
    assert.ok((await storedHex(page)).includes(hex('"Null\\u0000Byte GmbH!"')), 'stored as the escape \\u0000');
    assert.equal(stored.rejection_message, 'Line one\u0000\nline two.');
    assert.equal(await company.inputValue(), 'Null\u0000Byte GmbH!');
  });
});

test('a lone surrogate pasted into a field becomes U+FFFD in the field and EF BF BD in storage', async () => {
  await withPage(async (page) => {
    const field = await newReflection(page, 'x');
    await waitSaved(page);
    // A paste that split an emoji: the value holds a high surrogate with no low one; the caret sits
    // right after it.
    await field.evaluate((el) => {
      el.value = 'Lone\ud83dSurrogate';
      el.setSelectionRange(5, 5);
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    });
    assert.equal(await field.inputValue(), 'Lone\ufffdSurrogate', 'the field shows what is stored');
    assert.deepEqual(await field.evaluate((el) => [el.selectionStart, el.selectionEnd]), [5, 5], 'the caret stayed put');
    // The next keystroke lands at the caret and swallows nothing.
    await page.keyboard.type('X');
    await waitSaved(page);
    const [stored] = await storedReflections(page);
    assert.equal(stored.company, 'Lone\ufffdXSurrogate');
    assert.ok((await storedHex(page)).includes(hex('Lone') + 'efbfbd' + hex('XSurrogate')), 'stored as EF BF BD');
    assert.equal(await field.inputValue(), 'Lone\ufffdXSurrogate');
  });
});

test('an emoji typed as two input events, one per UTF-16 unit, arrives whole', async () => {
  await withPage(async (page) => {
    const field = await newReflection(page, 'Smile ');
    // What Firefox (and Chrome on Windows) send for an emoji key (w3c/uievents#227; the Firefox
    // suite types one for real): the high surrogate first, alone before the caret, then the low one.
    const insert = (unit) => field.evaluate((el, u) => {
      const at = el.selectionStart;
      el.value = el.value.slice(0, at) + u + el.value.slice(at);
      el.setSelectionRange(at + 1, at + 1);
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: u }));
    }, unit);
    await insert('\ud83d');
    assert.equal(await field.inputValue(), 'Smile \ud83d', 'the first half waits for the second');
    await insert('\ude0a');
    await waitSaved(page);
    assert.equal(await field.inputValue(), 'Smile 😊');
    assert.equal((await storedReflections(page))[0].company, 'Smile 😊');
  });
});

test('a line break in a one-line field is kept, shown and survives an edit of another character', async () => {
  await withPage(async (page) => {
    await importReflection(page, { company: 'Two\nLines Ltd' });
    const company = page.getByLabel('Company', { exact: true });
    assert.equal(await company.inputValue(), 'Two\nLines Ltd', 'the field shows the break');
    assert.equal(await company.evaluate((el) => el.tagName), 'TEXTAREA');
    // Enter adds no line break to a one-line field.
    await company.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('!');
    await waitSaved(page);
    const [stored] = await storedReflections(page);
    assert.equal(stored.company, 'Two\nLines Ltd!');
    assert.ok((await storedHex(page)).includes(hex('Two\\nLines Ltd!')), 'the stored bytes hold the escaped break');
    // Deleting the break is an ordinary edit.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Delete');
    await waitSaved(page);
    assert.equal((await storedReflections(page))[0].company, 'TwoLines Ltd!');
  });
});
