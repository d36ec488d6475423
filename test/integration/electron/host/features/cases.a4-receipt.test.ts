/**
 * A4 forms go through the A4Output the composition root is given: Electron passes a system-printer one,
 * browser mode the Chromium PDF one (no print). Here a recording output stands in for Electron's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import type { A4Output } from '../../../../../electron/services/printing/a4';
import { acceptSampleSpecialDisease } from '../../../../helpers/case-fixtures';

const printed: string[] = [];
const saved: Array<{ html: string; file: string }> = [];
const recording: A4Output = {
  savePdf: async (html, file) => {
    saved.push({ html, file });
    fs.writeFileSync(file, '%PDF-1.4 recorded');
  },
  print: async (html) => {
    printed.push(html);
  },
};

const dirs: string[] = [];
let desktop: App;
let browser: App;
let caseNo = '';

beforeAll(async () => {
  const mk = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-a4-'));
    dirs.push(d);
    return d;
  };
  desktop = await createApp({ dataDir: mk(), mode: 'electron', devices: defaultDeviceFactories(), a4: recording });
  browser = await createApp({ dataDir: mk(), mode: 'browser', devices: defaultDeviceFactories(), a4: { savePdf: recording.savePdf } });
  caseNo = await acceptSampleSpecialDisease(desktop);
}, 60_000);

afterAll(async () => {
  await desktop?.close();
  await browser?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('A4 受理回执', () => {
  it('prints through the given output with the case number and a masked ID', async () => {
    await call(desktop.handlers, 'cases.printA4', { caseNo });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(caseNo);
    expect(printed[0]).not.toContain('990102198507220023');
    expect(printed[0]).toMatch(/990102\*{8}0023/);
  });

  it('saves the PDF through the same output into <dataDir>/receipts', async () => {
    const { path: file } = await call(desktop.handlers, 'cases.receiptPdf', { caseNo });
    expect(file.endsWith(path.join('receipts', `${caseNo}.pdf`))).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toContain('%PDF');
    expect(saved.at(-1)?.html).toContain(caseNo);
  });

  it('refuses to print where there is no system printer (browser mode), in Chinese', async () => {
    const otherCase = await acceptSampleSpecialDisease(browser);
    await expect(call(browser.handlers, 'cases.printA4', { caseNo: otherCase })).rejects.toThrow(/浏览器模式下不能直接打印/);
  });
});
