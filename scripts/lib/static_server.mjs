// A small static file server for build/site/ (used by scripts/serve, the browser tests and the benchmarks).
// Serves .wasm as application/wasm so browsers compile it while it streams in, sends the security
// headers a static host should send too (README "Hosting"), sends the precompressed copy of a file
// (<file>.br, <file>.gz, written at build time by precompress.mjs) to a browser that accepts it, as a
// static host would, and never serves a file outside its folder.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.ttc': 'font/collection',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// The page's Content-Security-Policy: only the site's own files; scripts from the site plus the
// compilation of WebAssembly ('wasm-unsafe-eval'); no inline script or style, no plugins, no <base>.
// web/index.html carries the same policy in a <meta> tag (tests/browser/security.test.mjs checks that
// they match); frame-ancestors is ignored in a <meta> tag, so only the header says it.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// The file under `base` that a request path names, or null when it would leave `base` (a `..`, or a
// sibling folder whose name merely starts with base's name: /srv/site-secret is not in /srv/site).
function fileWithin(base, path) {
  const file = join(base, path);
  const rel = relative(base, file);
  if (rel === '') return file;
  if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return null;
  return file;
}

// The precompressed copy the request accepts (brotli first), or null for the file itself. A copy older
// than its file (the file was rewritten after the build, as tests do) is never sent.
async function compressedCopy(file, acceptEncoding = '') {
  const accepted = acceptEncoding.split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  const written = (await stat(file)).mtimeMs;
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepted.includes(encoding)) continue;
    try {
      if ((await stat(file + suffix)).mtimeMs >= written) return { encoding, path: file + suffix };
    } catch { /* no such copy: try the next encoding */ }
  }
  return null;
}

// Starts serving `root`; resolves to { server, port, url, requests, transfers }: `requests` lists the
// path of every request, `transfers` each answer as { path, status, bytes } (bytes of body sent).
export async function startStaticServer(root, { port = 0, host = '127.0.0.1', log = false } = {}) {
  const base = resolve(root);
  const requests = [];
  const transfers = [];
  const server = createServer(async (req, res) => {
    const refuse = (status, text, what) => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
      transfers.push({ path: what, status, bytes: Buffer.byteLength(text) });
      if (log) console.log(`${status} ${what}`);
    };
    let path;
    try {
      // A malformed percent-escape (/%E0%A4%A) throws URIError: the request is bad, not the server.
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      requests.push(req.url);
      refuse(400, 'Bad request', req.url);
      return;
    }
    requests.push(path);
    let file = path.includes('\0') ? null : fileWithin(base, path);
    if (!file) {
      refuse(403, 'Forbidden', path);
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const copy = await compressedCopy(file, req.headers['accept-encoding']);
      const sent = copy ? copy.path : file;
      // A validator, as static hosts send: a revalidation of an unchanged file (the browser fetches
      // the favicon itself, past the service worker that already has it) is a 304, not the file again.
      const { size, mtimeMs } = await stat(sent);
      const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
      const headers = {
        ...SECURITY_HEADERS,
        'Content-Type': MIME[extname(file)] || 'application/octet-stream',
        ...(copy ? { 'Content-Encoding': copy.encoding } : {}),
        Vary: 'Accept-Encoding',
        // Always revalidate: the service worker, not the HTTP cache, is what keeps the app offline.
        'Cache-Control': 'no-cache',
        ETag: etag,
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        transfers.push({ path, status: 304, bytes: 0 });
        if (log) console.log(`304 ${path}`);
        return;
      }
      const body = await readFile(sent);
      res.writeHead(200, headers);
      res.end(body);
      transfers.push({ path, status: 200, bytes: body.length });
      if (log) console.log(`200 ${path}`);
    } catch {
      refuse(404, 'Not found', path);
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  return { server, port: actual, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`, requests, transfers };
}

// `node scripts/lib/static_server.mjs <root> <port>`: serve until interrupted.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'build/site', port = '8080'] = process.argv.slice(2);
  const { url } = await startStaticServer(root, { port: Number(port), host: '127.0.0.1' });
  console.log(`Debrief is running at ${url.replace('127.0.0.1', 'localhost')}  (Ctrl+C to stop)`);
}
