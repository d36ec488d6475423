/** config.json's kiosk profile and idle settings (electron/host/config.ts): defaults, and bad values refused in Chinese. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppConfig, loadConfig } from '../../../../electron/host/config';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function withConfig(config: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-kiosk-config-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

describe('config: profile and kiosk', () => {
  it('defaults to a counter, with a 60 s kiosk idle timeout counted down over the last 10 s', () => {
    const c = AppConfig.parse({});
    expect(c.profile).toBe('counter');
    expect(c.kiosk).toEqual({ idleSeconds: 60, warnSeconds: 10 });
  });

  it('reads a kiosk profile with its own timeout', () => {
    expect(loadConfig(withConfig({ profile: 'kiosk', kiosk: { idleSeconds: 90, warnSeconds: 15 } }))).toMatchObject({ profile: 'kiosk', kiosk: { idleSeconds: 90, warnSeconds: 15 } });
  });

  it.each([
    [{ profile: 'hall' }, 'profile 应为 counter（政务大厅柜台）、hospital（医院医保办）或 kiosk（自助终端）'],
    [{ kiosk: { idleSeconds: 2 } }, 'kiosk.idleSeconds 应在 5–600 秒之间'],
    [{ kiosk: { idleSeconds: 601 } }, 'kiosk.idleSeconds 应在 5–600 秒之间'],
    [{ kiosk: { idleSeconds: 12.5 } }, 'kiosk.idleSeconds 应为整数秒'],
    [{ kiosk: { warnSeconds: 61 } }, 'kiosk.warnSeconds 应在 0–60 秒之间'],
    [{ kiosk: { idle: 60 } }, 'kiosk'],
  ])('refuses %j', (config, message) => {
    expect(() => loadConfig(withConfig(config))).toThrow(message);
  });
});
