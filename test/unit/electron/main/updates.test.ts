/**
 * The updates module with a stand-in electron-updater and a real signature server on loopback: off by
 * default (electron-updater never loaded), and an update installs on quit only when its Ed25519 signature
 * verifies; a tampered installer, a foreign key or a missing signature is discarded.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UpdatesConfig } from '../../../../electron/host/ops/ops-config';
import { signatureUrl, startUpdates, verifyInstallerSignature, type DownloadedUpdate, type UpdaterLike } from '../../../../electron/main/updates';

const keys = crypto.generateKeyPairSync('ed25519');
const other = crypto.generateKeyPairSync('ed25519');
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const sign = (data: Buffer, key = keys.privateKey) => crypto.sign(null, data, key).toString('base64');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'updates-'));
const installer = Buffer.from('MZ… a signed installer');
const signatures = new Map<string, string>();
let server: http.Server;
let baseUrl: string;
const requested: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    const sig = signatures.get(req.url ?? '');
    res.writeHead(sig ? 200 : 404).end(sig ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/counter/linux/x64`;
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await new Promise((r) => server.close(r));
  fs.rmSync(root, { recursive: true, force: true });
});

class FakeUpdater implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  feed: unknown = null;
  checks = 0;
  private downloaded: ((u: DownloadedUpdate) => void) | null = null;
  setFeedURL(o: { provider: 'generic'; url: string }) {
    this.feed = o;
  }
  async checkForUpdates() {
    this.checks++;
    return null;
  }
  on(event: string, fn: (arg: never) => void) {
    if (event === 'update-downloaded') this.downloaded = fn as (u: DownloadedUpdate) => void;
    return this;
  }
  finishDownload(u: DownloadedUpdate) {
    this.downloaded!(u);
  }
}

const enabled = () => UpdatesConfig.parse({ enabled: true, url: baseUrl, publicKey });
let n = 0;
function download(bytes: Buffer): DownloadedUpdate {
  const name = `counter-workstation-0.2.${n++}-linux-x86_64.AppImage`;
  const file = path.join(root, name);
  fs.writeFileSync(file, bytes);
  return { version: '0.2.0', downloadedFile: file, files: [{ url: name }] };
}

describe('startUpdates', () => {
  it('is off by default and then never loads electron-updater', () => {
    const load = vi.fn();
    expect(UpdatesConfig.parse({}).enabled).toBe(false);
    expect(startUpdates(UpdatesConfig.parse({}), { isPackaged: true, load })).toBeNull();
    expect(startUpdates(enabled(), { isPackaged: false, load })).toBeNull();
    expect(load).not.toHaveBeenCalled();
    expect(startUpdates(enabled(), { isPackaged: true, load: () => null })).toBeNull();
  });

  it('points electron-updater at the internal server (generic provider), downloads, and holds the install', () => {
    const updater = new FakeUpdater();
    const running = startUpdates(enabled(), { isPackaged: true, load: () => updater })!;
    running.stop();
    expect(updater.feed).toEqual({ provider: 'generic', url: baseUrl });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.checks).toBe(1);
  });

  it('installs on quit an update whose signature verifies, fetched from <url>/<installer>.sig', async () => {
    const updater = new FakeUpdater();
    const running = startUpdates(enabled(), { isPackaged: true, load: () => updater })!;
    running.stop();
    const update = download(installer);
    signatures.set(`/counter/linux/x64/${update.files![0].url}.sig`, sign(installer));
    updater.finishDownload(update);
    expect(await running.checked).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(fs.existsSync(update.downloadedFile)).toBe(true);
    expect(requested.at(-1)).toBe(`/counter/linux/x64/${update.files![0].url}.sig`);
  });

  it.each([
    ['a tampered installer', (u: DownloadedUpdate) => (fs.appendFileSync(u.downloadedFile, 'x'), sign(installer))],
    ['a signature by another key', () => sign(installer, other.privateKey)],
    ['no signature on the server', () => null],
    ['garbage instead of a signature', () => 'not base64 at all!'],
  ])('discards %s and installs nothing', async (_what, makeSig) => {
    const updater = new FakeUpdater();
    const running = startUpdates(enabled(), { isPackaged: true, load: () => updater })!;
    running.stop();
    const update = download(installer);
    const sig = makeSig(update);
    if (sig) signatures.set(`/counter/linux/x64/${update.files![0].url}.sig`, sig);
    updater.finishDownload(update);
    expect(await running.checked).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(fs.existsSync(update.downloadedFile)).toBe(false);
  });
});

describe('verifyInstallerSignature and signatureUrl', () => {
  it('accepts only an Ed25519 signature of exactly these bytes under this key', () => {
    expect(verifyInstallerSignature(installer, sign(installer), publicKey)).toBe(true);
    expect(verifyInstallerSignature(Buffer.concat([installer, Buffer.from([0])]), sign(installer), publicKey)).toBe(false);
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyInstallerSignature(installer, sign(installer), rsa)).toBe(false);
    expect(verifyInstallerSignature(installer, sign(installer), 'not a key')).toBe(false);
  });

  it('names the signature beside the installer, with or without a trailing slash', () => {
    const u = { version: '1', downloadedFile: '/tmp/x', files: [{ url: 'a b.exe' }] };
    expect(signatureUrl('https://h.example/c', u)).toBe('https://h.example/c/a%20b.exe.sig');
    expect(signatureUrl('https://h.example/c/', u)).toBe('https://h.example/c/a%20b.exe.sig');
  });
});

describe('UpdatesConfig', () => {
  it('refuses to turn updates on without a server or a key, and a URL with credentials, in Chinese', () => {
    const issues = (v: unknown) => {
      const r = UpdatesConfig.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ enabled: true })).toEqual([
      'url: 启用自动更新时须填写 updates.url（内部更新服务器地址）',
      'publicKey: 启用自动更新时须填写 updates.publicKey（安装包签名公钥），否则无法校验更新',
    ]);
    expect(issues({ enabled: true, url: 'https://u:p@h.example/', publicKey }).join()).toContain('不应包含用户名或密码');
    expect(issues({ enabled: true, url: 'ftp://h.example/', publicKey }).join()).toContain('应以 https:// 或 http:// 开头');
    expect(issues({ enabled: true, url: baseUrl, publicKey: 'abc' }).join()).toContain('PEM');
    expect(issues({ enabled: false, surprise: 1 })).toHaveLength(1);
    expect(issues({ enabled: true, url: baseUrl, publicKey })).toEqual([]);
  });
});
