/**
 * `counter diagnose` run for real against a data directory that holds real cases of known people (李四's
 * 特门 accepted through the app, 张三 looked up), log lines and a crash record — including an older
 * version's unredacted ones. The bundle is unpacked with the system's tar and searched for their ID numbers,
 * names, phone number, address, 人员编号 and the configuration's credentials: none may be there. It must still
 * say what support needs: versions, native modules, devices, queue and case counts, the recent errors.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../../electron/host/default-devices';
import { call } from '../../../../../../electron/host/dispatch';
import { attachLogSink, log } from '../../../../../../electron/host/log';
import { createRotatingFile } from '../../../../../../electron/host/ops/log-file';
import type { A4Output } from '../../../../../../electron/services/printing/a4';
import { acceptSampleSpecialDisease } from '../../../../../helpers/case-fixtures';
import { runCounter } from '../../../../../helpers/run-counter';

const LI_SI = { certno: '990102198507220023', name: '李四', psnNo: '99010000000000000002', tel: '13800000009', addr: '示例市和平路 9 号', doctor: '赵医生' };
const ZHANG_SAN = { certno: '990102196003150018', name: '张三' };
const CLERK = '王小明';
/** What must never be in the bundle. */
const SECRETS = [LI_SI.certno, LI_SI.name, LI_SI.psnNo, LI_SI.tel, LI_SI.addr, LI_SI.doctor, ZHANG_SAN.certno, ZHANG_SAN.name, CLERK, 's3cretpw', 'token=abc', os.homedir() === '/' ? '\u0000' : os.homedir()];

const fakeA4: A4Output = { savePdf: async (_html, file) => fs.writeFileSync(file, '%PDF-1.7 fake') };
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'diagnose-'));
const dataDir = path.join(root, 'data');
let caseNo = '';

/** Every file of a bundle (tar unpacked by the system's tar, or a folder) as name → text. */
function bundleFiles(out: string): Record<string, string> {
  let dir = out;
  if (out.endsWith('.tar')) {
    dir = fs.mkdtempSync(path.join(root, 'x-'));
    execFileSync('tar', ['-xf', out, '-C', dir]);
    dir = path.join(dir, 'counter-diagnose');
  }
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

beforeAll(async () => {
  const app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories(), a4: fakeA4 });
  const detach = attachLogSink(createRotatingFile({ dir: path.join(dataDir, 'logs'), maxBytes: 1_000_000, files: 2 }), 'info');
  try {
    caseNo = await acceptSampleSpecialDisease(app);
    await call(app.handlers, 'person.lookup', { certType: '02', certNo: ZHANG_SAN.certno });
    // What the host logs when the platform echoes the person back: redacted as it is written.
    log.error(`平台拒绝: 参保人${LI_SI.name}(${LI_SI.certno}) 电话 ${LI_SI.tel}`, { psn_name: ZHANG_SAN.name, certno: ZHANG_SAN.certno });
    log.warn('打印机缺纸');
  } finally {
    detach();
    await app.close();
  }
  // An older version's log and crash record, written before redaction existed.
  fs.writeFileSync(
    path.join(dataDir, 'logs', 'counter.log.1'),
    `${JSON.stringify({ time: '2026-02-01T00:00:00.000Z', level: 'error', pid: 1, msg: `上报失败 ${ZHANG_SAN.name} ${ZHANG_SAN.certno} 电话${LI_SI.tel}` })}\n`,
  );
  fs.mkdirSync(path.join(dataDir, 'crashes'));
  fs.writeFileSync(
    path.join(dataDir, 'crashes', 'crash-2026-02-01T00-00-00-000Z-1.json'),
    JSON.stringify({ kind: 'uncaughtException', error: { name: 'TypeError', message: `读卡失败: 持卡人${LI_SI.name} ${LI_SI.certno}`, stack: [`at ${os.homedir()}/app/x.js:1`] } }),
  );
  // The clerk's name and credentials in the configuration.
  const configFile = path.join(dataDir, 'config.json');
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { operator: { name: string }; platform: { url?: string } };
  config.operator.name = CLERK;
  config.platform.url = 'http://clerk:s3cretpw@127.0.0.1:9/api?token=abc';
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('counter diagnose', () => {
  it('the data directory really holds the people (so the search below can fail)', () => {
    const logs = fs.readFileSync(path.join(dataDir, 'logs', 'counter.log.1'), 'utf8');
    expect(logs).toContain(ZHANG_SAN.certno);
    expect(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')).toContain(CLERK);
    expect(caseNo).toMatch(/^\d{23}$/);
  });

  it('writes a tar bundle with versions, devices, counts and recent errors, and no personal data', async () => {
    const out = path.join(root, 'bundle.tar');
    const r = await runCounter(['diagnose', '--data', dataDir, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`诊断包已写入: ${out}`);
    const files = bundleFiles(out);
    expect(Object.keys(files).sort()).toEqual(['config.json', 'crashes.json', 'data-dir.json', 'devices.json', 'queue.json', 'recent-errors.txt', 'summary.txt', 'versions.json']);
    const all = Object.entries(files).map(([name, text]) => `== ${name}\n${text}`).join('\n');
    expect(SECRETS.filter((s) => all.includes(s))).toEqual([]);
    // The masked forms are fine, and show the lines were kept rather than dropped.
    expect(files['recent-errors.txt']).toContain('990102********0023');
    expect(files['recent-errors.txt']).toContain('138****0009');
    expect(files['recent-errors.txt']).toContain('打印机缺纸');

    const versions = JSON.parse(files['versions.json']) as { app: string; node: string; nativeModules: Array<{ module: string; loads: boolean }> };
    expect(versions.app).toBe((JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(versions.node).toBe(process.versions.node);
    expect(versions.nativeModules.map((m) => [m.module, m.loads])).toEqual([
      ['better-sqlite3-multiple-ciphers', true],
      ['node-hid', true],
      ['@serialport/bindings-cpp', true],
    ]);
    const queue = JSON.parse(files['queue.json']) as { database: string; queue: { total: number }; cases: { total: number; byKind: Record<string, number> } };
    expect(queue.database).toBe('opened');
    expect(queue.cases).toMatchObject({ total: 1, byKind: { 'special-disease': 1 } });
    expect(queue.queue.total).toBe(1);
    const devices = JSON.parse(files['devices.json']) as { configured: Record<string, { mode: string }>; serialPorts: unknown[] };
    expect(devices.configured['id-reader']).toEqual({ mode: 'simulator' });
    expect(Array.isArray(devices.serialPorts)).toBe(true);
    const config = JSON.parse(files['config.json']) as { source: string; config: { operator: { name: string; code: string }; platform: { url: string }; updates: { enabled: boolean } } };
    expect(config.source).toBe('file');
    expect(config.config.operator).toMatchObject({ name: '***', code: 'op001' });
    expect(config.config.platform.url).toBe('http://127.0.0.1:9/api');
    expect(config.config.updates.enabled).toBe(false);
    expect((JSON.parse(files['crashes.json']) as unknown[]).length).toBe(1);
    expect(files['summary.txt']).toContain('办件 1 件');
    if (process.platform !== 'win32') expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('writes a folder when --out does not end in .tar, with the same files and no personal data', async () => {
    const out = path.join(root, 'bundle-dir');
    const r = await runCounter(['diagnose', '--data', dataDir, '--out', out]);
    expect(r.code).toBe(0);
    const files = bundleFiles(out);
    expect(Object.keys(files)).toHaveLength(8);
    const all = Object.values(files).join('\n');
    expect(SECRETS.filter((s) => all.includes(s))).toEqual([]);
  }, 60_000);

  it.each([
    ['a folder that does not exist', () => path.join(root, 'no', 'such', 'b.tar'), /^错误: 无法写入诊断包: 上级目录 .*no\/such 不存在\n$/],
    ['a path that exists already', () => path.join(root, 'taken.tar'), /^错误: 无法写入诊断包: .*taken\.tar 已存在（诊断包不覆盖已有文件或目录）\n$/],
    ['a parent that is a file', () => path.join(root, 'taken.tar', 'b.tar'), /^错误: 无法写入诊断包: .*taken\.tar 不是目录\n$/],
  ])('refuses %s with a Chinese message and exit 1, writing nothing', async (_what, out, message) => {
    fs.writeFileSync(path.join(root, 'taken.tar'), 'keep me');
    const r = await runCounter(['diagnose', '--data', dataDir, '--out', out()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(path.join(root, 'taken.tar'), 'utf8')).toBe('keep me');
  }, 60_000);

  it('a data directory without a database or a configuration still gives a bundle that says so', async () => {
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    const out = path.join(root, 'empty.tar');
    const r = await runCounter(['diagnose', '--data', empty, '--out', out]);
    expect(r.code).toBe(0);
    const files = bundleFiles(out);
    expect(files['summary.txt']).toContain('数据库: 尚未创建');
    expect(files['summary.txt']).toContain('配置文件: 尚未生成');
    expect(fs.readdirSync(empty)).toEqual([]); // diagnose only looks
  }, 60_000);
});
