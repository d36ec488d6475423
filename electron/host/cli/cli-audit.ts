/**
 * The CLI's audit rows: every `counter` command that shows a person's data or changes the queue appends to the
 * same chain as the app (transport 'cli'). The actor is `--operator CODE` when given, otherwise the OS user
 * (`os:<name>`); the OS user is kept in every row either way, since `--operator` is only what the caller says.
 * The caller id is this process (`cli-<pid>-<random>`), so an inspector sees which rows one run wrote.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Command } from 'commander';
import { OPERATOR_CODE_PATTERN } from '../../contract/features/auth';
import { AuditLog } from '../../services/audit/audit-log';
import { auditKeyOf } from '../../services/audit/audit-key';
import type { Db } from '../../services/store/database';
import { CliError } from './cli-error';

export interface CliAudit {
  record(action: string, detail?: Record<string, unknown>): void;
  readonly log: AuditLog;
}

const RUN_ID = `cli-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;

export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** Adds `--operator <code>` (who is running this, for the audit trail) to a command. */
export function withOperatorOption(cmd: Command): Command {
  return cmd.option('--operator <code>', '操作人工号 (记入审计日志；默认为当前系统用户)');
}

export function cliActor(operator: string | undefined): string {
  if (operator === undefined) return `os:${osUser()}`;
  if (!OPERATOR_CODE_PATTERN.test(operator)) throw new CliError('--operator 应为 2–20 位字母、数字、下划线或连字符');
  return operator;
}

/** An audit writer for a CLI command on an open app database (the chain's key lives in that database). */
export function cliAudit(db: Db, operator: string | undefined): CliAudit {
  const actor = cliActor(operator);
  const log = new AuditLog(db, () => new Date(), auditKeyOf(db));
  const user = osUser();
  return {
    log,
    record: (action, detail = {}) => log.record(actor, action, { ...detail, osUser: user }, { callerId: RUN_ID, transport: 'cli' }),
  };
}
