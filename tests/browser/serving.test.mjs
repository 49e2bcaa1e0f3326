// scripts/serve sends the precompressed copies the build wrote (<file>.br, <file>.gz), as a static
// host would: the smaller body to a browser that accepts it, the file itself to one that does not,
// and the same bytes either way once decoded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SITE, launch, openApp, startServer, watchErrors } from './harness.mjs';
import { describeSite } from '../../scripts/lib/make_precache.mjs';
import { precompress } from '../../scripts/lib/precompress.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.server.close());

// The raw response (node:http, not fetch(), which would decode the body by itself).
const rawGet = (base, path, acceptEncoding, headers = {}) => new Promise((resolve, reject) => {
  request(new URL(path, base), { headers: { 'accept-encoding': acceptEncoding, ...headers } }, (response) => {
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
  }).on('error', reject).end();
});
const get = (path, acceptEncoding, headers) => rawGet(server.url, path, acceptEncoding, headers);

test('a revalidation of an unchanged file is answered 304 with no body; a changed one in full', async () => {
  const first = await get('icons/icon-192.png', 'br');
  assert.equal(first.status, 200);
  assert.ok(first.headers.etag, 'an ETag validator is sent');
  const again = await get('icons/icon-192.png', 'br', { 'if-none-match': first.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  const brotli = await get('app.js', 'br');
  const plain = await get('app.js', 'identity');
  assert.notEqual(brotli.headers.etag, plain.headers.etag, 'each encoding has its own validator');
  const stale = await get('app.js', 'identity', { 'if-none-match': brotli.headers.etag });
  assert.equal(stale.status, 200, 'a validator of the other encoding does not match');
});

test('app.wasm travels as brotli, gzip or as is, and decodes to the same bytes', async () => {
  const original = await readFile(join(SITE, 'app.wasm'));
  const br = await get('app.wasm', 'gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.ok(br.body.length < original.length / 2, `${br.body.length} of ${original.length} bytes crossed`);
  assert.ok(brotliDecompressSync(br.body).equals(original));
  const gz = await get('app.wasm', 'gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gunzipSync(gz.body).equals(original));
  const plain = await get('app.wasm', 'identity');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.ok(plain.body.equals(original));
});

test('PNG icons are sent as they are; copies never reach the precache', async () => {
  const icon = await get('icons/icon-192.png', 'br');
  assert.equal(icon.headers['content-encoding'], undefined);
  const names = await readdir(SITE);
  assert.ok(names.includes('index.html.br'), 'the build wrote the copies');
  const { files, lazy } = await describeSite(SITE, await readFile(join(SITE, '..', '..', 'web', 'sw.js'), 'utf8'));
  const listed = [...Object.keys(files), ...Object.keys(lazy)];
  assert.deepEqual(listed.filter((p) => p.endsWith('.br') || p.endsWith('.gz')), []);
});

test('a copy older than its file is never sent', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'debrief-serving-'));
  const local = await startServer(dir);
  try {
    await writeFile(join(dir, 'a.js'), 'console.log("first build");'.repeat(20));
    await precompress(dir);
    // The file is rewritten after the build (a test's second deployment): its old copy is stale.
    await writeFile(join(dir, 'a.js'), 'console.log("second");');
    const later = new Date(Date.now() + 60_000);
    await utimes(join(dir, 'a.js'), later, later);
    const { headers, body } = await rawGet(local.url, 'a.js', 'br, gzip');
    assert.equal(headers['content-encoding'], undefined);
    assert.equal(body.toString(), 'console.log("second");');
  } finally {
    local.server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

// shell.js compiles app.wasm while it streams in, which needs the application/wasm MIME type; a host
// that sends another type must still get a working app (compiled from the bytes instead).
test('a host that sends app.wasm with another MIME type still starts the app', async () => {
  const browser = await launch(null);
  try {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    let served = 0;
    await page.route('**/app.wasm', async (route) => {
      const response = await route.fetch();
      served += 1;
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await openApp(page, server.url);
    assert.equal(served, 1, 'app.wasm was fetched once, with the other type');
    await page.getByRole('button', { name: 'New reflection' }).waitFor();
    assert.deepEqual(errors.filter((e) => !e.includes('GL Driver')), []);
  } finally {
    await browser.cleanup();
  }
});
