/**
 * Updates from the internal server (config.json `updates`, off by default). Only when enabled, and only in
 * the packaged app, is electron-updater loaded: generic provider at updates.url, download in the background,
 * and never installed unless the installer's detached Ed25519 signature (<installer>.sig beside it on the
 * server, base64) verifies with updates.publicKey. Then it installs when the clerk next quits — never in the
 * middle of a case. electron-updater's own checks (sha512 from latest.yml; on Windows the Authenticode
 * publisher, when the build names one) come on top. No `electron` import: a Node test drives it with a
 * stand-in updater.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { log } from '../host/log';
import type { UpdatesConfig } from '../host/ops/ops-config';

/** The part of electron-updater's autoUpdater this module uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-downloaded', listener: (info: DownloadedUpdate) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

export interface DownloadedUpdate {
  version: string;
  downloadedFile: string;
  /** The installer's name on the server, from latest.yml. */
  files?: Array<{ url: string }>;
  path?: string;
}

export interface UpdatesEnv {
  isPackaged: boolean;
  /** Loads electron-updater's autoUpdater; null when the package is not installed. */
  load?: () => UpdaterLike | null;
  fetchText?: (url: string) => Promise<string>;
}

export interface RunningUpdates {
  /** Resolves when the signature of the last download has been checked (tests, logs). */
  checked: Promise<boolean>;
  stop(): void;
}

/** True when `signature` (base64 Ed25519) signs exactly `data` under the PEM public key. */
export function verifyInstallerSignature(data: Buffer, signatureBase64: string, publicKeyPem: string): boolean {
  try {
    const key = crypto.createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    const signature = Buffer.from(signatureBase64.trim(), 'base64');
    if (signature.length !== 64) return false;
    return crypto.verify(null, data, key, signature);
  } catch {
    return false;
  }
}

/** Where the signature of an installer lies on the server: <updates.url>/<installer name>.sig. */
export function signatureUrl(baseUrl: string, update: DownloadedUpdate): string {
  const name = update.files?.[0]?.url ?? update.path ?? path.basename(update.downloadedFile);
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(`${name}.sig`, base).toString();
}

function loadElectronUpdater(): UpdaterLike | null {
  try {
    // A runtime name, so the bundler leaves it to node_modules (and a build without the package still starts).
    const name = 'electron-updater';
    return (createRequire(__filename)(name) as { autoUpdater: UpdaterLike }).autoUpdater;
  } catch {
    return null;
  }
}

async function fetchTextOnce(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

export function startUpdates(config: UpdatesConfig, env: UpdatesEnv): RunningUpdates | null {
  if (!config.enabled) return null;
  if (!config.url || !config.publicKey) return null; // the schema refuses this; belt and braces
  if (!env.isPackaged) {
    log.info('自动更新: 开发环境中不检查更新');
    return null;
  }
  const updater = (env.load ?? loadElectronUpdater)();
  if (!updater) {
    log.warn('自动更新: 未安装 electron-updater 组件，已跳过');
    return null;
  }
  const fetchText = env.fetchText ?? fetchTextOnce;
  const { url, publicKey } = config;
  updater.autoDownload = true;
  // Nothing installs on quit until the signature has been checked below.
  updater.autoInstallOnAppQuit = false;
  updater.setFeedURL({ provider: 'generic', url });

  let settle: (ok: boolean) => void = () => {};
  const running: RunningUpdates = { checked: new Promise((r) => (settle = r)), stop: () => clearInterval(timer) };

  updater.on('update-downloaded', (update) => {
    void (async () => {
      let ok = false;
      let why = '';
      try {
        const sig = await fetchText(signatureUrl(url, update));
        ok = verifyInstallerSignature(fs.readFileSync(update.downloadedFile), sig, publicKey);
        if (!ok) why = '签名与安装包不符';
      } catch (err) {
        why = `无法取得签名 (${(err as Error).message})`;
      }
      if (ok) {
        updater.autoInstallOnAppQuit = true;
        log.info(`自动更新: 版本 ${update.version} 已下载并通过签名校验，退出程序后安装`);
      } else {
        updater.autoInstallOnAppQuit = false;
        fs.rmSync(update.downloadedFile, { force: true });
        log.error(`自动更新: 版本 ${update.version} 未通过签名校验，已丢弃: ${why}`);
      }
      settle(ok);
    })();
  });
  updater.on('error', (err) => log.warn(`自动更新: 检查或下载失败: ${err.message}`));

  const check = () => void updater.checkForUpdates().catch((err: Error) => log.warn(`自动更新: 检查失败: ${err.message}`));
  check();
  const timer = setInterval(check, config.checkIntervalHours * 3600_000);
  timer.unref();
  return running;
}
