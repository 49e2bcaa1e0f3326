// Writes <site>/sw.js from the web/sw.js template: the list of every site file with its SHA-256 and a build hash naming the cache.
// Usage: node scripts/lib/make_precache.mjs <site dir> [template, default web/sw.js]
// Run after every other site file is in place (cmake/WebApp.cmake target debrief_site); the browser
// tests also run it on a copied site to fake a second deployment.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { minifyScript } from './minify.mjs';
import { isCompressedCopy } from './precompress.mjs';

const PLACEHOLDER = '__DEBRIEF_BUILD__';
const DEFAULT_TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'sw.js');

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
// What sw.js checks each file against (its verified()): the first 128 bits of its SHA-256, which
// tell one build's file from another's as surely as all 256, in half the room. Hashes do not
// compress, and every first visit downloads the list: sw.js 2.5 -> 1.9 KB brotli with 38 files.
const fileHash = (data) => sha256(data).slice(0, 32);

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // Dot files and half-written temporaries are never part of what we deploy.
    // Nor are the precompressed copies (precompress.mjs): the server picks them for the file itself.
    if (entry.name.startsWith('.') || entry.name.endsWith('.tmp') || isCompressedCopy(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

// Files a first visit in English never needs are fetched only by those who need them, and the worker
// caches them when first fetched (web/sw.js), so they are listed apart from the first-visit precache:
// the other languages' catalogues, the Arabic faces (fetched when Arabic text is first drawn, in any
// language), the blocks of more letters and emoji (fetched when one of their characters is first
// drawn) and the large icons (fetched by the browser only to install the app). The manifests stay
// precached: the browser reads the page's manifest whenever it likes, offline too.
const isLazy = (path) => path.startsWith('i18n/') || path.startsWith('fonts/arabic') ||
  path.startsWith('fonts/blocks/') ||
  /^icons\/icon-(maskable-)?512\.png$/.test(path);

// Returns { version, files, lazy }: each site-relative URL path with its SHA-256, files precached at
// install and lazy ones (catalogues) cached when fetched. Both are part of the build hash.
export async function describeSite(siteDir, templateText) {
  const root = resolve(siteDir);
  const files = {};
  const lazy = {};
  const paths = (await listFiles(root))
    .map((path) => relative(root, path).split(sep).join('/'))
    .filter((path) => path !== 'sw.js') // the worker is what carries the list; it is fetched uncached
    .sort();
  for (const path of paths) (isLazy(path) ? lazy : files)[path] = fileHash(await readFile(join(root, path)));
  if (!files['index.html']) throw new Error(`${root} has no index.html: is the site built?`);
  // The template is part of the build: a new worker script gets a fresh cache, never a shared one.
  const version = sha256(templateText + JSON.stringify(files) + JSON.stringify(lazy)).slice(0, 16);
  return { version, files, lazy };
}

export async function makePrecache(siteDir, templatePath = DEFAULT_TEMPLATE) {
  const template = await readFile(templatePath, 'utf8');
  if (template.split(PLACEHOLDER).length !== 2) throw new Error(`${templatePath} must contain ${PLACEHOLDER} exactly once`);
  const build = await describeSite(siteDir, template);
  const target = join(resolve(siteDir), 'sw.js');
  // Minified like the page's scripts (-1.0 KB brotli on every first visit); the placeholder is a
  // free name, which terser keeps. The description gets a line of its own, for readBuild().
  const code = (await minifyScript(template)).replace(PLACEHOLDER, `\n${JSON.stringify(build)}\n`);
  // Write then rename: a server never hands out a half-written worker.
  await writeFile(`${target}.tmp`, code);
  await rename(`${target}.tmp`, target);
  return build;
}

// The build description makePrecache wrote into a worker's text.
export function readBuild(workerText) {
  const line = workerText.split('\n').find((l) => l.startsWith('{"version":'));
  return line ? JSON.parse(line) : null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [siteDir, templatePath] = process.argv.slice(2);
  if (!siteDir) {
    console.error('usage: node scripts/lib/make_precache.mjs <site dir> [template]');
    process.exit(2);
  }
  const build = await makePrecache(siteDir, templatePath || DEFAULT_TEMPLATE);
  console.log(`sw.js: build ${build.version}, ${Object.keys(build.files).length} files precached`);
}
