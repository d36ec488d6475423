/**
 * The desk's services through the composition root: 受理 latency (validation, materials, case + details +
 * outbox in one transaction) for 特门 and 零星报销 (with the engine and accumulators over the person's
 * settled claims), and the 办件记录 read for a person with many cases. The uploader runs meanwhile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../electron/host/app';
import { defaultDeviceFactories } from '../../electron/host/default-devices';
import { call } from '../../electron/host/dispatch';
import type { BenchRow } from './run';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const ms = (n: number) => `${n.toFixed(2)} ms`;

export async function run(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cases-'));
  const app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  try {
    const who = await call(app.handlers, 'person.lookup', { certType: '02', certNo: '990103195011080031' });
    const psnNo = who.person.psn_no;
    const insuplcAdmdvs = who.person.insuinfo[0].insuplc_admdvs;
    const special: number[] = [];
    const codes = ['M03900', 'M01600', 'M05300', 'M04600', 'M07803', 'M07804', 'M00503', 'M08300', 'M02101', 'M02500', 'M01200', 'M00105'];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await call(app.handlers, 'cases.accept', {
        kind: 'special-disease',
        psnNo,
        insuplcAdmdvs,
        materials: ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'],
        form: {
          insutype: '390',
          diseaseCode: codes[i % codes.length],
          hospitalCode: 'H1',
          hospitalName: '示例医院',
          assessedOn: '2026-01-01',
          doctorCode: 'D1',
          doctorName: '医生',
          begndate: `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + Math.floor(i / 10)).padStart(2, '0')}`,
          enddate: '',
          tel: '13800000001',
          addr: '',
        },
      });
      special.push(performance.now() - t);
    }
    const claims: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await call(app.handlers, 'cases.accept', {
        kind: 'reimbursement',
        psnNo,
        insuplcAdmdvs,
        materials: ['id-document', 'rb-invoices', 'rb-fee-list', 'rb-diagnosis', 'rb-bank-account', 'id-copy'],
        form: {
          insutype: '390',
          reason: '01',
          hospitalCode: 'H1',
          hospitalName: '示例医院',
          hospitalLevel: '2',
          visitType: 'outpatient',
          begndate: '2026-03-01',
          enddate: '2026-03-01',
          outOfArea: 'none',
          diseaseCode: '',
          retired: null,
          items: Array.from({ length: 20 }, (_, k) => ({ name: `项目${k}`, category: (['甲', '乙', '丙'] as const)[k % 3], amount: '12.34', overLimit: '', selfPayRatio: '' })),
          invoices: [{ code: 'B0001', no: String(100000 + i), amount: '246.80' }],
          memo: '',
        },
      });
      claims.push(performance.now() - t);
    }
    const reads: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await call(app.handlers, 'cases.history', { psnNo });
      reads.push(performance.now() - t);
    }
    return [
      { benchmark: 'cases: 特门 受理 (p50 / p95)', result: `${ms(pct(special, 50))} / ${ms(pct(special, 95))}`, goal: 'p95 < 50 ms', ok: pct(special, 95) < 50 },
      {
        benchmark: 'cases: 零星报销 受理, 20 items, up to 200 settled claims folded (p50 / p95)',
        result: `${ms(pct(claims, 50))} / ${ms(pct(claims, 95))}`,
        goal: 'p95 < 100 ms',
        ok: pct(claims, 95) < 100,
      },
      { benchmark: 'cases: 办件记录 of a person with 400 cases (p50)', result: ms(pct(reads, 50)), goal: '< 200 ms', ok: pct(reads, 50) < 200 },
    ];
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
