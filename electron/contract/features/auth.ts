/**
 * Operators, sign-in and roles. A transport connection starts signed out; only the methods marked
 * public below pass until an operator signs in. The first start has no operator: auth.setupAdmin creates
 * the administrator (once). Roles: clerk (柜员), supervisor (复核/主管), kiosk (自助终端), admin (系统管理员);
 * which role reaches which method is decided in electron/contract/access-policy.ts. There is no push event for
 * sign-in changes: auth.status is cheap and does not count as activity, so the renderer polls it to show the
 * lock screen, and every refused call carries AUTH_ERROR.locked / .required.
 */
import { z } from 'zod';
import { method } from '../spec';

const None = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const OPERATOR_ROLES = ['clerk', 'supervisor', 'kiosk', 'admin'] as const;
export const OperatorRole = z.enum(OPERATOR_ROLES, { message: '未知的角色' });
export type OperatorRole = z.infer<typeof OperatorRole>;
export const ROLE_LABEL: Record<OperatorRole, string> = { clerk: '柜员', supervisor: '主管', kiosk: '自助终端', admin: '系统管理员' };

/** Stable codes of the refusals dispatch gives before a handler runs (the renderer switches on them). */
export const AUTH_ERROR = {
  /** No operator signed in on this connection: show the sign-in (or first-run set-up) screen. */
  required: 'auth-required',
  /** Signed in but locked (by auth.lock or idling): show the lock screen. */
  locked: 'auth-locked',
  /** The signed-in role may not call this method. */
  forbidden: 'forbidden',
} as const;

/** 工号: what an operator code may look like, wherever one is accepted (contract, CLI flags). */
export const OPERATOR_CODE_PATTERN = /^[A-Za-z0-9_-]{2,20}$/;
export const OperatorCode = z
  .string()
  .trim()
  .regex(OPERATOR_CODE_PATTERN, '工号应为 2–20 位字母、数字、下划线或连字符');
export const OperatorName = z.string().trim().min(1, '请填写姓名').max(30, '姓名过长');
/** At least 8 characters with a letter and a digit; at most 128 (scrypt input stays bounded). */
export const NewPassword = z
  .string()
  .min(8, '密码至少 8 位')
  .max(128, '密码过长')
  .regex(/[A-Za-z]/, '密码应包含字母')
  .regex(/\d/, '密码应包含数字');
const Password = z.string().min(1, '请输入密码').max(128, '密码过长');
const SignInCode = z.string().trim().min(1, '请输入工号').max(20, '工号过长');

/** A supervisor's approval given at the clerk's counter (工号 + 密码, checked server-side), e.g. for 容缺受理. */
export const SupervisorApproval = z.object({ code: SignInCode, password: Password }).strict();
export type SupervisorApproval = z.infer<typeof SupervisorApproval>;

export const Operator = z.object({ code: z.string(), name: z.string(), role: OperatorRole });
export type Operator = z.infer<typeof Operator>;

export const OperatorRecord = Operator.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OperatorRecord = z.infer<typeof OperatorRecord>;

export const AuthStatus = z.object({
  /** No operator exists yet: the first-run administrator set-up is shown. */
  setupRequired: z.boolean(),
  operator: Operator.nullable(),
  locked: z.boolean(),
  /** Seconds of inactivity before the session auto-locks (0 = never). */
  idleLockSeconds: z.number().int().min(0),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

export const authMethods = {
  'auth.status': method(None, AuthStatus, 'Who is signed in on this connection, and whether first-run set-up is needed'),
  'auth.setupAdmin': method(
    z.object({ code: OperatorCode, name: OperatorName, password: NewPassword }).strict(),
    Operator,
    'First start only: create the administrator and sign in',
  ),
  'auth.signIn': method(z.object({ code: SignInCode, password: Password }).strict(), Operator, 'Sign in (lockout after repeated failures)'),
  'auth.signOut': method(None, Ok, 'Sign out at shift end (also signs the platform out, 9002)'),
  'auth.lock': method(None, Ok, 'Lock this session now (also done automatically when idle)'),
  'auth.touch': method(None, Ok, 'The operator is active on the screen (typing a long form): keeps the session from idling'),
  'auth.unlock': method(z.object({ password: Password }).strict(), Operator, 'Unlock the locked session with the same operator’s password'),
  'auth.changePassword': method(z.object({ oldPassword: Password, newPassword: NewPassword }).strict(), Ok, 'Change the signed-in operator’s password'),
  'operators.list': method(None, z.array(OperatorRecord), 'All operators (admin)'),
  'operators.add': method(
    z.object({ code: OperatorCode, name: OperatorName, role: OperatorRole, password: NewPassword }).strict(),
    OperatorRecord,
    'Add an operator (admin)',
  ),
  'operators.setPassword': method(z.object({ code: OperatorCode, password: NewPassword }).strict(), Ok, 'Reset an operator’s password (admin)'),
  'operators.setDisabled': method(z.object({ code: OperatorCode, disabled: z.boolean() }).strict(), OperatorRecord, 'Disable or re-enable an operator (admin)'),
};
