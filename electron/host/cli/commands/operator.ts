/**
 * `counter operator add|passwd|disable|enable|list [--data DIR]`: the workstation's operators from the
 * command line (e.g. the first administrator on a machine set up by script, or a reset when every
 * administrator is locked out). Passwords come from standard input or a hidden terminal prompt, never argv.
 * Input is checked by the same schemas as the 操作员 screen; each change is written to the audit log.
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { NewPassword, OperatorCode, OperatorName, OperatorRole, ROLE_LABEL, type OperatorRecord } from '../../../contract/features/auth';
import { OperatorStore } from '../../../services/operators/operator-store';
import { openAppDatabase } from '../../../services/app-schema';
import { defaultDataDir } from '../../../services/store/data-dir';
import { loadConfig } from '../../config';
import { cliAudit } from '../cli-audit';
import { CliError } from '../cli-error';
import { readNewPassword } from '../secret-input';
import type { CommandModule } from './index';

interface DataOption {
  data?: string;
}

function valid<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new CliError(`${what}: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

/** A role by its id (clerk) or its Chinese label (柜员). */
function parseRole(value: string): OperatorRole {
  const byLabel = (Object.entries(ROLE_LABEL) as Array<[OperatorRole, string]>).find(([, label]) => label === value.trim());
  const role = byLabel ? byLabel[0] : value.trim();
  const r = OperatorRole.safeParse(role);
  if (!r.success) {
    const choices = (Object.entries(ROLE_LABEL) as Array<[OperatorRole, string]>).map(([id, label]) => `${id} (${label})`).join('、');
    throw new CliError(`未知的角色 ${value}，可选: ${choices}`);
  }
  return r.data;
}

/** Opens the data directory's database and runs `fn` with the operator store and an audit actor for this user. */
async function withOperators<T>(o: DataOption, fn: (store: OperatorStore, audit: (action: string, detail: Record<string, unknown>) => void) => Promise<T> | T): Promise<T> {
  const dataDir = o.data ?? defaultDataDir();
  const config = loadConfig(dataDir);
  const db = openAppDatabase(dataDir);
  const clock = () => new Date();
  const trail = cliAudit(db, undefined);
  try {
    return await fn(new OperatorStore(db, { clock, lockout: config.security }), (action, detail) => trail.record(action, detail));
  } finally {
    db.close();
  }
}

const refuseArgvPassword = () => {
  throw new CliError('密码不能写在命令行上（会留在命令历史和进程列表中）：请通过标准输入传入，或在终端中按提示输入');
};

function describe(r: OperatorRecord): string {
  const state = r.disabled ? '已停用' : r.lockedUntil && r.lockedUntil > new Date().toISOString() ? `锁定至 ${r.lockedUntil}` : '正常';
  return `${r.code}\t${r.name}\t${ROLE_LABEL[r.role]}\t${state}\t${r.lastSignInAt ?? '从未登录'}`;
}

function addDataOption(cmd: Command): Command {
  return cmd.option('--data <dir>', '数据目录 (默认为本机应用数据目录)');
}

export const operatorCommand: CommandModule = {
  register(program) {
    const operator = program.command('operator').description('管理操作员: 添加、改密码、停用/启用、列出');

    addDataOption(
      operator
        .command('add <code>')
        .description('添加操作员（密码从标准输入读取，或在终端中提示输入）')
        .requiredOption('--name <name>', '姓名')
        .requiredOption('--role <role>', '角色: clerk 柜员、supervisor 主管、kiosk 自助终端、admin 系统管理员')
        .option('--password <password>', '（不支持：密码不能写在命令行上）'),
    ).action(async (code: string, o: DataOption & { name: string; role: string; password?: string }) => {
      if (o.password !== undefined) refuseArgvPassword();
      const rec = {
        code: valid(OperatorCode, code, '工号'),
        name: valid(OperatorName, o.name, '姓名'),
        role: parseRole(o.role),
      };
      const password = valid(NewPassword, await readNewPassword('密码'), '密码');
      await withOperators(o, async (store, audit) => {
        const added = await store.add({ ...rec, password });
        audit('operators.add', { code: added.code, name: added.name, role: added.role });
        process.stdout.write(`已添加操作员 ${added.code}（${added.name}，${ROLE_LABEL[added.role]}）\n`);
      });
    });

    addDataOption(
      operator
        .command('passwd <code>')
        .description('重设操作员密码并解除锁定（新密码从标准输入读取，或在终端中提示输入）')
        .option('--password <password>', '（不支持：密码不能写在命令行上）'),
    ).action(async (code: string, o: DataOption & { password?: string }) => {
      if (o.password !== undefined) refuseArgvPassword();
      const c = valid(OperatorCode, code, '工号');
      await withOperators(o, async (store, audit) => {
        if (!store.get(c)) throw new CliError(`没有工号为 ${c} 的操作员`);
        const password = valid(NewPassword, await readNewPassword(), '密码');
        await store.setPassword(c, password);
        audit('operators.set-password', { code: c });
        process.stdout.write(`已重设 ${c} 的密码\n`);
      });
    });

    for (const [name, disabled, description] of [
      ['disable', true, '停用操作员（其已登录的会话在下一次操作时结束）'],
      ['enable', false, '重新启用操作员'],
    ] as const) {
      addDataOption(operator.command(`${name} <code>`).description(description)).action(async (code: string, o: DataOption) => {
        const c = valid(OperatorCode, code, '工号');
        await withOperators(o, (store, audit) => {
          const rec = store.setDisabled(c, disabled);
          audit(disabled ? 'operators.disable' : 'operators.enable', { code: rec.code });
          process.stdout.write(`${disabled ? '已停用' : '已启用'}操作员 ${rec.code}（${rec.name}）\n`);
        });
      });
    }

    addDataOption(operator.command('list').description('列出操作员（工号、姓名、角色、状态、最近登录）').option('--json', '输出 JSON')).action(
      async (o: DataOption & { json?: boolean }) => {
        await withOperators(o, (store) => {
          const all = store.list();
          if (o.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
          else if (all.length === 0) process.stdout.write('还没有操作员: 首次启动时在界面上设置系统管理员，或运行 counter operator add\n');
          else process.stdout.write(`工号\t姓名\t角色\t状态\t最近登录\n${all.map(describe).join('\n')}\n`);
        });
      },
    );
  },
};
