/**
 * The Electron shell: one locked-down window, IPC wired from the contract, and the same composition root
 * that browser mode and the CLI use. Only this folder and the preload import `electron`. The security policy
 * (window options, session, app:// protocol, navigation, fuses) lives in ./security as data and small
 * functions that test/unit/electron/main/security/security-checklist.test.ts checks without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, shell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { IPC_EVENT, IPC_INVOKE } from '../contract/bridge';
import { createApp, type App, type KeyProvider } from '../host/app';
import { mayReceiveEvent } from '../host/event-access';
import { createCaller } from '../host/caller';
import { defaultDeviceFactories } from '../host/default-devices';
import { dispatch } from '../host/dispatch';
import { isTrustedSender } from '../host/ipc-guard';
import { log } from '../host/log';
import { appVersion } from '../host/ops/app-version';
import { crashRecord, writeCrashRecord, type CrashKind } from '../host/ops/crash-record';
import { startHostOperations } from '../host/ops/host-ops';
import { createElectronA4Output } from './a4-output';
import { createSafeStorageKeyProvider } from './key-provider';
import { openCitizenWindow, pickCitizenDisplay } from './rating-window';
import { hardenEveryWebContents, registerAppScheme, secureSession } from './security/install';
import { isAllowedExternalUrl } from './security/navigation';
import { devServerUrl, mainWindowOptions, rendererEntryUrl } from './security/window-options';
import { startUpdates } from './updates';

let workstation: App | null = null;
let mainWindow: BrowserWindow | null = null;
/** The 好差评 screen on the second display, when there is one. */
let citizenWindow: BrowserWindow | null = null;

const RENDERER_DIR = path.join(__dirname, '../renderer');
const DEV_SERVER_URL = devServerUrl({ isPackaged: app.isPackaged, env: process.env });

registerAppScheme(protocol);
hardenEveryWebContents(app, (url) => {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
});

/** The app's own windows: the desk and the citizen screen (both the same renderer on the same session). */
const ownWindows = () => [mainWindow, citizenWindow].filter((w): w is BrowserWindow => w !== null && !w.isDestroyed());

function isOwnFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  const win = ownWindows().find((w) => event.sender === w.webContents);
  return isTrustedSender(
    {
      isAppWindow: win !== undefined,
      isMainFrame: frame !== null && win !== undefined && frame === win.webContents.mainFrame,
      url: frame?.url ?? '',
    },
    DEV_SERVER_URL,
  );
}

function openCitizenScreenIfSecondDisplay(): void {
  if (citizenWindow && !citizenWindow.isDestroyed()) return;
  const display = pickCitizenDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
  if (!display) return;
  citizenWindow = openCitizenWindow(BrowserWindow, display, {
    preload: path.join(__dirname, '../preload/index.cjs'),
    isPackaged: app.isPackaged,
    entryUrl: rendererEntryUrl({ isPackaged: app.isPackaged, env: process.env }),
  });
  citizenWindow.on('closed', () => (citizenWindow = null));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions({ preload: path.join(__dirname, '../preload/index.cjs'), isPackaged: app.isPackaged }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererEntryUrl({ isPackaged: app.isPackaged, env: process.env }));
  return win;
}

// Log files and crash records in the data directory, from the first moment (a failed start is logged too).
const operations = startHostOperations({
  dataDir: app.getPath('userData'),
  exit: (code, record) => {
    dialog.showErrorBox('医保综合柜员工作站 异常退出', `${record.error.message}\n\n记录已保存在数据目录的 crashes 文件夹中。`);
    app.exit(code);
  },
});

// A renderer or helper process that dies is recorded the same way (the app itself goes on; minidumps are not
// collected, they would hold memory with personal data).
function recordGoneProcess(kind: CrashKind, what: string, details: { reason: string; exitCode: number }): void {
  if (details.reason === 'clean-exit') return;
  const file = writeCrashRecord(app.getPath('userData'), crashRecord(kind, new Error(`${what}: ${details.reason} (exit ${details.exitCode})`), appVersion()));
  log.error(`进程异常结束 (${what}): ${details.reason}${file ? `；记录已写入 ${file}` : ''}`);
}
app.on('render-process-gone', (_event, _contents, details) => recordGoneProcess('render-process-gone', 'renderer', details));
app.on('child-process-gone', (_event, details) => recordGoneProcess('child-process-gone', details.type, details));

async function start(): Promise<void> {
  await app.whenReady();
  secureSession(session.defaultSession, RENDERER_DIR);

  const keyProvider: KeyProvider = createSafeStorageKeyProvider(safeStorage, app.getPath('userData'));
  workstation = await createApp({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    devices: defaultDeviceFactories(),
    keyProvider,
    a4: createElectronA4Output(app.isPackaged),
  });
  operations.configure(workstation.config.logging);
  // Off unless config.json turns it on (updates.enabled, an internal server, a signing key).
  startUpdates(workstation.config.updates, { isPackaged: app.isPackaged });

  // One caller for the app's one window: its sign-in state lives as long as the app.
  const windowCaller = createCaller('ipc');
  ipcMain.handle(IPC_INVOKE, (event, method: unknown, input: unknown) => {
    if (!isOwnFrame(event)) return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的调用' } };
    return dispatch(workstation!.handlers, method, input, windowCaller);
  });
  workstation.events.subscribe((name, payload) => {
    if (!mayReceiveEvent(name, windowCaller)) return;
    for (const w of ownWindows()) w.webContents.send(IPC_EVENT, name, payload);
  });

  mainWindow = createWindow();
  // The citizen screen cannot be closed by itself; it goes with the desk.
  mainWindow.on('closed', () => citizenWindow?.destroy());
  openCitizenScreenIfSecondDisplay();
  screen.on('display-added', openCitizenScreenIfSecondDisplay);
}

app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  void workstation?.close();
});

start().catch((err) => {
  log.error('启动失败:', err);
  // A refused start (no protected key storage, wrong key, damaged database, full disk) says why in a dialog.
  dialog.showErrorBox('医保综合柜员工作站 无法启动', (err as Error).message ?? String(err));
  app.exit(1);
});
