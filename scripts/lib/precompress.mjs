// Writes <file>.br and <file>.gz next to every compressible file of the built site, as static hosts
// expect them (nginx gzip_static / brotli_static, most CDNs): the server then sends the smaller copy
// to browsers that accept it, without compressing on every request. scripts/serve does the same
// (scripts/lib/static_server.mjs). Only copies smaller than their source are kept; copies whose source
// is gone are removed, so the folder never offers a stale body.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// PNG is compressed already; everything else the site holds is text, wasm, fonts or catalogues.
const worthCompressing = (name) => !name.endsWith('.png') && !isCompressedCopy(name);
export const isCompressedCopy = (name) => name.endsWith('.br') || name.endsWith('.gz');

async function filesOf(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesOf(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

const newer = async (copy, source) => {
  try { return (await stat(copy)).mtimeMs >= (await stat(source)).mtimeMs; } catch { return false; }
};

export async function precompress(site) {
  const files = await filesOf(site);
  const present = new Set(files);
  let written = 0;
  for (const file of files) {
    if (isCompressedCopy(file)) {
      if (!present.has(file.slice(0, -3))) await rm(file);  // its source was removed
      continue;
    }
    if (!worthCompressing(file)) continue;
    const body = await readFile(file);
    const copies = {
      '.br': () => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      '.gz': () => gzipSync(body, { level: 9 }),
    };
    for (const [suffix, compress] of Object.entries(copies)) {
      const copy = file + suffix;
      if (await newer(copy, file)) continue;
      const packed = compress();
      if (packed.length < body.length) {
        await writeFile(copy, packed);
        ++written;
      } else {
        await rm(copy, { force: true });
      }
    }
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const site = process.argv[2] || 'build/site';
  const written = await precompress(site);
  console.log(`precompressed ${written} file copies in ${site}`);
}
