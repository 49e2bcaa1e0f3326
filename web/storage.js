// Journal storage glue: the IDBFS mount, one writer across tabs, coalesced syncs with a timeout,
// flush on hide, persistence and quota reports. C++ writes files under /journal; this file decides
// when they reach IndexedDB. Facts behind each choice: docs/web-platform.md.
'use strict';

const DebriefStorage = (() => {
  const MOUNT = '/journal';
  const LOCK = 'debrief-journal-writer';
  // The mark that this browser has saved a journal here before. A start that finds IndexedDB empty
  // while the mark says so lost the journal: Chromium deletes an origin's whole IndexedDB when it
  // finds its LevelDB damaged ("Corruption: checksum mismatch", seen after the whole browser was
  // killed mid-write), and the person deserves to be told, not shown an empty app. The same kill can
  // take localStorage too (its own LevelDB: the mark was gone after two such kills on 2026-12-02),
  // so the mark is kept twice, in localStorage and in a cache of its own (Cache Storage, another
  // backend; not a 'debrief-' cache, which the service worker deletes when a new build takes over).
  const KEPT = 'debrief-journal-kept';
  const KEPT_CACHE = 'journal-kept';
  // Emscripten 3.1.6: a quota error aborts the IDB transaction and the syncfs callback never fires
  // (fixed upstream in emscripten-core/emscripten#21326), so every sync is guarded by a timeout.
  // Tests shorten it through window.debrief.storage.timeoutMs.
  const SYNC_TIMEOUT_MS = 15000;

  const state = {
    role: 'writer',        // 'writer' | 'reader' | 'memory' (no IndexedDB: nothing survives the tab)
    inFlight: false,
    again: false,          // another sync was asked for while one was running
    waiters: [],           // flush() promises waiting for the next completed sync
    channel: null,
    persistAsked: false,
    releaseLock: null,
    timeoutMs: SYNC_TIMEOUT_MS,
    refreshing: false,     // a reader tab is reloading the writer's files (window.debrief.pending)
    reporting: 0,          // storage estimates on their way to C++ (window.debrief.pending)
    lost: false,           // IndexedDB was empty at start although a journal had been saved here
    kept: false,           // both marks say a journal is saved here (each is written only on a change)
    marking: 0,            // mark writes to Cache Storage not finished (window.debrief.pending: 'sync')
    marksFound: null,      // {local, cached}: the marks this start found (tests report which survived)
  };
  window.debrief.storage = state;

  const call = (name, ...args) => Module['_' + name](...args);

  function report(ok, message) {
    const settle = state.waiters.splice(0);
    settle.forEach((resolve) => resolve(ok));
    if (!Module._debrief_storage_synced) return;
    Debrief.withString(message || '', (ptr, length) => call('debrief_storage_synced', ok ? 1 : 0, ptr, length));
  }

  function syncfs(populate) {
    return new Promise((resolve) => {
      let done = false;
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        resolve('timeout');
      }, state.timeoutMs);
      FS.syncfs(populate, (err) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        // 3.1.6 passes `undefined` for some errors: treat anything truthy or not-null as failure text.
        resolve(err ? (err.message || String(err.errno || err) || 'error') : '');
      });
    });
  }

  async function estimate() {
    if (!navigator.storage || !navigator.storage.estimate) return { usage: 0, quota: 0 };
    try { return await navigator.storage.estimate(); } catch { return { usage: 0, quota: 0 }; }
  }

  async function reportInfo() {
    ++state.reporting;
    try {
      const { usage = 0, quota = 0 } = await estimate();
      let persisted = false;
      try { persisted = navigator.storage && navigator.storage.persisted ? await navigator.storage.persisted() : false; } catch {}
      if (Module._debrief_storage_info) call('debrief_storage_info', state.role === 'memory' ? 0 : 1, persisted ? 1 : 0, usage, quota);
    } finally {
      --state.reporting;
    }
  }

  // One sync in flight; asks made meanwhile collapse into one more sync after it (IDBFS syncs
  // stat every file, so overlapping ones double the work and print warnings).
  async function sync() {
    if (state.role !== 'writer') return;
    if (state.inFlight) {
      state.again = true;
      return;
    }
    state.inFlight = true;
    if (!state.persistAsked && navigator.storage && navigator.storage.persist) {
      // Best-effort storage can be evicted; ask once, on the first real save.
      state.persistAsked = true;
      ++state.reporting;
      navigator.storage.persist().then(reportInfo, reportInfo).finally(() => { --state.reporting; });
    }
    const error = await syncfs(false);
    state.inFlight = false;
    if (error) {
      ++state.reporting;  // inFlight is already false: the failure report is still pending meanwhile
      const { usage = 0, quota = 0 } = await estimate();
      --state.reporting;
      const full = error === 'timeout' || (quota > 0 && usage / quota > 0.95);
      // The journal and the glyph atlas share the origin's quota: the atlas, only a cache, goes.
      if (full) Debrief.forgetAtlases();
      report(false, full ? 'full' : error);
    } else {
      report(true, '');
      announceSaved();
      // Only a journal with something in it can be lost. A sync of an empty one (a visit that wrote
      // nothing syncs when the page is hidden) clears the mark, or the next start would report an
      // empty journal as lost.
      markKept(!journalEmpty());
    }
    if (state.again) {
      state.again = false;
      sync();
    }
  }

  // Read-only tabs reload the files when told (refreshFromDisk).
  function announceSaved() {
    if (state.channel) state.channel.postMessage({ type: 'saved', at: Date.now() });
  }

  // Resolves when everything written so far is in IndexedDB (or failed): used before reloads.
  function flush() {
    if (state.role !== 'writer' || !Module._debrief_storage_flush) return Promise.resolve(true);
    const done = new Promise((resolve) => state.waiters.push(resolve));
    call('debrief_storage_flush');  // C++ writes pending records now and calls sync()
    if (!state.inFlight) sync();
    return done;
  }

  // Reader tabs follow the writer: reload files from IndexedDB whenever it saved. Saves that
  // arrive during a refresh collapse into one more refresh after it (one syncfs in flight).
  let refreshAgain = false;
  async function refreshFromDisk() {
    if (state.role !== 'reader') return;
    if (state.refreshing) {
      refreshAgain = true;
      return;
    }
    state.refreshing = true;
    try {
      do {
        refreshAgain = false;
        const error = await syncfs(true);
        if (error) window.debrief.errors.push(`refresh: ${error}`);
        // Reload even after an error: whatever the sync did copy is newer than what is shown.
        if (Module._debrief_storage_reload) call('debrief_storage_reload');
      } while (refreshAgain);
    } finally {
      // Cleared in the same turn the loop ends, so a "saved" message arriving next is never dropped.
      state.refreshing = false;
    }
  }

  async function chooseRole() {
    if (!navigator.locks) return 'writer';  // very old browsers: single-tab assumption
    // The lock is held for the life of the page: when granted, the callback's promise never settles,
    // so the answer is taken from the callback itself (no timer to wait out).
    const granted = await new Promise((resolve) => {
      navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
        resolve(Boolean(lock));
        if (!lock) return false;
        return new Promise((release) => { state.releaseLock = release; });
      });
    });
    if (granted) return 'writer';
    // Wait in line: when the writer tab closes, this tab can take over, once its own start has read
    // the journal (the lock can come before that: the role is chosen while the wasm downloads).
    navigator.locks.request(LOCK, async () => {
      await loaded;
      becomeWriter();
      return new Promise((release) => { state.releaseLock = release; });
    });
    return 'reader';
  }

  // The probe and the writer lock need neither the wasm nor its file system, so they are asked for
  // as soon as this script runs and answered while app.wasm downloads and compiles. Asked for once
  // the wasm was in, they were the last thing main() waited for: 12-25 ms of a warm start.
  let markLoaded;
  const loaded = new Promise((resolve) => { markLoaded = resolve; });  // start() is over
  const roleChosen = (async () => ((await indexedDbWorks()) ? chooseRole() : 'memory'))();

  async function becomeWriter() {
    if (state.role === 'writer') return;
    while (state.refreshing) await new Promise((r) => setTimeout(r, 50));
    await refreshFromDisk();  // the newest text first, then this tab may write
    state.role = 'writer';
    if (Module._debrief_storage_role) call('debrief_storage_role', 1);
  }

  async function indexedDbWorks() {
    if (!window.indexedDB) return false;
    return new Promise((resolve) => {
      try {
        const req = indexedDB.open('debrief-probe');
        req.onsuccess = () => { req.result.close(); resolve(true); };
        req.onerror = () => resolve(false);
      } catch {
        resolve(false);
      }
    });
  }

  // Nothing under /journal but '.' and '..' (a sealed journal's files are there, only locked).
  function journalEmpty() {
    return !(window.DebriefLock && DebriefLock.state.sealed) && FS.readdir(MOUNT).length <= 2;
  }

  // Both marks as the last visit left them: {local, cached}. Read while app.wasm downloads, as the
  // writer lock is. Storage may be off or refused; then nothing can be lost either.
  const marksRead = (async () => {
    let local = false;
    try { local = localStorage.getItem(KEPT) === '1'; } catch {}
    let cached = false;
    // match() with a cacheName, not open(): a first visit's start does not create an empty cache.
    try { cached = Boolean(await caches.match(KEPT, { cacheName: KEPT_CACHE })); } catch {}
    return { local, cached };
  })();

  // Written only when what they say changes: no work on every save, no write for a kill to land on.
  function markKept(kept) {
    if (kept !== state.kept) writeMarks(kept);
  }

  function writeMarks(kept) {
    state.kept = kept;
    try {
      if (kept) localStorage.setItem(KEPT, '1');
      else localStorage.removeItem(KEPT);
    } catch {}
    if (typeof caches === 'undefined') return;
    ++state.marking;
    caches.open(KEPT_CACHE).then((cache) => (kept ? cache.put(KEPT, new Response('1')) : cache.delete(KEPT)))
      .catch(() => {}).finally(() => { --state.marking; });
  }

  // Told once: the marks go, and the next save (of whatever the person writes now) sets them again.
  // Either mark is enough; one that went missing is written again at the next save.
  async function lostSinceLastVisit() {
    const { local, cached } = (state.marksFound = await marksRead);
    state.kept = local && cached;
    if (!journalEmpty() || !(local || cached)) return false;
    writeMarks(false);
    return true;
  }

  async function start() {
    FS.mkdir(MOUNT);
    state.role = await roleChosen;
    if (state.role === 'memory') return;
    // The lock (web/lock.js) seals and opens files where IDBFS meets IndexedDB.
    if (window.DebriefLock) DebriefLock.install();
    FS.mount(IDBFS, {}, MOUNT);
    const error = await syncfs(true);
    if (error) window.debrief.errors.push(`load: ${error}`);
    state.lost = !error && (await lostSinceLastVisit());
    if ('BroadcastChannel' in window) {
      state.channel = new BroadcastChannel('debrief-journal');
      state.channel.onmessage = (e) => { if (e.data && e.data.type === 'saved') refreshFromDisk(); };
    }
  }

  function preRun() {
    addRunDependency('journal');
    Debrief.statusText('Opening your journal…');
    start().catch((e) => window.debrief.errors.push(String(e))).finally(() => {
      markLoaded();
      removeRunDependency('journal');
    });
    // Tabs are often closed or frozen without unload events, especially on phones: save on hide.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') leave();
      else left = false;
    });
    window.addEventListener('pagehide', leave);
    window.addEventListener('pageshow', () => { left = false; });
    window.addEventListener('beforeunload', (e) => { if (sealedSaveOnItsWay()) e.preventDefault(); });
  }

  // The page is hidden and may never run again: C++ writes what is pending, and the files go to
  // IndexedDB in this very task (the sync that flush() starts may be cut off by an unload). Once per
  // hiding: a reload fires pagehide and visibilitychange, and nothing can be typed in between.
  let left = false;
  function leave() {
    if (state.role !== 'writer' || left) return;
    left = true;
    flush();
    if (window.DebriefLock) DebriefLock.writeBeforeLeaving(MOUNT);
  }

  // A sealed journal cannot be written in a page's last task (DebriefLock.writeBeforeLeaving): while
  // its save is on its way, the browser asks before the page goes.
  function sealedSaveOnItsWay() {
    const unsaved = ['pending', 'saving', 'failed'].includes(window.debrief.save) || state.inFlight;
    return state.role === 'writer' && unsaved && Boolean(window.DebriefLock) && DebriefLock.state.sealed && !DebriefLock.state.locked;
  }

  return { preRun, sync, flush, announceSaved, reportInfo, becomeWriter, get role() { return state.role; }, get lost() { return state.lost; } };
})();
window.DebriefStorage = DebriefStorage;
