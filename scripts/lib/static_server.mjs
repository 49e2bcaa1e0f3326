// A small static file server for build/site/ (used by scripts/serve, the browser tests and the benchmarks).
// Serves .wasm as application/wasm so browsers compile it while it streams in.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// Starts serving `root`; resolves to { server, port, url, requests } where `requests` counts every request.
export async function startStaticServer(root, { port = 0, host = '127.0.0.1', log = false } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] || 'application/octet-stream',
        // Always revalidate: the service worker, not the HTTP cache, is what keeps the app offline.
        'Cache-Control': 'no-cache',
      });
      res.end(body);
      if (log) console.log(`200 ${path}`);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      if (log) console.log(`404 ${path}`);
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  return { server, port: actual, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`, requests };
}

// `node scripts/lib/static_server.mjs <root> <port>`: serve until interrupted.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'build/site', port = '8080'] = process.argv.slice(2);
  const { url } = await startStaticServer(root, { port: Number(port), host: '127.0.0.1' });
  console.log(`Debrief is running at ${url.replace('127.0.0.1', 'localhost')}  (Ctrl+C to stop)`);
}
