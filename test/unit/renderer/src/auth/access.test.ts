/**
 * The renderer's nav per role comes from one view → methods map checked against the access table the host
 * enforces (electron/contract/access-policy.ts): each role gets exactly the pages whose every method the host
 * lets it call.
 */
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../../../electron/contract/api';
import { ACCESS_POLICY } from '../../../../../electron/contract/access-policy';
import { keepAliveMethod, landingView, may, VIEW_NEEDS, viewsFor } from '../../../../../renderer/src/auth/access';

describe('renderer access map', () => {
  it('gives the administrator 设备, 设置 and 操作员 only, landing on 设备', () => {
    expect(viewsFor('admin')).toEqual(['devices', 'settings', 'operators']);
    expect(landingView('admin')).toBe('devices');
  });

  it('gives clerk and supervisor the counter pages, landing on 受理台, never 操作员; 差评 only to the supervisor', () => {
    expect(viewsFor('clerk')).toEqual(['desk', 'cases', 'queue', 'day-summary', 'devices']);
    expect(viewsFor('supervisor')).toEqual(['desk', 'cases', 'queue', 'complaints', 'day-summary', 'devices']);
    for (const role of ['clerk', 'supervisor'] as const) expect(landingView(role)).toBe('desk');
  });

  it('gives a kiosk account and nobody no page at all', () => {
    expect(viewsFor('kiosk')).toEqual([]);
    expect(viewsFor(undefined)).toEqual([]);
    expect(landingView('kiosk')).toBeNull();
  });

  it('names only real contract methods, and agrees with the host table method by method', () => {
    for (const v of VIEW_NEEDS) for (const m of v.needs) expect(methodNames).toContain(m);
    expect(may('clerk', 'devices.configure')).toBe(false);
    expect(may('admin', 'devices.configure')).toBe(true);
    expect(may('admin', 'printer.jobs')).toBe(false);
    expect(may(undefined, 'auth.status')).toBe(false);
  });

  it('keeps a session awake only through a non-passive call the role may make', () => {
    for (const role of ['clerk', 'supervisor', 'kiosk', 'admin'] as const) {
      const m = keepAliveMethod(role)!;
      expect(may(role, m)).toBe(true);
      expect(ACCESS_POLICY[m]).toMatchObject({ kind: 'roles' });
      expect((ACCESS_POLICY[m] as { passive?: boolean }).passive).toBeFalsy();
    }
  });
});
