/**
 * The Electron shell: one locked-down window, IPC wired from the contract, and the same composition root
 * that browser mode and the CLI use. Only this folder and the preload import `electron`.
 */
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { IPC_EVENT, IPC_INVOKE } from '../contract/bridge';
import { createApp, type App, type KeyProvider } from '../host/app';
import { defaultDeviceFactories } from '../host/default-devices';
import { createCaller } from '../host/caller';
import { dispatch } from '../host/dispatch';
import { isTrustedSender } from '../host/ipc-guard';
import { CONTENT_SECURITY_POLICY } from '../host/web-server';
import { electronA4Output } from './a4-output';
import { createSafeStorageKeyProvider } from './key-provider';

let workstation: App | null = null;
let mainWindow: BrowserWindow | null = null;

const RENDERER_FILE = path.join(__dirname, '../renderer/index.html');

function isOwnFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(
    {
      isAppWindow: mainWindow !== null && event.sender === mainWindow.webContents,
      isMainFrame: frame !== null && mainWindow !== null && frame === mainWindow.webContents.mainFrame,
      url: frame?.url ?? '',
    },
    RENDERER_FILE,
    process.env.ELECTRON_RENDERER_URL,
  );
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    title: '医保综合柜员工作站',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Navigation away from the app and new windows are never allowed; external links open in the OS browser.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(RENDERER_FILE);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));

  const keyProvider: KeyProvider = createSafeStorageKeyProvider(safeStorage, app.getPath('userData'));
  workstation = await createApp({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    devices: defaultDeviceFactories(),
    keyProvider,
    a4: electronA4Output,
  });

  // One caller for the app's one window: its sign-in state lives as long as the app.
  const windowCaller = createCaller('ipc');
  ipcMain.handle(IPC_INVOKE, (event, method: unknown, input: unknown) => {
    if (!isOwnFrame(event)) return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的调用' } };
    return dispatch(workstation!.handlers, method, input, windowCaller);
  });
  workstation.events.subscribe((name, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT, name, payload);
  });

  mainWindow = createWindow();
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});
app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  void workstation?.close();
});

start().catch((err) => {
  console.error('启动失败:', err);
  // A refused start (no protected key storage, wrong key, damaged database, full disk) says why in a dialog.
  dialog.showErrorBox('医保综合柜员工作站 无法启动', (err as Error).message ?? String(err));
  app.exit(1);
});
