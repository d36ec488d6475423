/**
 * `npm start` where Electron cannot run (here: no binary, as on this machine): one line saying why, then
 * browser mode with the one-time launch address to open. ELECTRON_SKIP_BINARY_DOWNLOAD keeps the test offline and fast.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm start without an Electron binary', () => {
  it('says why in one line and serves browser mode', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--data', dataDir], {
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: path.join(dataDir, 'no-electron') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 110_000);
        child.stdout.on('data', () => {
          const m = /请在浏览器中打开: (http:\/\/127\.0\.0\.1:\d+\/#launch=[\w-]{43})\n/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`start exited ${code}:\n${out}`)));
      });
      expect(out.split('\n').filter((l) => l.startsWith('无法启动 Electron:'))).toHaveLength(1);
      // The secret travels only in the fragment (never sent to the server) and in a file only this user reads.
      const secret = new URL(url).hash.replace('#launch=', '');
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<div id="root">');
      expect(html).not.toContain(secret);
      const launchFile = path.join(dataDir, 'browser-launch.url');
      expect(fs.readFileSync(launchFile, 'utf8').trim()).toBe(url);
      if (process.platform !== 'win32') expect(fs.statSync(launchFile).mode & 0o777).toBe(0o600);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
