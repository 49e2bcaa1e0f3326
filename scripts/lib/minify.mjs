// Minifies the site's JavaScript in place with terser (npm, lockfile), before the precache list and
// the .br/.gz copies are made from it. Every first visit downloads these files; comments and long
// local names are most of their size. Only local names are mangled: names the scripts share with
// each other and with the Emscripten glue (Module, FS, IDBFS, DebriefStorage, Debrief, …) are
// top-level or properties, and stay as written. make_precache.mjs minifies sw.js with the same call.
// Usage: node scripts/lib/minify.mjs <site dir> <file>...
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';

export async function minifyScript(source) {
  const result = await minify(source, {
    ecma: 2020,
    toplevel: false,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  return result.code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [site, ...files] = process.argv.slice(2);
  let before = 0;
  let after = 0;
  for (const name of files) {
    const path = join(site, name);
    const source = await readFile(path, 'utf8');
    const code = await minifyScript(source);
    before += source.length;
    after += code.length;
    await writeFile(path, code);
  }
  console.log(`minified ${files.length} scripts: ${(before / 1024).toFixed(1)} KB → ${(after / 1024).toFixed(1)} KB`);
}
