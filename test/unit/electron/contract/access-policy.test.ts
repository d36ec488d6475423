/**
 * dispatch enforces the access policy for WebSocket/IPC callers before a handler runs: signed out only the
 * public methods, locked only unlock/sign-out/status, each role only its allow-list, idle sessions lock on
 * the app clock; in-process callers (CLI, tests) are trusted. One test walks every method × role.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames, type MethodName } from '../../../../electron/contract/api';
import { OPERATOR_ROLES, type OperatorRole } from '../../../../electron/contract/features/auth';
import { ACCESS_POLICY, kioskMayAccept, RESERVED_ACCESS } from '../../../../electron/contract/access-policy';
import { isLongTermRegType, REMOTE_REG_TYPES, TEMPORARY_REG_TYPES } from '../../../../electron/contract/vocabulary/remote-registration';
import { createCaller, type Caller } from '../../../../electron/host/caller';
import { dispatch, inProcessCaller, type Handlers } from '../../../../electron/host/dispatch';
import { bindSessionRules } from '../../../../electron/host/session-guard';

/** Every handler records that it ran and returns nothing (so a passed call ends in invalid-output, not a refusal). */
function recordingHandlers(): { handlers: Handlers; ran: MethodName[] } {
  const ran: MethodName[] = [];
  const handlers = Object.fromEntries(methodNames.map((m) => [m, () => (ran.push(m), undefined)])) as unknown as Handlers;
  return { handlers, ran };
}

const ws = (role: OperatorRole | null): Caller =>
  createCaller('websocket', role ? { code: `${role}01`, name: '测试', role } : null);

const REFUSALS = ['auth-required', 'auth-locked', 'forbidden'];
async function refusalOf(handlers: Handlers, method: MethodName, caller: Caller): Promise<string | null> {
  const r = await dispatch(handlers, method, {}, caller);
  return !r.ok && REFUSALS.includes(r.error.code) ? r.error.code : null;
}

// The recording handlers return nothing: calls that pass end in invalid-output, whose log line is noise here.
beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));

const PUBLIC = ['app.info', 'auth.status', 'auth.setupAdmin', 'auth.signIn'];

describe('access policy in dispatch', () => {
  it('lets a signed-out connection reach only app.info, auth.status, auth.setupAdmin and auth.signIn', async () => {
    const { handlers, ran } = recordingHandlers();
    const reached: string[] = [];
    for (const m of methodNames) {
      const code = await refusalOf(handlers, m, ws(null));
      if (code === null) reached.push(m);
      else expect(code).toBe('auth-required');
    }
    expect(reached.sort()).toEqual([...PUBLIC].sort());
    expect(ran.every((m) => PUBLIC.includes(m))).toBe(true);
  });

  it('refuses with a Chinese message before the input is even parsed', async () => {
    const { handlers, ran } = recordingHandlers();
    const r = await dispatch(handlers, 'devices.configure', { deviceId: 'nonsense', evil: true }, ws('clerk'));
    expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: '柜员无权执行此操作（devices.configure）' } });
    expect(await dispatch(handlers, 'cases.recent', {}, ws(null))).toEqual({ ok: false, error: { code: 'auth-required', message: '请先登录' } });
    expect(ran).toEqual([]);
  });

  it('lets a locked session reach only auth.unlock, auth.signOut and the public methods', async () => {
    const { handlers } = recordingHandlers();
    const reached: string[] = [];
    for (const m of methodNames) {
      const caller = ws('supervisor');
      caller.locked = true;
      const code = await refusalOf(handlers, m, caller);
      if (code === null) reached.push(m);
      else expect(code).toBe('auth-locked');
    }
    expect(reached.sort()).toEqual([...PUBLIC, 'auth.signOut', 'auth.unlock'].sort());
  });

  it('walks the whole table: each method passes exactly the roles ACCESS_POLICY names', async () => {
    const { handlers } = recordingHandlers();
    const matrix: Record<string, OperatorRole[]> = {};
    for (const m of methodNames) {
      matrix[m] = [];
      for (const role of OPERATOR_ROLES) if ((await refusalOf(handlers, m, ws(role))) === null) matrix[m].push(role);
      const access = ACCESS_POLICY[m];
      expect(matrix[m], m).toEqual(access.kind === 'roles' ? OPERATOR_ROLES.filter((r) => access.roles.includes(r)) : [...OPERATOR_ROLES]);
    }
    const onlyFor = (role: OperatorRole) => methodNames.filter((m) => ACCESS_POLICY[m].kind === 'roles' && matrix[m].includes(role)).sort();
    // The decisions themselves, spelled out: changing one is a visible edit here.
    expect(methodNames.filter((m) => matrix[m].length === 1 && matrix[m][0] === 'admin').sort()).toEqual(
      ['devices.configure', 'devices.discover', 'devices.drivers', 'devices.getConfig', 'operators.add', 'operators.list', 'operators.setDisabled', 'operators.setPassword', 'settings.get', 'settings.update'].sort(),
    );
    expect(onlyFor('kiosk')).toEqual(
      [
        'auth.lock', 'auth.touch', 'cases.accept', 'cases.materials', 'catalog.diseases', 'idCard.cancel', 'idCard.read', 'person.lookup', 'printer.printReceipt', 'sscard.read',
        // Read-only catalogues (no personal data): the kiosk picks its 就医地 too.
        'catalogues.deskHospital', 'catalogues.hospitals', 'catalogues.region', 'catalogues.regions',
        // 好差评 at the end of the kiosk's own case.
        'rating.pending', 'rating.request', 'rating.submit',
      ].sort(),
    );
    expect(methodNames.filter((m) => matrix[m].length === 1 && matrix[m][0] === 'supervisor').sort()).toEqual(['rating.complaints']);
    const adminReadsPeople = ['rating.complaints', 'rating.ofCase', 'person.lookup', 'cases.history', 'cases.recent', 'cases.receipt', 'queue.list', 'idCard.read', 'sscard.read'];
    for (const m of adminReadsPeople) expect(matrix[m], m).not.toContain('admin');
    for (const m of ['cases.accept', 'cases.cancel', 'reimbursement.calculate']) expect(matrix[m]).toEqual(expect.arrayContaining(['clerk', 'supervisor']));
  });

  it('has reserved decisions for methods still to come (作废 a 需人工处理 case: supervisor only)', () => {
    expect(RESERVED_ACCESS['cases.void']).toEqual({ kind: 'roles', roles: ['supervisor'] });
    for (const [m, access] of Object.entries(RESERVED_ACCESS)) {
      if (m in ACCESS_POLICY) expect(ACCESS_POLICY[m as MethodName], m).toEqual(access);
    }
  });

  it('lets a kiosk file only a temporary 异地就医备案', () => {
    expect(kioskMayAccept({ kind: 'remote-registration', form: { regType: 'emergency' } })).toBe(true);
    expect(kioskMayAccept({ kind: 'remote-registration', form: { regType: 'otherTemporary' } })).toBe(true);
    expect(kioskMayAccept({ kind: 'remote-registration', form: { regType: 'retiredResettled' } })).toBe(false);
    expect(kioskMayAccept({ kind: 'special-disease', form: {} })).toBe(false);
    expect(kioskMayAccept({ kind: 'reimbursement', form: {} })).toBe(false);
  });

  it('takes the kiosk\'s 备案类型 from the vocabulary: exactly the three 临时备案, no long-term one', () => {
    expect([...TEMPORARY_REG_TYPES].sort()).toEqual(['emergency', 'otherTemporary', 'referral']);
    for (const t of TEMPORARY_REG_TYPES) expect(isLongTermRegType(t), t).toBe(false);
    for (const t of REMOTE_REG_TYPES) {
      expect(kioskMayAccept({ kind: 'remote-registration', form: { regType: t } }), t).toBe(!isLongTermRegType(t));
    }
  });

  it('refuses the kiosk a 备案 whose type is missing, unknown or not a string', () => {
    for (const form of [{}, { regType: 'Emergency' }, { regType: 'temporary' }, { regType: '' }, { regType: 3 }, { regType: null }, { regType: ['emergency'] }]) {
      expect(kioskMayAccept({ kind: 'remote-registration', form }), JSON.stringify(form)).toBe(false);
    }
  });

  it('locks an idle session on the app clock; status reads do not keep it awake, business calls do', async () => {
    const { handlers } = recordingHandlers();
    let now = new Date('2026-03-02T01:00:00Z');
    const locked: string[] = [];
    bindSessionRules(handlers, { clock: () => now, idleLockMs: 10 * 60_000, onIdleLock: (c) => locked.push(c.operator!.code) });
    const caller = createCaller('websocket', { code: 'op001', name: '柜员一', role: 'clerk' }, now.getTime());
    const after = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));

    after(9);
    expect(await refusalOf(handlers, 'cases.recent', caller)).toBeNull();
    after(9);
    expect(await refusalOf(handlers, 'queue.summary', caller)).toBeNull();
    expect(await refusalOf(handlers, 'auth.status', caller)).toBeNull();
    expect(caller.locked).toBe(false);
    after(1);
    expect(await refusalOf(handlers, 'queue.summary', caller)).toBe('auth-locked');
    expect(caller.locked).toBe(true);
    expect(locked).toEqual(['op001']);
    expect(await refusalOf(handlers, 'auth.unlock', caller)).toBeNull();
  });

  it('does not lock an idle kiosk (its customer scope lapses instead)', async () => {
    const { handlers } = recordingHandlers();
    let now = new Date('2026-03-02T01:00:00Z');
    bindSessionRules(handlers, { clock: () => now, idleLockMs: 60_000 });
    const kiosk = createCaller('websocket', { code: 'kiosk1', name: '自助一', role: 'kiosk' }, now.getTime());
    now = new Date(now.getTime() + 3600_000);
    expect(await refusalOf(handlers, 'catalog.diseases', kiosk)).toBeNull();
    expect(kiosk.locked).toBe(false);
  });

  it('shows the idle lock to auth.status, the call the lock screen polls', async () => {
    const { handlers } = recordingHandlers();
    let now = new Date('2026-03-02T01:00:00Z');
    bindSessionRules(handlers, { clock: () => now, idleLockMs: 60_000 });
    const caller = createCaller('websocket', { code: 'op001', name: '柜员一', role: 'clerk' }, now.getTime());
    now = new Date(now.getTime() + 60_000);
    await dispatch(handlers, 'auth.status', {}, caller);
    expect(caller.locked).toBe(true);
  });

  it('ends the session of an operator disabled since signing in', async () => {
    const { handlers } = recordingHandlers();
    bindSessionRules(handlers, { clock: () => new Date(), idleLockMs: 0, isOperatorActive: (code) => code !== 'op001' });
    const caller = createCaller('websocket', { code: 'op001', name: '柜员一', role: 'clerk' });
    expect(await dispatch(handlers, 'cases.recent', {}, caller)).toEqual({ ok: false, error: { code: 'auth-required', message: expect.stringContaining('已停用') } });
    expect(caller.operator).toBeNull();
  });

  it('trusts in-process callers (CLI, tests): they already hold the data directory and its key', async () => {
    const { handlers } = recordingHandlers();
    for (const m of ['devices.configure', 'cases.recent', 'operators.add'] as const) {
      expect(await refusalOf(handlers, m, inProcessCaller())).toBeNull();
      expect(await refusalOf(handlers, m, createCaller('cli'))).toBeNull();
    }
  });
});
