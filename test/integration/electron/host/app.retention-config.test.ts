/** config.json privacy.retentionDays: validated, defaulted, and applied by the app at start (audited). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../electron/host/default-devices';
import { readChain } from '../../../../electron/services/audit/audit-chain';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-config-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const dirWith = (config: unknown) => {
  const dir = path.join(root, `d${n++}`);
  fs.mkdirSync(dir);
  if (config !== undefined) fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return dir;
};
const start = (dataDir: string) => createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });

describe('privacy.retentionDays', () => {
  it('defaults to 30 days in a fresh config.json', async () => {
    const dir = dirWith(undefined);
    const app = await start(dir);
    await app.close();
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).privacy).toEqual({ retentionDays: 30 });
  });

  it.each([
    [0, 'privacy.retentionDays: 个人数据保留天数应在 1–3650 天之间'],
    [99999, 'privacy.retentionDays: 个人数据保留天数应在 1–3650 天之间'],
    [2.5, 'privacy.retentionDays: 个人数据保留天数应为整数'],
    ['30', 'privacy.retentionDays: 个人数据保留天数应为数字'],
  ])('refuses %j with a Chinese message', async (value, message) => {
    await expect(start(dirWith({ privacy: { retentionDays: value } }))).rejects.toThrow(message);
  });

  it('refuses an unknown privacy setting', async () => {
    await expect(start(dirWith({ privacy: { retentionDays: 30, keepForever: true } }))).rejects.toThrow(/privacy/);
  });

  it('the app purges older attachments at start and audits it (receipt PDFs are purged after a day by the receipts folder itself)', async () => {
    const dir = dirWith({ privacy: { retentionDays: 7 } });
    const attachments = path.join(dir, 'attachments');
    fs.mkdirSync(attachments);
    const old = path.join(attachments, 'old.jpg');
    const fresh = path.join(attachments, 'fresh.jpg');
    fs.writeFileSync(old, 'x');
    fs.writeFileSync(fresh, 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    fs.utimesSync(old, eightDaysAgo, eightDaysAgo);
    const app = await start(dir);
    const purge = readChain(app.db).find((r) => r.action === 'privacy.purge');
    await app.close();
    expect([fs.existsSync(old), fs.existsSync(fresh)]).toEqual([false, true]);
    expect(JSON.parse(purge!.detail!)).toEqual({ retentionDays: 7, personCache: 0, files: 1 });
  });
});
