// Launches Debian's Chromium as a real child process (so a test can SIGKILL it, as a crash would)
// and connects playwright-core to it over the DevTools protocol.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader', '--disable-dev-shm-usage', '--remote-debugging-port=0', '--window-size=1280,800',
  '--enable-logging=stderr',  // warnings and errors, so a test can see Chromium report a damaged store
];

export async function launchKillable(profileDir) {
  // Its own process group, so a kill takes every Chromium process at once (see `kill` below).
  const child = spawn('/usr/bin/chromium', [...FLAGS, `--user-data-dir=${profileDir}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let log = '';
  const endpoint = await new Promise((resolve, reject) => {
    // A deadline, not a delay: fails the launch if Chromium never prints its DevTools address.
    const timer = setTimeout(() => reject(new Error(`chromium did not start: ${log}`)), 30000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', () => reject(new Error(`chromium exited: ${log}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  return {
    context,
    // Chromium's own report that it found the profile's IndexedDB (LevelDB) damaged and cleared it,
    // or '' (content/browser/indexed_db/.../backing_store.cc: "Got corruption for …").
    storeCorruption: () => (/^.*Got corruption for.*$/m.exec(log) || [''])[0],
    // Every process of this browser, as a crash of the whole browser or a power cut would. Killing
    // only the browser process left its storage service running for a while under load, still
    // writing the profile's IndexedDB while the next browser opened it: the next browser then found
    // an empty origin (seen on 2026-11-29, issue #16). Returns once none of them runs any more.
    kill: async () => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch {}
      if (!(await gone(child.pid, 30000))) throw new Error('chromium processes survived SIGKILL');
    },
    // A normal shutdown (Chromium writes what it holds back, localStorage among it), then a kill of
    // whatever is left after 10 s.
    close: async () => {
      await browser.close().catch(() => {});
      await gone(child.pid, 10000);
      try { process.kill(-child.pid, 'SIGKILL'); } catch {}
    },
  };
}

// Whether every process of the group has ended within `ms`.
async function gone(group, ms) {
  const deadline = Date.now() + ms;
  while (await liveMembers(group)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

// How many processes of the group are still running (zombies, already dead, are not counted).
async function liveMembers(group) {
  let live = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid pgrp …: comm may hold spaces, so fields are read after its ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z' && state !== 'X') ++live;
  }
  return live;
}
