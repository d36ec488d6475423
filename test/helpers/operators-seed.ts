/**
 * Operators for e2e tests: written into a fresh data directory through the composition root and the
 * in-process caller (as `counter operator add` would), before browser mode starts on it. Also the UI steps
 * every e2e test shares: sign in, sign out.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { OperatorRole } from '../../electron/contract/features/auth';
import { createApp } from '../../electron/host/app';
import { defaultDeviceFactories } from '../../electron/host/default-devices';
import { call } from '../../electron/host/dispatch';

export interface SeededOperator {
  code: string;
  name: string;
  role: OperatorRole;
  password: string;
}

export const SEEDED = {
  admin: { code: 'admin01', name: '王管理', role: 'admin', password: 'Admin2026x' },
  clerk: { code: 'op001', name: '李柜员', role: 'clerk', password: 'Clerk2026x' },
  supervisor: { code: 'sup01', name: '赵主管', role: 'supervisor', password: 'Super2026x' },
} as const satisfies Record<string, SeededOperator>;

export type SeededRole = keyof typeof SEEDED;

/** config.json for a fresh data directory (the app fills in the defaults for everything not given). */
export function writeConfig(dataDir: string, config: Record<string, unknown> = {}): void {
  if (Object.keys(config).length) fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(config, null, 2));
}

/** Writes config.json and adds the SEEDED operators. */
export async function seedOperators(dataDir: string, config: Record<string, unknown> = {}): Promise<void> {
  writeConfig(dataDir, config);
  const app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  try {
    for (const op of Object.values(SEEDED)) await call(app.handlers, 'operators.add', op);
  } finally {
    await app.close();
  }
}

/** Signs in through the 登录 screen and waits for the desk (the operator's name in the top bar). */
export async function signIn(page: Page, who: SeededOperator): Promise<void> {
  await page.getByTestId('sign-in-code').fill(who.code);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-password').press('Enter');
  await page.getByTestId('operator-bar').getByText(who.name).waitFor({ timeout: 15_000 });
}

/** 签退 from the top bar (confirming), back to the 登录 screen. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('operator-bar').getByTestId('sign-out').click();
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('sign-in').waitFor({ timeout: 15_000 });
}

/** Hands the counter to another operator: 签退, then 登录 as `who`. */
export async function switchOperator(page: Page, who: SeededOperator): Promise<void> {
  await signOut(page);
  await signIn(page, who);
}
