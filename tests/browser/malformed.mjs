// Generates malformed journal documents (deterministically) from a valid one: one kind of damage
// each, so every one of them must be refused by the importer with a message.
const enc = new TextEncoder();

// A small deterministic PRNG (mulberry32): the same 200 documents on every run.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const set = (doc, path, value) => {
  const copy = structuredClone(doc);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)] = value;
  return enc.encode(JSON.stringify(copy, null, 2));
};

const remove = (doc, path) => {
  const copy = structuredClone(doc);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  delete node[path.at(-1)];
  return enc.encode(JSON.stringify(copy, null, 2));
};

export function malformedDocuments(validText, count = 200) {
  const rnd = random(20261121);
  const valid = JSON.parse(validText);
  const bytes = enc.encode(validText);
  const out = [];
  const add = (kind, data) => out.push({ kind, data: data instanceof Uint8Array ? data : enc.encode(data) });

  // Structural damage to known fields.
  const wrongTypes = [
    [['reflections', 0, 'company'], 42], [['reflections', 0, 'vent', 'mood_before'], 'seven'],
    [['reflections', 0, 'vent', 'mood_before'], 11], [['reflections', 0, 'vent', 'mood_before'], -1],
    [['reflections', 0, 'vent', 'mood_before'], 1e300], [['reflections', 0, 'stage'], 'nope'],
    [['reflections', 0, 'ending'], null], [['reflections', 0, 'applied_on'], '2025-02-30'],
    [['reflections', 0, 'applied_on'], '2025-13-01'], [['reflections', 0, 'applied_on'], '21.11.2026'],
    [['reflections', 0, 'created'], 'yesterday'], [['reflections', 0, 'id'], '../../escape'],
    [['reflections', 0, 'wins'], {}], [['reflections', 0, 'steps'], 'done'], [['reflections', 0, 'current_step'], 99],
    [['reflections', 0, 'vent', 'emotions'], [1, 2]], [['reflections'], {}], [['reminders', 0, 'due'], '2026-02-29'],
    [['reminders', 0, 'kind'], 'party'], [['messages', 0, 'status'], 7], [['contacts', 0, 'channel'], 'pigeon'],
    [['version'], 99], [['version'], 7], [['version'], '1'], [['version'], -1], [['format'], 'something-else'],
    [['format'], null], [['settings'], []], [['reflections', 1, 'id'], valid.reflections[0].id],
  ];
  for (const [path, value] of wrongTypes) add(`wrong ${path.join('.')}`, set(valid, path, value));
  for (const path of [['format'], ['version'], ['reflections', 0, 'id'], ['reflections', 0, 'created'], ['reminders', 0, 'due']])
    add(`missing ${path.join('.')}`, remove(valid, path));

  // Not a journal at all.
  for (const text of ['', ' ', '\uFEFF', 'null', 'true', '42', '"journal"', '[]', '{}', '{"format":"debrief-journal"}', '<html></html>'])
    add('not a journal', text);

  // Nesting far deeper than any journal.
  for (const depth of [65, 200, 5000, 100000]) add(`nesting ${depth}`, '['.repeat(depth) + ']'.repeat(depth));
  add('deep object', '{"a":'.repeat(3000) + '1' + '}'.repeat(3000));

  // Raw control characters and invalid UTF-8 inside strings.
  const company = validText.indexOf('"company"');
  const insertAt = (at, extra) => new Uint8Array([...bytes.slice(0, at), ...extra, ...bytes.slice(at)]);
  const stringStart = validText.indexOf('"', company + 10) + 1;
  for (const bad of [[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x01], [0x0a]])
    add(`bad bytes ${bad}`, insertAt(Buffer.from(validText.slice(0, stringStart)).length, bad));

  // Truncations and random byte damage fill the rest.
  while (out.length < count) {
    if (rnd() < 0.6) {
      const at = 1 + Math.floor(rnd() * (bytes.length - 3));
      add(`truncated at ${at}`, bytes.slice(0, at));
    } else {
      const at = Math.floor(rnd() * bytes.length);
      const structural = ['{', '}', '[', ']', ':', ','];
      const junk = enc.encode(structural[Math.floor(rnd() * structural.length)] + structural[Math.floor(rnd() * structural.length)]);
      add(`junk at ${at}`, insertAt(at, [...junk, 0xff]));
    }
  }
  return out;
}
