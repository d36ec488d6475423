import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../electron/host/default-devices';
import { call } from '../../../../electron/host/dispatch';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-app-'));

beforeAll(async () => {
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('composition root with the default (simulated) devices', () => {
  it('writes a default config and reports the simulated reader as connected', async () => {
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')).devices.idReader).toEqual({ mode: 'simulator' });
    const devices = await call(app.handlers, 'devices.list', {});
    expect(devices.find((d) => d.kind === 'id-reader')).toMatchObject({ state: 'connected', simulated: true });
  });

  it('reads a placed sample card through the real serial transport and logs the access with a masked number', async () => {
    const samples = await call(app.handlers, 'simulator.idCard.samples', {});
    expect(samples.length).toBeGreaterThan(0);
    await call(app.handlers, 'simulator.idCard.place', { sampleId: samples[0].id });
    const person = await call(app.handlers, 'idCard.read', { timeoutMs: 5000 });
    expect(person.idNumber).toMatch(/^\d{17}[\dX]$/);
    const row = app.db.prepare("SELECT detail FROM audit_log WHERE action = 'idCard.read' ORDER BY seq DESC").get() as { detail: string };
    expect(row.detail).not.toContain(person.idNumber);
    expect(JSON.parse(row.detail).idNumber).toMatch(/\*{8}/);
  });

  it('reports no card in Chinese after the timeout', async () => {
    await call(app.handlers, 'simulator.idCard.remove', {});
    await expect(call(app.handlers, 'idCard.read', { timeoutMs: 1000 })).rejects.toThrow(/未检测到身份证/);
  });

  it('survives a corrupted line: bad checksums give a clear error, clearing the fault reads again', async () => {
    await call(app.handlers, 'simulator.idCard.place', { sampleId: '0' });
    await call(app.handlers, 'simulator.idCard.fault', { fault: 'bad-checksum' });
    await expect(call(app.handlers, 'idCard.read', { timeoutMs: 3000 })).rejects.toThrow(/校验|读卡/);
    await call(app.handlers, 'simulator.idCard.fault', { fault: 'none' });
    await expect(call(app.handlers, 'idCard.read', { timeoutMs: 5000 })).resolves.toMatchObject({ name: expect.any(String) });
  });

  it('looks the person up on the embedded platform, then from the cache when the platform is down', async () => {
    const live = await call(app.handlers, 'person.lookup', { certType: '02', certNo: '110101198503120017' });
    expect(live).toMatchObject({ source: 'platform', person: { psn_name: '张伟明' } });
    expect(live.person.psn_no).not.toBe('');
    await call(app.handlers, 'simulator.platform.fault', { fault: 'offline' });
    const cached = await call(app.handlers, 'person.lookup', { certType: '02', certNo: '110101198503120017' });
    expect(cached).toMatchObject({ source: 'cache', person: { psn_no: live.person.psn_no } });
    // Nobody cached and the platform down: a clear message, not a guess.
    await expect(call(app.handlers, 'person.lookup', { certType: '02', certNo: '310104195811230026' })).rejects.toThrow(/无法离线查询/);
    await call(app.handlers, 'simulator.platform.fault', { fault: 'none' });
    // A platform refusal is shown verbatim.
    await expect(call(app.handlers, 'person.lookup', { certType: '02', certNo: '11010519491231002X' })).rejects.toThrow(/./);
  });

  it('reports the queue and the platform status', async () => {
    const summary = await call(app.handlers, 'queue.summary', {});
    expect(summary.counts.total).toBe(0);
    const status = await call(app.handlers, 'platform.status', {});
    expect(status).toMatchObject({ simulated: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) });
  });

  it('says so on the queue page when another process holds the upload lease', async () => {
    expect((await call(app.handlers, 'queue.summary', {})).sentElsewhere).toBeNull();
    const now = Date.now();
    const foreign = {
      id: 'other-1', pid: 4242, host: 'window-002-pc', role: 'cli',
      acquiredAt: new Date(now).toISOString(), heartbeatAt: new Date(now).toISOString(), expiresAt: new Date(now + 60_000).toISOString(),
    };
    app.db
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('outbox.uploadLease', ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(foreign), foreign.acquiredAt);
    const summary = await call(app.handlers, 'queue.summary', {});
    expect(summary.sentElsewhere).toMatch(/另一个 counter sync正在上报.*进程 4242.*window-002-pc.*暂停上报/);
    app.db.prepare("DELETE FROM settings WHERE key = 'outbox.uploadLease'").run();
  });

  it('refuses to start on a broken config file, with the file named', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-broken-'));
    fs.writeFileSync(path.join(broken, 'config.json'), '{"devices": {"idReader": {"mode": "serial"}}}');
    await expect(createApp({ dataDir: broken, mode: 'browser', devices: defaultDeviceFactories() })).rejects.toThrow(/config\.json 有误/);
    fs.rmSync(broken, { recursive: true, force: true });
  });
});
