/** config.json's hospital 医保办 profile (electron/host/config.ts): it needs site.hospitalCode, refused in Chinese without it. */
import { describe, expect, it } from 'vitest';
import { AppConfig } from '../../../../electron/host/config';

describe('config: hospital profile', () => {
  it('reads a hospital desk with its hospital code', () => {
    expect(AppConfig.parse({ profile: 'hospital', site: { hospitalCode: 'H99010100001' } })).toMatchObject({ profile: 'hospital', site: { hospitalCode: 'H99010100001' } });
  });

  it('refuses a hospital desk without its hospital code, at site.hospitalCode', () => {
    const r = AppConfig.safeParse({ profile: 'hospital', site: { windowCode: '002' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ['site', 'hospitalCode'], message: expect.stringContaining('须先在“站点”中填写本院定点医疗机构编码') })]);
  });

  it('a counter or kiosk needs none', () => {
    expect(AppConfig.parse({ profile: 'counter' }).site.hospitalCode).toBeUndefined();
    expect(AppConfig.parse({ profile: 'kiosk' }).profile).toBe('kiosk');
  });
});
