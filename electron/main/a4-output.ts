/**
 * A4 forms in the Electron app: a hidden, sandboxed window with JavaScript off renders the form's HTML;
 * print() opens the system print dialog, savePdf() uses Chromium's own printToPDF (no external browser).
 */
import { BrowserWindow } from 'electron';
import fs from 'node:fs';
import type { A4Output } from '../services/printing/a4';
import { formWindowOptions } from './security/window-options';

async function withFormWindow<T>(html: string, isPackaged: boolean, work: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow(formWindowOptions({ isPackaged }));
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await work(win);
  } finally {
    win.destroy();
  }
}

export const createElectronA4Output = (isPackaged: boolean): A4Output => ({
  savePdf: (html, file) =>
    withFormWindow(html, isPackaged, async (win) => {
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      fs.writeFileSync(file, pdf);
    }),
  print: (html) =>
    withFormWindow(
      html,
      isPackaged,
      (win) =>
        new Promise<void>((resolve, reject) => {
          win.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, reason) => {
            if (success || reason === 'cancelled') resolve();
            else reject(new Error(`打印失败: ${reason}`));
          });
        }),
    ),
});
