/** config.json's logging and updates sections: defaults, bad values refused in Chinese, both part of AppConfig. */
import { describe, expect, it } from 'vitest';
import { AppConfig } from '../../../../../electron/host/config';
import { LoggingConfig } from '../../../../../electron/host/ops/ops-config';

describe('LoggingConfig and the updates default', () => {
  it('defaults to info, 5 MB files, 5 kept; updates off; both present in a fresh config.json', () => {
    const c = AppConfig.parse({});
    expect(c.logging).toEqual({ level: 'info', maxFileMB: 5, files: 5 });
    expect(c.updates).toEqual({ enabled: false, checkIntervalHours: 6 });
  });

  it.each([
    [{ level: 'verbose' }, 'logging.level 应为 debug / info / warn / error'],
    [{ maxFileMB: 0 }, 'logging.maxFileMB 应在 1–100 之间'],
    [{ maxFileMB: 2.5 }, 'logging.maxFileMB 应为整数'],
    [{ files: 51 }, 'logging.files 应在 1–50 之间'],
    [{ colour: true }, 'colour'],
  ])('refuses %j', (value, message) => {
    const r = LoggingConfig.safeParse(value);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues)).toContain(message);
  });

  it('refuses an enabled update section without its server inside config.json too', () => {
    const r = AppConfig.safeParse({ updates: { enabled: true } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['updates.url', 'updates.publicKey']);
  });
});
