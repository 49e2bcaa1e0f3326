/**
 * @fileoverview Closure externs for app.js: every name the Emscripten glue shares with the page.
 *
 * app.js is minified by Closure in advanced mode (cmake/WebApp.cmake), which renames every global
 * and property it is not told about. Our scripts and tests call the glue by name, and the glue's
 * EM_JS code calls our scripts by name, so those names are listed here and kept as written. A name
 * missing here breaks at run time, not at build time: the browser tests cover each use.
 * @externs
 */

// ---- Glue the page reaches into (web/shell.js, storage.js, lock.js; the browser tests) ----
// web/app-exports.js hands out FS, IDBFS and HEAPU8 under these names. The names of what they take
// and return are listed here on stand-in objects: Closure keeps a listed name on every object.

/** FS.readFile's option ('utf8' or 'binary'). */
var GlueFSOptions = {};
GlueFSOptions.encoding;
/** What FS.lookupPath and FS.stat return, and the mount a node belongs to. */
var GlueFSNode = {};
GlueFSNode.node;
GlueFSNode.mount;
GlueFSNode.mountpoint;
GlueFSNode.mode;

// IDBFS's steps, which web/lock.js calls and replaces to seal and open files.
var GlueIDBFS = {};
GlueIDBFS.getDB = function(name, callback) {};
GlueIDBFS.getLocalSet = function(mount, callback) {};
GlueIDBFS.getRemoteSet = function(mount, callback) {};
GlueIDBFS.loadLocalEntry = function(path, callback) {};
GlueIDBFS.storeLocalEntry = function(path, entry, callback) {};
GlueIDBFS.removeLocalEntry = function(path, callback) {};
GlueIDBFS.reconcile = function(src, dst, callback) {};
/** The sets IDBFS compares: {type: 'local' | 'remote', db, entries}. */
var GlueIDBFSSet = {};
GlueIDBFSSet.type;
GlueIDBFSSet.db;
GlueIDBFSSet.entries;

// ---- The page the glue's EM_JS code calls (src/platform/*_web.cpp) ----

/** web/shell.js */
var Debrief = {};
Debrief.loadFontFile = function(name) {};
Debrief.firstLanguage;
Debrief.languageChanged = function(code, dir, title, description) {};
Debrief.fetchCatalogue = function(code) {};
Debrief.mirror;
Debrief.fields;
Debrief.copyText = function(text) {};
Debrief.openUrl = function(url) {};
Debrief.download = function(name, mime, bytes) {};
Debrief.fail = function(reason) {};
Debrief.ready = function() {};
Debrief.announce = function(text) {};
Debrief.atlasLoaded = function(restored, saved) {};

/** web/lock.js */
var DebriefLock = {};
DebriefLock.state;
DebriefLock.bridge;
DebriefLock.lockNow = function() {};
DebriefLock.setAutoLock = function(on) {};
var DebriefLockState = {};
DebriefLockState.sealed;
DebriefLockState.locked;
DebriefLockState.autoLock;
DebriefLockState.notBefore;
var DebriefLockBridge = {};
DebriefLockBridge.unlock = function(pass, length) {};
DebriefLockBridge.rekey = function(pass, length, off) {};
DebriefLockBridge.seal = function(pass, passLength, data, length) {};
DebriefLockBridge.open = function(pass, passLength, iterations, salt, saltLength, iv, ivLength, data, length) {};

/** web/storage.js */
var DebriefStorage = {};
DebriefStorage.role;
DebriefStorage.lost;
DebriefStorage.sync = function() {};
DebriefStorage.reportInfo = function() {};

/** window.debrief: the hooks tests and the benchmark read (web/shell.js makes the object). */
Window.prototype.debrief;
var DebriefHooks = {};
DebriefHooks.frames;
DebriefHooks.framesDrawn;
DebriefHooks.quarantined;
DebriefHooks.save;
DebriefHooks.counts;
var DebriefCounts = {};
DebriefCounts.reflections;
DebriefCounts.contacts;
DebriefCounts.messages;
DebriefCounts.reminders;

/** @param {string} query */
function matchMedia(query) {}
