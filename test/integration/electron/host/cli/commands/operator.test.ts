/**
 * `counter operator …` run for real (tsx, a temp data dir): passwords from standard input or a hidden
 * terminal prompt (a real pty through `script`), never argv; bad input gives `错误:` and a non-zero exit
 * with nothing written; the result signs in through the same operator store the app uses.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperatorStore } from '../../../../../../electron/services/operators/operator-store';
import { openAppDatabase } from '../../../../../../electron/services/app-schema';
import { ROOT, runCounter, TSX, type CounterRun } from '../../../../../helpers/run-counter';

let dataDir: string;

const counter = (args: string[], stdin = '') => runCounter([...args, '--data', dataDir], { stdin });

/** Runs the CLI on a real terminal (util-linux `script` makes the pty), typing each answer after its prompt. */
function counterOnTerminal(args: string[], answers: string[]): Promise<CounterRun> {
  const cmd = [TSX, 'electron/host/cli/main.ts', ...args, '--data', dataDir].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let prompts = 0;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const seen = (out.match(/密码: /g) ?? []).length;
      while (prompts < seen && prompts < answers.length) child.stdin.write(`${answers[prompts++]}\r`);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: out, stderr: '' }));
  });
}

const store = () => {
  const db = openAppDatabase(dataDir);
  return { db, operators: new OperatorStore(db, { clock: () => new Date(), lockout: { maxFailedSignIns: 5, lockoutMinutes: 15 } }) };
};

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-operator-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Each test runs the real CLI several times (a tsx start each): seconds apiece on a loaded machine.
describe('counter operator', { timeout: 90_000 }, () => {
  it('adds an operator with the password from standard input; it signs in and the audit names the CLI user', async () => {
    const r = await counter(['operator', 'add', 'admin', '--name', '管理员', '--role', 'admin'], 'pass1234\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已添加操作员 admin（管理员，系统管理员）');
    const { db, operators } = store();
    try {
      expect(await operators.verify('admin', 'pass1234')).toEqual({ code: 'admin', name: '管理员', role: 'admin' });
      const audit = db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'operators.add'").all() as Array<{ actor: string; detail: string }>;
      expect(audit).toEqual([{ actor: `os:${os.userInfo().username}`, detail: JSON.stringify({ code: 'admin', name: '管理员', osUser: os.userInfo().username, role: 'admin' }) }]);
    } finally {
      db.close();
    }
  });

  it('takes the role by its Chinese label too, and lists operators', async () => {
    expect((await counter(['operator', 'add', 'op001', '--name', '柜员一', '--role', '柜员'], 'pass1234\n')).code).toBe(0);
    const list = await counter(['operator', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/admin\t管理员\t系统管理员\t正常\t从未登录/);
    expect(list.stdout).toMatch(/op001\t柜员一\t柜员\t正常/);
    const json = JSON.parse((await counter(['operator', 'list', '--json'])).stdout) as Array<{ code: string; role: string }>;
    expect(json.map((o) => [o.code, o.role])).toEqual([['admin', 'admin'], ['op001', 'clerk']]);
  });

  it('refuses bad input with 错误: and a non-zero exit, writing nothing', async () => {
    const cases: Array<[string[], string, RegExp]> = [
      [['operator', 'add', 'x', '--name', '某', '--role', 'clerk'], 'pass1234\n', /^错误: 工号: 工号应为 2–20 位/],
      [['operator', 'add', 'op002', '--name', '某', '--role', 'root'], 'pass1234\n', /^错误: 未知的角色 root，可选: clerk \(柜员\)/],
      [['operator', 'add', 'op002', '--name', '某', '--role', 'clerk'], 'short\n', /^错误: 密码: 密码至少 8 位; 密码应包含数字/],
      [['operator', 'add', 'op002', '--name', '某', '--role', 'clerk'], '', /^错误: 没有读到密码/],
      [['operator', 'add', 'op002', '--name', '某', '--role', 'clerk', '--password', 'pass1234'], '', /^错误: 密码不能写在命令行上/],
      [['operator', 'add', 'OP001', '--name', '某', '--role', 'clerk'], 'pass1234\n', /^错误: 工号 OP001 已存在/],
      [['operator', 'passwd', 'nobody'], 'pass1234\n', /^错误: 没有工号为 nobody 的操作员/],
      [['operator', 'disable', 'admin'], '', /^错误: 不能停用唯一的系统管理员/],
    ];
    for (const [args, stdin, message] of cases) {
      const r = await counter(args, stdin);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.code, args.join(' ')).toBe(1);
    }
    const { db, operators } = store();
    try {
      expect(operators.list().map((o) => o.code)).toEqual(['admin', 'op001']);
      expect(operators.get('admin')?.disabled).toBe(false);
    } finally {
      db.close();
    }
  });

  it('resets a locked-out operator’s password, and disables and re-enables them', async () => {
    const { db, operators } = store();
    try {
      for (let i = 0; i < 5; i++) await operators.verify('op001', 'wrong999').catch(() => undefined);
      expect(operators.get('op001')?.lockedUntil).not.toBeNull();
    } finally {
      db.close();
    }
    expect((await counter(['operator', 'list'])).stdout).toMatch(/op001\t柜员一\t柜员\t锁定至 /);
    expect(await counter(['operator', 'passwd', 'op001'], 'newpass99\n')).toMatchObject({ code: 0, stdout: '已重设 op001 的密码\n' });
    expect(await counter(['operator', 'disable', 'op001'])).toMatchObject({ code: 0 });
    expect((await counter(['operator', 'list'])).stdout).toMatch(/op001\t柜员一\t柜员\t已停用/);
    expect(await counter(['operator', 'enable', 'op001'])).toMatchObject({ code: 0 });
    const again = store();
    try {
      expect(await again.operators.verify('op001', 'newpass99')).toMatchObject({ code: 'op001' });
    } finally {
      again.db.close();
    }
  });

  it('prompts twice on a terminal without echoing the password, and refuses two different answers', async () => {
    const typed = await counterOnTerminal(['operator', 'add', 'sup01', '--name', '主管一', '--role', 'supervisor'], ['secret777', 'secret777']);
    expect(typed.stdout).toContain('再次输入密码: ');
    expect(typed.stdout).not.toContain('secret777');
    expect(typed.stdout).toContain('已添加操作员 sup01');
    expect(typed.code).toBe(0);
    const mismatch = await counterOnTerminal(['operator', 'passwd', 'sup01'], ['secret888', 'secret999']);
    expect(mismatch.stdout).toContain('错误: 两次输入的密码不一致');
    expect(mismatch.code).not.toBe(0);
    const { db, operators } = store();
    try {
      expect(await operators.verify('sup01', 'secret777')).toMatchObject({ role: 'supervisor' });
    } finally {
      db.close();
    }
  });
});
