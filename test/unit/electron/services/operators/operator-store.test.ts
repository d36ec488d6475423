/**
 * The operator store on a real (in-memory) SQLite with the app schema and a fake clock: scrypt hashes with
 * their parameters, one message for unknown 工号 and wrong password, the lockout and its minutes, the
 * first administrator written once, and the last administrator kept enabled.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/services/store/database';
import { appMigrations } from '../../../../../electron/services/app-schema';
import { BAD_CREDENTIALS, OperatorStore } from '../../../../../electron/services/operators/operator-store';
import { DEFAULT_SCRYPT, hashParams, hashPassword, needsRehash, verifyPassword } from '../../../../../electron/services/operators/password-hash';
import { refusal } from '../../../../helpers/refusal';

const CHEAP = { N: 1 << 10, r: 8, p: 1 };
let db: Db;
let now: Date;
const clock = () => now;
const lockout = { maxFailedSignIns: 5, lockoutMinutes: 15 };
const store = (scrypt = CHEAP) => new OperatorStore(db, { clock, lockout, scrypt });

beforeEach(() => {
  db = openDatabase(':memory:', { migrations: appMigrations });
  now = new Date('2026-03-02T01:00:00Z');
});
afterEach(() => db.close());

describe('password hashes', () => {
  it('are salted scrypt strings that carry their parameters, and verify only the right password', async () => {
    const a = await hashPassword('abc12345', CHEAP);
    const b = await hashPassword('abc12345', CHEAP);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('abc12345', a)).toBe(true);
    expect(await verifyPassword('abc12346', a)).toBe(false);
    expect(await verifyPassword('abc12345', 'plain-text')).toBe(false);
    expect(await verifyPassword('abc12345', a.replace('$1024$', '$1023$'))).toBe(false);
    expect(hashParams(a)).toEqual(CHEAP);
  });

  it('by default cost at least N=2^15, r=8, and weaker stored hashes are marked for re-hashing', async () => {
    const strong = await hashPassword('abc12345');
    expect(hashParams(strong)).toEqual(DEFAULT_SCRYPT);
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(1 << 15);
    expect(needsRehash(strong)).toBe(false);
    expect(needsRehash(await hashPassword('abc12345', CHEAP))).toBe(true);
  });
});

describe('operator store', () => {
  it('stores no password in clear and signs in with the right one, whatever the case of the 工号', async () => {
    const s = store();
    await s.add({ code: 'op001', name: '柜员一', role: 'clerk', password: 'abc12345' });
    const row = db.prepare('SELECT password_hash FROM operators').get() as { password_hash: string };
    expect(row.password_hash).not.toContain('abc12345');
    expect(await s.verify('OP001', 'abc12345')).toEqual({ code: 'op001', name: '柜员一', role: 'clerk' });
  });

  it('answers an unknown 工号 and a wrong password with the same message', async () => {
    const s = store();
    await s.add({ code: 'op001', name: '柜员一', role: 'clerk', password: 'abc12345' });
    const unknown = await refusal(s.verify('nobody', 'abc12345'));
    const wrong = await refusal(s.verify('op001', 'wrong999'));
    expect(unknown).toMatchObject({ code: 'bad-credentials', message: BAD_CREDENTIALS });
    expect(wrong).toMatchObject({ code: 'bad-credentials', message: BAD_CREDENTIALS });
    expect(BAD_CREDENTIALS).toBe('工号或密码不正确');
  });

  it('locks an operator out after 5 wrong passwords for 15 minutes, with the minutes left, even for the right password', async () => {
    const s = store();
    await s.add({ code: 'op001', name: '柜员一', role: 'clerk', password: 'abc12345' });
    for (let i = 1; i <= 4; i++) expect((await refusal(s.verify('op001', `wrong${i}xx`))).code).toBe('bad-credentials');
    const fifth = await refusal(s.verify('op001', 'wrong5xx'));
    expect(fifth.code).toBe('locked-out');
    expect(fifth.message).toContain('15 分钟');
    now = new Date(now.getTime() + 6 * 60_000 + 1);
    const later = await refusal(s.verify('op001', 'abc12345'));
    expect(later).toMatchObject({ code: 'locked-out', message: expect.stringContaining('请 9 分钟后再试') });
    expect(s.get('op001')?.lockedUntil).toBe('2026-03-02T01:15:00.000Z');
    now = new Date('2026-03-02T01:15:00Z');
    expect(await s.verify('op001', 'abc12345')).toMatchObject({ code: 'op001' });
  });

  it('forgets earlier failures after a good sign-in, and an administrator reset lifts a lockout', async () => {
    const s = store();
    await s.add({ code: 'op001', name: '柜员一', role: 'clerk', password: 'abc12345' });
    for (let i = 0; i < 4; i++) await refusal(s.verify('op001', 'wrong0xx'));
    await s.verify('op001', 'abc12345');
    for (let i = 0; i < 4; i++) expect((await refusal(s.verify('op001', 'wrong0xx'))).code).toBe('bad-credentials');
    await refusal(s.verify('op001', 'wrong0xx'));
    await s.setPassword('op001', 'new12345x');
    expect(await s.verify('op001', 'new12345x')).toMatchObject({ code: 'op001' });
    expect(s.get('op001')?.lockedUntil).toBeNull();
  });

  it('tells a disabled operator so only after the right password', async () => {
    const s = store();
    await s.add({ code: 'admin', name: '管理员', role: 'admin', password: 'abc12345' });
    await s.add({ code: 'op001', name: '柜员一', role: 'clerk', password: 'abc12345' });
    s.setDisabled('op001', true);
    expect((await refusal(s.verify('op001', 'wrong999'))).message).toBe(BAD_CREDENTIALS);
    expect(await refusal(s.verify('op001', 'abc12345'))).toMatchObject({ code: 'operator-disabled', message: expect.stringContaining('已停用') });
    s.setDisabled('op001', false);
    expect(await s.verify('op001', 'abc12345')).toMatchObject({ code: 'op001' });
  });

  it('writes the first administrator only while no operator exists', async () => {
    const s = store();
    const [a, b] = await Promise.allSettled([
      s.addFirstAdmin({ code: 'admin', name: '管理员', password: 'abc12345' }),
      s.addFirstAdmin({ code: 'admin2', name: '管理员二', password: 'abc12345' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(s.list()).toHaveLength(1);
    expect(s.list()[0].role).toBe('admin');
    expect(await refusal(s.addFirstAdmin({ code: 'admin3', name: '管理员三', password: 'abc12345' }))).toMatchObject({ code: 'setup-done' });
  });

  it('refuses a duplicate 工号 (in any case) and keeps the only enabled administrator', async () => {
    const s = store();
    await s.add({ code: 'admin', name: '管理员', role: 'admin', password: 'abc12345' });
    expect(await refusal(s.add({ code: 'ADMIN', name: '另一个', role: 'clerk', password: 'abc12345' }))).toMatchObject({ code: 'duplicate' });
    expect(() => s.setDisabled('admin', true)).toThrow(/唯一的系统管理员/);
    await s.add({ code: 'admin2', name: '管理员二', role: 'admin', password: 'abc12345' });
    expect(s.setDisabled('admin', true).disabled).toBe(true);
    expect(() => s.setDisabled('nobody', true)).toThrow(/没有工号为 nobody/);
  });

  it('upgrades a hash made with weaker parameters at the next good sign-in', async () => {
    await store(CHEAP).add({ code: 'op001', name: '柜员一', role: 'clerk', password: 'abc12345' });
    const stronger = { N: 1 << 11, r: 8, p: 1 };
    await store(stronger).verify('op001', 'abc12345');
    const row = db.prepare('SELECT password_hash FROM operators').get() as { password_hash: string };
    expect(hashParams(row.password_hash)).toEqual(stronger);
    expect(await store(stronger).verify('op001', 'abc12345')).toMatchObject({ code: 'op001' });
  });
});
