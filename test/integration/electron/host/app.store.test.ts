/**
 * What createApp does with the data directory when no key provider is given (browser mode, tests): the
 * key file, an encrypted database, the start-of-day backup, the running lock, private receipt PDFs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../electron/host/default-devices';
import { call } from '../../../../electron/host/dispatch';
import type { A4Output } from '../../../../electron/services/printing/a4';
import { listBackups } from '../../../../electron/services/store/backup';
import { acceptSampleSpecialDisease } from '../../../helpers/case-fixtures';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const mode = (f: string) => fs.statSync(f).mode & 0o777;

/** Writes the PDF the way a renderer does: world-readable unless told otherwise. */
const fakeA4: A4Output = { savePdf: async (_html, file) => fs.writeFileSync(file, '%PDF-1.7 fake', { mode: 0o644 }) };

describe('createApp and the data directory', () => {
  it('runs encrypted with a new db.key, takes the day’s backup and holds app.lock until close', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-store-'));
    dirs.push(dataDir);
    fs.chmodSync(dataDir, 0o755);
    const app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories(), a4: fakeA4 });
    try {
      expect(fs.readFileSync(path.join(dataDir, 'db.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
      expect(fs.readFileSync(path.join(dataDir, 'counter.db')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      expect(listBackups(dataDir)).toHaveLength(1);
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'app.lock'), 'utf8'))).toMatchObject({ pid: process.pid, mode: 'browser' });
      if (process.platform !== 'win32') expect(mode(dataDir)).toBe(0o700);
    } finally {
      await app.close();
    }
    expect(fs.existsSync(path.join(dataDir, 'app.lock'))).toBe(false);
  }, 60_000);

  it('writes receipt PDFs 0600 into a 0700 receipts folder and purges day-old ones at start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-receipts-'));
    dirs.push(dataDir);
    const receipts = path.join(dataDir, 'receipts');
    fs.mkdirSync(receipts, { recursive: true, mode: 0o755 });
    const stale = path.join(receipts, 'stale.pdf');
    fs.writeFileSync(stale, '%PDF');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(stale, twoDaysAgo, twoDaysAgo);
    const app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories(), a4: fakeA4 });
    try {
      expect(fs.existsSync(stale)).toBe(false);
      const caseNo = await acceptSampleSpecialDisease(app);
      const { path: pdf } = await call(app.handlers, 'cases.receiptPdf', { caseNo });
      expect(path.dirname(pdf)).toBe(receipts);
      if (process.platform !== 'win32') {
        expect(mode(receipts)).toBe(0o700);
        expect(mode(pdf)).toBe(0o600);
      }
    } finally {
      await app.close();
    }
  }, 60_000);
});
