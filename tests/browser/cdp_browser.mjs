// Launches Debian's Chromium as a real child process (so a test can SIGKILL it, as a crash would)
// and connects playwright-core to it over the DevTools protocol.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';

const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader', '--disable-dev-shm-usage', '--remote-debugging-port=0', '--window-size=1280,800',
];

export async function launchKillable(profileDir) {
  const child = spawn('/usr/bin/chromium', [...FLAGS, `--user-data-dir=${profileDir}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise((resolve, reject) => {
    let log = '';
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
    kill: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    close: async () => {
      await browser.close().catch(() => {});
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
