// Appended to app.js (--post-js) before Closure minifies it. Closure renames the glue's globals and
// drops what nothing calls, but web/shell.js, storage.js, lock.js and the browser tests use these
// globals by name, as they did before Closure. Only the FS calls they make are handed out, so Closure
// can still drop the rest of FS. Member names of what these take and return are kept by
// web/app-externs.js.
window['FS'] = {
  'syncfs': FS.syncfs,
  'mount': FS.mount,
  'mkdir': FS.mkdir,
  'readdir': FS.readdir,
  'readFile': FS.readFile,
  'writeFile': FS.writeFile,
  'unlink': FS.unlink,
  'stat': FS.stat,
  'isDir': FS.isDir,
  'lookupPath': FS.lookupPath,
};
// Whole: web/lock.js replaces two of its steps, which IDBFS calls through this object.
window['IDBFS'] = IDBFS;
// HEAPU8 is replaced whenever the memory grows, so the global reads the current one.
Object.defineProperty(window, 'HEAPU8', { get: () => HEAPU8 });
window['addRunDependency'] = addRunDependency;
window['removeRunDependency'] = removeRunDependency;
window['_malloc'] = _malloc;
window['_free'] = _free;
