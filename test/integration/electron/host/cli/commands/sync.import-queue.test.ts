/** `counter import`, `counter queue`, `counter sync` run for real as child processes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../../../electron/services/platform/simulator';
import { counter } from '../../../../../helpers/run-tsx';
import { specialDiseaseFixtures } from '../../../../../helpers/outbox-fixtures';

describe('counter import / queue / sync', () => {
  let dir: string;
  let sim: PlatformSimulator;
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const records = specialDiseaseFixtures(3).map((f) => ({ ...f, collectedBy: '村卫生室 李四', collectedAt: '2026-03-01T09:30:00+08:00' }));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-cli-'));
    sim = await startPlatformSimulator({ port: 0, dbFile: path.join(dir, 'sim.db') });
  });
  afterAll(async () => {
    await sim?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the whole file, listing every bad line in Chinese, and imports nothing', async () => {
    const data = path.join(dir, 'd1');
    const bad = { ...records[1], payload: { ...records[1].payload, begndate: '2026/01/01' } };
    const file = write(
      'bad.jsonl',
      [JSON.stringify(records[0]), JSON.stringify(bad), '{not json', '', JSON.stringify({ ...records[2], kind: 'haircut' }), JSON.stringify(records[0])].join('\n'),
    );
    const r = await counter(['import', file, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第 2 行: payload.begndate: 日期格式应为 yyyy-MM-dd');
    expect(r.stderr).toContain('第 3 行: 不是合法的 JSON');
    expect(r.stderr).toMatch(/第 5 行: kind: 应为 special-disease/);
    expect(r.stderr).toContain('第 6 行: 与第 1 条是同一业务');
    expect(r.stderr).toContain('错误: 导入被拒绝: 4 处问题，未导入任何记录');
    const q = await counter(['queue', '--data', data]);
    expect(JSON.parse(q.stdout)).toMatchObject({ total: 0 });
  });

  it('imports a JSON array atomically, refuses a re-import as duplicates, queue counts, sync delivers', async () => {
    const data = path.join(dir, 'd2');
    const file = write('good.json', JSON.stringify(records, null, 2));
    const r = await counter(['import', file, '--data', data, '--clerk', 'clerk07', '--site', '003']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { accepted: number; cases: Array<{ line: number; caseNo: string; businessKey: string }> };
    expect(out.accepted).toBe(3);
    expect(out.cases[0].caseNo).toMatch(/^990100003\d{8}000001$/);
    expect(out.cases[0].businessKey).toBe(`${records[0].psnNo}|${records[0].payload.opsp_dise_code}|${records[0].payload.begndate}`);

    const again = await counter(['import', file, '--data', data]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/第 1 条: 该门诊慢特病备案已受理，不能重复受理/);
    expect(again.stderr).toContain('3 处问题');

    const q = await counter(['queue', '--data', data]);
    expect(q.code).toBe(0);
    expect(JSON.parse(q.stdout)).toEqual({ pending: 3, 'in-flight': 0, done: 0, retry: 0, 'needs-clerk': 0, unknown: 0, total: 3 });

    const s = await counter(['sync', '--once', '--data', data, '--platform', sim.url]);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ done: 3, open: 0, counts: { done: 3, total: 3 } });
    expect(sim.state().records['special-disease']).toBe(3);

    const list = await counter(['queue', '--data', data, '--state', 'done']);
    expect((JSON.parse(list.stdout) as { items: unknown[] }).items).toHaveLength(3);
  });

  it('rejects bad options and an unreadable file with a clear message', async () => {
    const data = path.join(dir, 'd3');
    const missing = await counter(['import', path.join(dir, 'nope.jsonl'), '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/错误: 无法读取导入文件 .*ENOENT/);
    const badUrl = await counter(['sync', '--once', '--data', data, '--platform', 'ftp://x']);
    expect(badUrl.stderr).toContain('错误: 平台地址不合法');
    const badState = await counter(['queue', '--data', data, '--state', 'lost']);
    expect(badState.stderr).toContain('错误: 未知的队列状态: lost');
    const empty = await counter(['import', write('empty.jsonl', '\n\n'), '--data', data]);
    expect(empty.stderr).toContain('文件中没有任何记录');
  });

  it('sync with the platform down keeps every case and says so', async () => {
    const data = path.join(dir, 'd4');
    await counter(['import', write('one.jsonl', JSON.stringify(specialDiseaseFixtures(1, 5)[0])), '--data', data]);
    const s = await counter(['sync', '--once', '--data', data, '--platform', 'http://127.0.0.1:9/fsi']);
    expect(s.code).toBe(0);
    expect(s.stderr).toContain('医保平台连接中断');
    expect(JSON.parse(s.stdout)).toMatchObject({ online: false, counts: { total: 1, done: 0 } });
  });
});
