/**
 * The 办件 work list over 100,000 cases (a year of a busy desk) in an encrypted app database: every kind of
 * search the screen offers, through searchCases (SQL + rows as the screen gets them), against a bare indexed
 * query (200 rows by the date index, nothing joined) to show what the joins and filters cost on top.
 * Goal: ≤ 50 ms per search (median of 40; p95 printed beside it — on a shared machine it carries the neighbours' load).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAppDatabase } from '../../electron/services/app-schema';
import { reverseIdNumber } from '../../electron/services/cases/case-schema';
import { searchCases } from '../../electron/services/desk/case-list';
import type { CaseSearch } from '../../electron/contract/features/worklist';
import { WORKLIST_CACHE_KIB } from '../../electron/host/features/worklist';
import type { BenchRow } from './run';

const N = 100_000;
const RUNS = 40;
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力国庆春梅雪林志宏海波'];
const KINDS = ['special-disease', 'remote-registration', 'reimbursement'] as const;

/** A deterministic pseudo-random sequence, so every run searches the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

function time(fn: () => unknown): { median: number; p95: number } {
  for (let i = 0; i < 3; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return { median: pct(t, 50), p95: pct(t, 95) };
}

export async function run(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-worklist-'));
  const db = openAppDatabase(dataDir);
  try {
    const r = rng(2026);
    const end = Date.parse('2026-12-03T08:00:00Z');
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const sample = { name: '', id: '', caseNo: '', operator: 'op007' };
    db.transaction(() => {
      const insCase = db.prepare(
        `INSERT INTO cases (id, case_no, kind, business_key, psn_no, payload, state, created_at, updated_at, created_by, created_by_name)
         VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?)`,
      );
      const insDetails = db.prepare(
        `INSERT INTO case_details (case_id, applicant_name, applicant_id_masked, summary, office, clerk_name, items, materials,
                                   pending_materials, pending_deadline, committed_date, applicant_id_rev)
         VALUES (?, ?, ?, ?, '示例医保服务中心', ?, '[]', '[]', ?, ?, '2026-12-31', ?)`,
      );
      const insOutbox = db.prepare(`INSERT INTO outbox (case_id, infno, state, next_attempt_at, created_at, updated_at) VALUES (?, '2503', ?, ?, ?, ?)`);
      for (let i = 1; i <= N; i++) {
        // Newest last, a year back, ~275 a day.
        const at = new Date(end - (N - i) * ((365 * 86_400_000) / N)).toISOString();
        const day = at.slice(0, 10).replace(/-/g, '');
        const caseNo = `990100001${day}${String(i).padStart(6, '0')}`;
        const name = pick(SURNAMES) + pick(GIVEN) + (r() < 0.6 ? pick(GIVEN) : '');
        const id = `${String(110101 + Math.floor(r() * 900)).padStart(6, '0')}19${String(40 + Math.floor(r() * 60))}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}${String(1 + Math.floor(r() * 28)).padStart(2, '0')}${String(Math.floor(r() * 10000)).padStart(4, '0')}`;
        const roll = r();
        const state = roll < 0.9 ? 'filed' : roll < 0.95 ? 'accepted' : roll < 0.98 ? 'needs-clerk' : 'cancelled';
        const pending = state === 'accepted' && r() < 0.4;
        const op = `op${String(1 + Math.floor(r() * 20)).padStart(3, '0')}`;
        insCase.run(i, caseNo, pick(KINDS), `k${i}`, `P${i}`, state, at, at, op, `柜员${op.slice(-2)}`);
        insDetails.run(i, name, `${id.slice(0, 6)}********${id.slice(-4)}`, '门诊慢特病备案', `柜员${op.slice(-2)}`, pending ? '["近期一寸免冠照片"]' : null, pending ? '2026-12-10' : null, reverseIdNumber(id));
        insOutbox.run(i, state === 'filed' || state === 'cancelled' ? 'done' : state === 'needs-clerk' ? 'needs-clerk' : 'pending', at, at, at);
        if (i === Math.floor(N / 3)) Object.assign(sample, { name, id, caseNo });
      }
    })();
    db.exec('ANALYZE');
    // As the app's connection runs (the work list feature sets its page cache).
    db.pragma(`cache_size = -${WORKLIST_CACHE_KIB}`);

    const today = '2026-12-03';
    const searches: Array<[string, CaseSearch]> = [
      ["today's cases (the default)", { from: today, to: today }],
      ['full name, all dates', { text: sample.name }],
      ['surname, all dates', { text: sample.name.slice(0, 1) }],
      ['ID number, last 4', { text: sample.id.slice(-4) }],
      ['ID number, full', { text: sample.id }],
      ['办件编号', { text: sample.caseNo }],
      ['办件编号 part (daily sequence)', { text: sample.caseNo.slice(-9) }],
      ['30 days + service + state', { from: '2026-11-04', to: today, kind: 'reimbursement', state: 'filed' }],
      ['operator, 7 days', { from: '2026-11-27', to: today, operator: sample.operator }],
      ['需人工处理, all dates', { state: 'needs-clerk' }],
      ['容缺待补齐, all dates', { state: 'pending-materials' }],
    ];
    const bareSql = db.prepare(`SELECT id, case_no FROM cases INDEXED BY cases_created WHERE created_at >= ? ORDER BY created_at DESC LIMIT 200`);
    const bare = time(() => bareSql.all('2026-01-01T00:00:00.000Z'));
    const rows: BenchRow[] = [
      { benchmark: `worklist: bare indexed query (200 rows by date, ${N.toLocaleString('en')} cases)`, result: `median ${bare.median.toFixed(3)} ms` },
    ];
    for (const [label, q] of searches) {
      let found = 0;
      const t = time(() => (found = searchCases(db, q).rows.length));
      rows.push({
        benchmark: `worklist: ${label} (${found} rows)`,
        result: `median ${t.median.toFixed(2)} ms = ${(t.median / bare.median).toFixed(1)}× bare, p95 ${t.p95.toFixed(2)} ms`,
        goal: '≤ 50 ms',
        ok: t.median <= 50,
      });
    }
    return rows;
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
