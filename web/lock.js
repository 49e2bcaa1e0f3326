// The passphrase lock and encrypted files, with WebCrypto (docs/architecture.md, "The passphrase
// lock"). The journal's files live in memory (MEMFS under /journal) as they always did; only where
// IDBFS copies them to and from IndexedDB are they sealed (AES-GCM 256, a fresh 96-bit nonce per
// file written, the file's path as additional data) and opened again. The key comes from the
// passphrase with PBKDF2-SHA-256 and never leaves this file: a non-extractable CryptoKey, gone when
// the page is locked (reloaded). C++ never sees a key, only "locked / unlocked" and the results.
'use strict';

const DebriefLock = (() => {
  const ITERATIONS = 600000;  // OWASP's current figure for PBKDF2-HMAC-SHA-256
  const STORE = 'FILE_DATA';  // IDBFS's object store
  // What is stored is one generation: its files and, when sealed, its lock record. The first
  // generation uses IDBFS's own keys (the file's path, and `debrief-lock`); every re-encryption writes
  // a new one under fresh keys (`g<random>:` + path) and then switches the small pointer record, so no
  // key is ever written by two generations (see rekey). Records without a `timestamp` (the pointer,
  // lock records) never show in IDBFS's timestamp index, its file listing.
  const META_KEY = 'debrief-lock';
  const POINTER_KEY = 'debrief-generation';
  const CHECK = 'debrief-lock-check-v1';
  const AUTO_LOCK_MS = 5 * 60 * 1000;
  const MAX_DELAY_MS = 60000;
  const encoder = new TextEncoder();

  const state = {
    sealed: false,   // what IndexedDB holds is encrypted
    locked: false,   // sealed, and no key in memory: the journal was not loaded
    busy: '',        // 'unlocking' | 'rekeying' | 'sealing' | 'opening' | 'locking' (tests wait for '')
    failures: 0,     // wrong passphrases in a row
    notBefore: 0,    // Date.now() before which no attempt is accepted (the growing delay)
    autoLock: true,  // lock after AUTO_LOCK_MS idle or hidden
    idleLockMs: AUTO_LOCK_MS,    // without input this long: locked (tests shorten it)
    hiddenLockMs: AUTO_LOCK_MS,  // hidden this long, locked when seen again (tests shorten it)
    checkEveryMs: 5000,          // how often idleness is looked at (tests shorten it)
    idleChecks: 0,               // looks taken so far: tests wait for some to pass without a lock
    rekeyPhase: '',  // 'deriving' | 'sealing' | 'writing' | 'committed': where a re-encryption is
    pauseAt: '',     // tests only: a phase where a re-encryption stops for good, for a kill to land
  };
  window.debrief.lock = state;

  let key = null;   // CryptoKey, only while unlocked
  let meta = null;  // the lock record as stored, or null
  let opened = false;  // this page has the journal loaded (unlocked, or never locked)
  let rekeying = null;  // a promise while the journal is re-encrypted: syncs wait for it
  let prefix = '';      // the current generation's key prefix ('' for the first generation)
  let saving = Promise.resolve();  // the save being written to IndexedDB now, if any
  let synced = new Map();  // path -> mtime (ms) of each file IndexedDB holds, as of the last completed sync
  let lastActive = Date.now();
  let hiddenAt = 0;

  const call = (name, ...args) => Module['_' + name](...args);
  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = (e) => { e.preventDefault(); reject(r.error); };
  });
  const committed = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error || new Error('aborted'));
  });
  const fsCall = (fn, ...args) => new Promise((resolve, reject) => fn(...args, (e, v) => (e ? reject(e) : resolve(v))));
  // Two lock records are the same lock when they have the same salt (so the same key opens both).
  const sameLock = (a, b) => (!a && !b) || (Boolean(a) && Boolean(b) && a.salt.length === b.salt.length && a.salt.every((x, i) => x === b.salt[i]));

  async function deriveKey(passphrase, salt, iterations) {
    // NFC: the same passphrase typed on another keyboard (é as one letter or two) opens the same lock.
    const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
    return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base,
      { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  }
  async function seal(k, bytes, label) {
    const iv = crypto.getRandomValues(new Uint8Array(12));  // fresh for every write
    const params = label === null ? { name: 'AES-GCM', iv } : { name: 'AES-GCM', iv, additionalData: encoder.encode(label) };
    return { iv, contents: new Uint8Array(await crypto.subtle.encrypt(params, k, bytes)) };
  }
  async function open(k, iv, bytes, label) {
    const params = label === null ? { name: 'AES-GCM', iv } : { name: 'AES-GCM', iv, additionalData: encoder.encode(label) };
    return new Uint8Array(await crypto.subtle.decrypt(params, k, bytes));
  }

  async function makeMeta(passphrase) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const k = await deriveKey(passphrase, salt, ITERATIONS);
    const check = await seal(k, encoder.encode(CHECK), META_KEY);
    return { key: k, meta: { version: 1, kdf: 'PBKDF2-SHA-256', iterations: ITERATIONS, salt, iv: check.iv, check: check.contents, autoLock: true } };
  }

  // A file entry as IDBFS keeps it ({timestamp, mode, contents}), sealed or opened. Folders have no contents.
  async function sealEntry(k, path, entry) {
    if (!entry.contents) return entry;
    const sealed = await seal(k, entry.contents, path);
    return { timestamp: entry.timestamp, mode: entry.mode, contents: sealed.contents, iv: sealed.iv };
  }
  async function openEntry(k, path, entry) {
    if (!entry || !entry.contents) return entry;
    if (!entry.iv) throw new Error(`${path} is not sealed`);
    return { timestamp: entry.timestamp, mode: entry.mode, contents: await open(k, entry.iv, entry.contents, path) };
  }

  // IDBFS.getRemoteSet for generations: in ONE readonly transaction, the pointer, the current
  // generation's lock record and its files (keys without the prefix, as IDBFS expects), plus the keys
  // of any other generation (left by a kill between a switch and its clean-up), so a consistent view
  // even while another tab switches.
  const belongsTo = (p, k) => (p ? k.startsWith(p) : k === META_KEY || k.startsWith('/'));
  function listRemote(db) {
    return new Promise((resolve, reject) => {
      const tx = db.transaction([STORE], 'readonly');
      const store = tx.objectStore(STORE);
      const found = { type: 'remote', db, entries: {}, prefix: '', meta: null, stale: [] };
      const timestamps = new Map();
      store.get(POINTER_KEY).onsuccess = (e) => {
        found.prefix = e.target.result ? `${e.target.result.id}:` : '';
        store.get(found.prefix + META_KEY).onsuccess = (m) => { found.meta = m.target.result || null; };
      };
      store.index('timestamp').openKeyCursor().onsuccess = (e) => {
        const cursor = e.target.result;
        if (!cursor) return;
        timestamps.set(cursor.primaryKey, cursor.key);
        cursor.continue();
      };
      let keys = [];
      store.getAllKeys().onsuccess = (e) => { keys = e.target.result; };
      tx.oncomplete = () => {
        for (const k of keys) {
          if (k === POINTER_KEY) continue;
          if (!belongsTo(found.prefix, k)) found.stale.push(k);
          else if (timestamps.has(k)) found.entries[k.slice(found.prefix.length)] = { timestamp: timestamps.get(k) };
        }
        resolve(found);
      };
      tx.onabort = () => reject(tx.error || new Error('aborted'));
    });
  }
  const remoteSet = (mount) => fsCall(IDBFS.getDB, mount.mountpoint).then(listRemote);

  // Deletes what other generations left (a kill between a switch and its clean-up): a plain-text
  // journal must not outlive the lock turned on over it. The writer only, in its own transaction.
  async function dropStale(db, stale) {
    if (stale.length === 0 || DebriefStorage.role !== 'writer') return;
    const tx = db.transaction([STORE], 'readwrite');
    stale.forEach((k) => tx.objectStore(STORE).delete(k));
    await committed(tx);
  }

  // IDBFS.reconcile with the sealing step outside the IndexedDB transactions (WebCrypto is async and
  // a transaction commits as soon as it has nothing to do). A save is still one readwrite
  // transaction: every changed file lands, or none does.
  async function reconcile(src, dst) {
    const populate = dst.type === 'local';
    if (rekeying && !populate) {
      // A save that waited for a re-encryption: what it was to be compared with is gone.
      await rekeying.catch(() => {});
      dst = await listRemote(dst.db);
    }
    const remote = populate ? src : dst;
    const db = remote.db;
    const stored = remote.meta;
    if (populate && opened && !sameLock(meta, stored)) {
      // A read-only tab whose writer turned the lock on, off or changed the passphrase: the key it
      // holds no longer fits the files. It starts again (it has nothing unsaved) at the lock screen,
      // or straight into the journal when the lock was turned off.
      location.reload();
      return new Promise(() => {});
    }
    meta = stored;
    prefix = remote.prefix;
    if (populate) await dropStale(db, remote.stale);
    state.sealed = Boolean(meta);
    if (meta) state.autoLock = meta.autoLock !== false;
    if (meta && !key) {
      // Nothing is loaded (the app shows the lock screen) and nothing may be saved: a save from an
      // empty folder would delete every stored file.
      if (populate) { state.locked = true; return; }
      throw new Error('locked');
    }
    if (populate && !meta) opened = true;
    const changed = (k) => !dst.entries[k] || src.entries[k].timestamp.getTime() !== dst.entries[k].timestamp.getTime();
    const create = Object.keys(src.entries).filter(changed).sort();
    const remove = Object.keys(dst.entries).filter((k) => !src.entries[k]).sort().reverse();
    // Once this returns, both sides hold what src listed.
    const same = new Map(Object.entries(src.entries).map(([k, e]) => [k, e.timestamp.getTime()]));
    if (create.length === 0 && remove.length === 0) {
      synced = same;
      return;
    }
    if (populate) {
      const store = db.transaction([STORE], 'readonly').objectStore(STORE);
      const stored = await Promise.all(create.map((path) => request(store.get(prefix + path))));
      // The record read just now decides, not the key in memory: another tab may have turned the lock off.
      const entries = meta ? await Promise.all(stored.map((e, i) => openEntry(key, create[i], e))) : stored;
      for (let i = 0; i < create.length; ++i) await fsCall(IDBFS.storeLocalEntry, create[i], entries[i]);
      for (const path of remove) await fsCall(IDBFS.removeLocalEntry, path);
      opened = true;
      synced = same;
      return;
    }
    const local = [];
    for (const path of create) local.push(await fsCall(IDBFS.loadLocalEntry, path));
    const k = meta ? key : null;
    const entries = k ? await Promise.all(local.map((e, i) => sealEntry(k, create[i], e))) : local;
    const tx = db.transaction([STORE], 'readwrite');
    const store = tx.objectStore(STORE);
    create.forEach((path, i) => store.put(entries[i], prefix + path));
    remove.forEach((path) => store.delete(prefix + path));
    await committed(tx);
    synced = same;
  }

  // The page is going away. A sync takes several round trips to IndexedDB, and a document being
  // unloaded gets no answers: its transactions are aborted, and what was typed in the last second
  // before a reload or a closed tab was lost. Here the files changed since the last completed sync
  // go out in one transaction made in this task and committed at once, which needs no answer
  // (w3c/IndexedDB#482). Sealed files need WebCrypto, which always answers later: then nothing is
  // written here and storage.js asks the person to stay until the save is done.
  function writeBeforeLeaving(mountpoint) {
    if (meta || rekeying) return false;
    // Both answer in this task in 3.1.6: the database is the one the start's sync opened.
    let db = null;
    let local = null;
    IDBFS.getDB(mountpoint, (e, opened) => { db = e ? null : opened; });
    IDBFS.getLocalSet({ mountpoint }, (e, set) => { local = e ? null : set; });
    if (!db || !local) return false;
    const stamp = (k) => local.entries[k].timestamp.getTime();
    const create = Object.keys(local.entries).filter((k) => synced.get(k) !== stamp(k));
    const remove = [...synced.keys()].filter((k) => !local.entries[k]);
    if (create.length === 0 && remove.length === 0) return true;
    try {
      const tx = db.transaction([STORE], 'readwrite');
      const store = tx.objectStore(STORE);
      for (const k of create) IDBFS.loadLocalEntry(k, (e, entry) => { if (!e) store.put(entry, prefix + k); });
      remove.forEach((k) => store.delete(prefix + k));
      tx.oncomplete = () => {  // the page stayed (it was only hidden)
        create.forEach((k) => synced.set(k, stamp(k)));
        remove.forEach((k) => synced.delete(k));
      };
      tx.commit();
      return true;
    } catch {
      return false;
    }
  }

  // Called by web/storage.js before it mounts /journal.
  function install() {
    IDBFS.getRemoteSet = (mount, callback) => remoteSet(mount).then((r) => callback(null, r), (e) => callback(e));
    IDBFS.reconcile = (src, dst, callback) => {
      const run = reconcile(src, dst);
      if (dst.type !== 'local') saving = run.catch(() => {});
      run.then(() => callback(null), (e) => callback(e));
    };
  }

  const syncfs = (populate) => new Promise((resolve, reject) => FS.syncfs(populate, (e) => (e ? reject(e) : resolve())));

  // Every file under /journal as IDBFS would store it, read from memory (complete after a flush).
  async function localEntries() {
    const mount = FS.lookupPath('/journal').node.mount;
    const set = await fsCall(IDBFS.getLocalSet, mount);
    const paths = Object.keys(set.entries).sort();
    const entries = [];
    for (const path of paths) entries.push(await fsCall(IDBFS.loadLocalEntry, path));
    return { mount, paths, entries };
  }

  // Tests stop a re-encryption at a phase and kill the browser there (tests/browser/lock.test.mjs).
  const pause = (phase) => (state.pauseAt === phase ? new Promise(() => {}) : Promise.resolve());

  // Turns the lock on (a passphrase), changes it (another) or turns it off (null). The whole journal
  // is written again as a new generation under fresh keys, with its lock record, in one IndexedDB
  // transaction; a second, tiny one switches the pointer to it (the commit point); a third deletes
  // the old generation. A browser killed at any moment opens the old generation or the new one,
  // never a mix: the commit point is one small record, and whatever an interrupted re-encryption
  // wrote belongs to a generation nobody points to (deleted by the next writer to start).
  async function rekey(passphrase) {
    if (DebriefStorage.role !== 'writer') throw new Error('read-only');
    state.busy = 'rekeying';
    let finish = () => {};
    try {
      await null;  // called from inside a C++ frame: flush() draws a frame of its own, so not re-entrantly
      // Everything typed so far is saved first, with the lock as it is. Only then are saves held
      // back: a save waiting for the re-encryption while the re-encryption waited for that save
      // stalled both until the sync timeout (15 s per lock change, until 2026-11-30).
      await DebriefStorage.flush();
      rekeying = new Promise((resolve) => { finish = resolve; });
      await saving;  // a save already on its way lands before the new generation is written
      state.rekeyPhase = 'deriving';
      const next = passphrase === null ? null : await makeMeta(passphrase);
      await pause('deriving');
      state.rekeyPhase = 'sealing';
      await pause('sealing');
      const { mount, paths, entries } = await localEntries();
      const k = next ? next.key : null;
      const id = `g${[...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
      const nextPrefix = `${id}:`;
      const written = k ? await Promise.all(entries.map((e, i) => sealEntry(k, paths[i], e))) : entries;
      const { db } = await remoteSet(mount);
      state.rekeyPhase = 'writing';
      // 'strict': complete fires only once the data is on disk. Chromium's default has been
      // 'relaxed' since 121 (developer.chrome.com/blog/indexeddb-durability-mode-now-defaults-
      // to-relaxed): complete could fire, the app say the lock is on, and a kill still bring back
      // the old generation (seen in lock.test.mjs).
      const tx = db.transaction([STORE], 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(STORE);
      paths.forEach((path, i) => store.put(written[i], nextPrefix + path));
      if (next) store.put(next.meta, nextPrefix + META_KEY);
      // Tests: every write issued, the transaction kept open by reads and never committed.
      if (state.pauseAt === 'writing') { const spin = () => { store.get(POINTER_KEY).onsuccess = spin; }; spin(); }
      await committed(tx);
      const switched = db.transaction([STORE], 'readwrite', { durability: 'strict' });
      switched.objectStore(STORE).put({ id }, POINTER_KEY);
      await committed(switched);
      state.rekeyPhase = 'committed';
      await pause('committed');
      prefix = nextPrefix;
      await dropStale(db, (await listRemote(db)).stale);
      key = k;
      meta = next ? next.meta : null;
      state.sealed = Boolean(meta);
      state.autoLock = true;
      lastActive = Date.now();
      DebriefStorage.announceSaved();  // read-only tabs see the new lock and start again
      return true;
    } finally {
      state.rekeyPhase = '';
      state.busy = '';
      rekeying = null;
      finish();
    }
  }

  // Tries a passphrase on the stored record. Wrong: a growing delay (1 s, 2 s, 4 s … a minute)
  // before the next try is accepted, on top of the derivation's own cost.
  async function unlock(passphrase) {
    const wait = state.notBefore - Date.now();
    if (wait > 0) return { ok: false, waitMs: wait };
    if (!meta) return { ok: false, waitMs: 0 };
    state.busy = 'unlocking';
    try {
      const k = await deriveKey(passphrase, meta.salt, meta.iterations);
      let good = false;
      try {
        good = new TextDecoder().decode(await open(k, meta.iv, meta.check, META_KEY)) === CHECK;
      } catch { good = false; }
      if (!good) {
        ++state.failures;
        const delay = Math.min(1000 * 2 ** (state.failures - 1), MAX_DELAY_MS);
        state.notBefore = Date.now() + delay;
        return { ok: false, waitMs: delay };
      }
      key = k;
      state.failures = 0;
      await syncfs(true);
      opened = true;
      state.locked = false;  // only now: until the files are in, the lock screen stays
      lastActive = Date.now();
      return { ok: true, waitMs: 0 };
    } finally {
      state.busy = '';
    }
  }

  // Everything saved, then the page starts again: the key and every opened text are gone with it.
  async function lockNow() {
    if (!state.sealed || state.locked) return;
    state.busy = 'locking';
    await null;  // out of the C++ frame that asked (flush() draws one of its own)
    if (DebriefStorage.role === 'writer') await Promise.race([DebriefStorage.flush(), new Promise((r) => setTimeout(r, 3000))]);
    key = null;
    location.reload();
  }

  async function setAutoLock(on) {
    if (!meta || !key || DebriefStorage.role !== 'writer') return;
    const { db } = await remoteSet(FS.lookupPath('/journal').node.mount);
    const next = { ...meta, autoLock: on };
    const tx = db.transaction([STORE], 'readwrite');
    tx.objectStore(STORE).put(next, prefix + META_KEY);
    await committed(tx);
    meta = next;
    state.autoLock = on;
  }

  function watchIdle() {
    const active = () => { lastActive = Date.now(); };
    for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) document.addEventListener(type, active, { capture: true, passive: true });
    const away = () => state.sealed && !state.locked && key && state.autoLock;
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') { hiddenAt = Date.now(); return; }
      if (away() && hiddenAt && Date.now() - hiddenAt >= state.hiddenLockMs) lockNow();
      active();
    });
    const look = () => {
      ++state.idleChecks;
      if (away() && Date.now() - lastActive >= state.idleLockMs) lockNow();
      setTimeout(look, state.checkEveryMs);
    };
    setTimeout(look, state.checkEveryMs);
  }

  // An encrypted export: a fresh salt and nonce per file; C++ writes the envelope (docs/schema.md).
  async function sealFile(passphrase, bytes) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const k = await deriveKey(passphrase, salt, ITERATIONS);
    const sealed = await seal(k, bytes, null);
    return { iterations: ITERATIONS, salt, iv: sealed.iv, ciphertext: sealed.contents };
  }
  async function openFile(passphrase, iterations, salt, iv, ciphertext) {
    const k = await deriveKey(passphrase, salt, iterations);
    return open(k, iv, ciphertext, null);
  }

  // The C++ side (src/platform/lock_web.cpp) starts these; each ends in one exported call.
  const heap = (ptr, length) => HEAPU8.slice(ptr, ptr + length);
  const withBytes = (bytes, fn) => {
    const ptr = _malloc(bytes.length || 1);
    try { HEAPU8.set(bytes, ptr); return fn(ptr, bytes.length); } finally { _free(ptr); }
  };
  const text = (ptr, length) => new TextDecoder().decode(heap(ptr, length));
  const bridge = {
    unlock(ptr, length) {
      unlock(text(ptr, length)).then((r) => call('debrief_lock_unlock_done', r.ok ? 1 : 0, r.waitMs),
        (e) => { window.debrief.errors.push(`unlock: ${e}`); call('debrief_lock_unlock_done', 0, 0); });
    },
    rekey(ptr, length, off) {
      const passphrase = off ? null : text(ptr, length);
      rekey(passphrase).then(() => call('debrief_lock_rekey_done', 1, 0, 0), (e) => {
        const message = String(e && e.message ? e.message : e);
        Debrief.withString(message, (p, n) => call('debrief_lock_rekey_done', 0, p, n));
      });
    },
    seal(passPtr, passLength, dataPtr, dataLength) {
      const passphrase = text(passPtr, passLength);
      state.busy = 'sealing';
      sealFile(passphrase, heap(dataPtr, dataLength)).then((r) => withBytes(r.salt, (s, sn) => withBytes(r.iv, (v, vn) =>
        withBytes(r.ciphertext, (c, cn) => call('debrief_lock_sealed', 1, r.iterations, s, sn, v, vn, c, cn)))),
      () => call('debrief_lock_sealed', 0, 0, 0, 0, 0, 0, 0, 0)).finally(() => { state.busy = ''; });
    },
    open(passPtr, passLength, iterations, saltPtr, saltLength, ivPtr, ivLength, ctPtr, ctLength) {
      const args = [text(passPtr, passLength), iterations, heap(saltPtr, saltLength), heap(ivPtr, ivLength), heap(ctPtr, ctLength)];
      state.busy = 'opening';
      openFile(...args).then((plain) => withBytes(plain, (p, n) => call('debrief_lock_opened', 1, p, n)),
        () => call('debrief_lock_opened', 0, 0, 0)).finally(() => { state.busy = ''; });
    },
  };

  watchIdle();
  return { install, writeBeforeLeaving, rekey, unlock, lockNow, setAutoLock, sealFile, openFile, bridge, state };
})();
window.DebriefLock = DebriefLock;
