/**
 * The operators of this workstation and their credentials. Sign-in answers an unknown 工号 and a wrong
 * password with the same message (and the same scrypt work), locks an operator out for a while after
 * repeated failures, and upgrades a hash made with old cost parameters at the next good sign-in.
 * Every time comes from the app clock, so tests drive lockouts with a fake one.
 */
import { AppError } from '../../contract/errors';
import type { Operator, OperatorRecord, OperatorRole } from '../../contract/features/auth';
import type { Db } from '../store/database';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password-hash';

export const BAD_CREDENTIALS = '工号或密码不正确';

export interface LockoutRules {
  maxFailedSignIns: number;
  lockoutMinutes: number;
}

export interface OperatorStoreOptions {
  clock: () => Date;
  lockout: LockoutRules;
  /** Cost of new hashes (tests lower it; stored hashes keep their own). */
  scrypt?: ScryptParams;
}

export interface NewOperator {
  code: string;
  name: string;
  role: OperatorRole;
  password: string;
}

interface Row {
  code: string;
  name: string;
  role: OperatorRole;
  password_hash: string;
  disabled: 0 | 1;
  failed_attempts: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
  created_at: string;
}

function toRecord(r: Row): OperatorRecord {
  return {
    code: r.code,
    name: r.name,
    role: r.role,
    disabled: r.disabled === 1,
    lockedUntil: r.locked_until,
    lastSignInAt: r.last_sign_in_at,
    createdAt: r.created_at,
  };
}

const toOperator = (r: Pick<Row, 'code' | 'name' | 'role'>): Operator => ({ code: r.code, name: r.name, role: r.role });

/** What a sign-in attempt did, for the audit trail (the caller records it; the store only decides). */
export type VerifyFailure = 'unknown' | 'wrong-password' | 'locked-out' | 'disabled';

export class SignInRefused extends AppError {
  constructor(
    readonly reason: VerifyFailure,
    message: string,
    /** Set when this failure is the one that locked the operator out. */
    readonly lockedNow = false,
  ) {
    super(reason === 'locked-out' ? 'locked-out' : reason === 'disabled' ? 'operator-disabled' : 'bad-credentials', message);
  }
}

export class OperatorStore {
  private readonly scrypt: ScryptParams;
  /** Hashed once, verified against for unknown codes so they cost the same time as a wrong password. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly db: Db,
    private readonly o: OperatorStoreOptions,
  ) {
    this.scrypt = o.scrypt ?? DEFAULT_SCRYPT;
  }

  private now(): string {
    return this.o.clock().toISOString();
  }

  private row(code: string): Row | undefined {
    return this.db.prepare('SELECT * FROM operators WHERE code = ?').get(code.trim()) as Row | undefined;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM operators').get() as { n: number }).n;
  }

  list(): OperatorRecord[] {
    return (this.db.prepare('SELECT * FROM operators ORDER BY code').all() as Row[]).map(toRecord);
  }

  get(code: string): OperatorRecord | undefined {
    const r = this.row(code);
    return r ? toRecord(r) : undefined;
  }

  private mustGet(code: string): Row {
    const r = this.row(code);
    if (!r) throw new AppError('not-found', `没有工号为 ${code} 的操作员`);
    return r;
  }

  async add(op: NewOperator): Promise<OperatorRecord> {
    if (this.row(op.code)) throw new AppError('duplicate', `工号 ${op.code} 已存在`);
    const hash = await hashPassword(op.password, this.scrypt);
    const now = this.now();
    try {
      this.db
        .prepare('INSERT INTO operators (code, name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(op.code, op.name, op.role, hash, now, now);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new AppError('duplicate', `工号 ${op.code} 已存在`);
      throw err;
    }
    return this.get(op.code)!;
  }

  /** The first administrator: written only while the table is empty (atomically, so two set-ups cannot both win). */
  async addFirstAdmin(op: Omit<NewOperator, 'role'>): Promise<OperatorRecord> {
    if (this.count() > 0) throw setupDone();
    const hash = await hashPassword(op.password, this.scrypt);
    const now = this.now();
    const r = this.db
      .prepare(
        `INSERT INTO operators (code, name, role, password_hash, created_at, updated_at)
         SELECT ?, ?, 'admin', ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM operators)`,
      )
      .run(op.code, op.name, hash, now, now);
    if (r.changes !== 1) throw setupDone();
    return this.get(op.code)!;
  }

  /** Sets a new password and lifts any lockout (an administrator's reset, or the operator's own change). */
  async setPassword(code: string, password: string): Promise<void> {
    const row = this.mustGet(code);
    const hash = await hashPassword(password, this.scrypt);
    this.db
      .prepare('UPDATE operators SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE code = ?')
      .run(hash, this.now(), row.code);
  }

  setDisabled(code: string, disabled: boolean): OperatorRecord {
    const row = this.mustGet(code);
    if (disabled && row.role === 'admin' && !row.disabled && this.enabledAdmins() <= 1) {
      throw new AppError('last-admin', '不能停用唯一的系统管理员，请先添加另一位系统管理员');
    }
    this.db.prepare('UPDATE operators SET disabled = ?, updated_at = ? WHERE code = ?').run(disabled ? 1 : 0, this.now(), row.code);
    return this.get(row.code)!;
  }

  private enabledAdmins(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM operators WHERE role = 'admin' AND disabled = 0`).get() as { n: number }).n;
  }

  /**
   * Checks 工号 + 密码. Unknown 工号 and wrong password fail alike (BAD_CREDENTIALS); a wrong password counts
   * towards the lockout; a locked-out operator is refused with the minutes left, before the password is checked.
   * A disabled operator is told so only after the right password (a guesser learns nothing).
   */
  async verify(code: string, password: string): Promise<Operator> {
    const row = this.row(code);
    if (!row) {
      await verifyPassword(password, await this.dummy());
      throw new SignInRefused('unknown', BAD_CREDENTIALS);
    }
    const minutesLeft = this.lockoutMinutesLeft(row);
    if (minutesLeft > 0) throw new SignInRefused('locked-out', lockedOutMessage(minutesLeft));
    if (!(await verifyPassword(password, row.password_hash))) return this.recordFailure(row.code);
    if (row.disabled) throw new SignInRefused('disabled', '该工号已停用，请联系系统管理员');
    this.db.prepare('UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE code = ?').run(row.code);
    if (needsRehash(row.password_hash, this.scrypt)) await this.setPassword(row.code, password);
    return toOperator(row);
  }

  /** Remembers a good sign-in (not an unlock or an approval). */
  markSignedIn(code: string): void {
    this.db.prepare('UPDATE operators SET last_sign_in_at = ? WHERE code = ?').run(this.now(), code);
  }

  private recordFailure(code: string): never {
    const { maxFailedSignIns, lockoutMinutes } = this.o.lockout;
    const failures = this.db.transaction(() => {
      const r = this.db
        .prepare('UPDATE operators SET failed_attempts = failed_attempts + 1 WHERE code = ? RETURNING failed_attempts')
        .get(code) as { failed_attempts: number };
      if (r.failed_attempts < maxFailedSignIns) return r.failed_attempts;
      const until = new Date(this.o.clock().getTime() + lockoutMinutes * 60_000).toISOString();
      this.db.prepare('UPDATE operators SET failed_attempts = 0, locked_until = ? WHERE code = ?').run(until, code);
      return maxFailedSignIns;
    })();
    if (failures >= maxFailedSignIns) {
      throw new SignInRefused('locked-out', `密码连续错误 ${maxFailedSignIns} 次，${lockedOutMessage(lockoutMinutes)}`, true);
    }
    throw new SignInRefused('wrong-password', BAD_CREDENTIALS);
  }

  private lockoutMinutesLeft(row: Row): number {
    if (!row.locked_until) return 0;
    const ms = new Date(row.locked_until).getTime() - this.o.clock().getTime();
    return ms > 0 ? Math.ceil(ms / 60_000) : 0;
  }

  /** Makes the hash unknown 工号 are checked against now, so even the first such attempt costs one hash. */
  warmUp(): Promise<void> {
    return this.dummy().then(() => undefined);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword('not-a-password-0', this.scrypt);
    return this.dummyHash;
  }
}

function lockedOutMessage(minutes: number): string {
  return `该工号已被锁定，请 ${minutes} 分钟后再试，或请系统管理员重置密码`;
}

function setupDone(): AppError {
  return new AppError('setup-done', '系统管理员已设置，请用已有的工号登录');
}
