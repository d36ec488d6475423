/**
 * The desk in real Chromium against browser mode (the real host, its simulated ID reader and embedded platform
 * simulator on loopback), timed by the renderer's own performance marks (renderer/src/perf-marks.ts) read back
 * with `performance.measure` in the page:
 * - F2 → the card's person on the 参保人 panel, → the platform's 参保信息 (1101), → the person panel's 本年待遇
 *   and 备案 (person.overview); each run places the card, presses F2 and waits for the last mark;
 * - 零星报销 试算: click → result shown (the marks), and reimbursement.calculate through the host alone (the same
 *   call the page made, replayed on a second bridge socket of the same session: WebSocket + dispatch + engine).
 * Median and p95 over the runs, after warm-up. Needs `npm run build` (browser mode serves out/renderer).
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { DESK_MARKS } from '../../renderer/src/perf-marks';
import { openDesk } from '../helpers/browser';
import { fillReimbursement } from '../helpers/desk-flows';
import type { BenchRow } from './run';

const WARMUP = 3;
const READ_RUNS = 20;
const CALC_RUNS = 30;
const HOST_RUNS = 50;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const summary = (xs: number[]) => `median ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms (n = ${xs.length})`;

async function waitForMark(page: Page, name: string): Promise<void> {
  await page.waitForFunction((m) => performance.getEntriesByName(m, 'mark').length > 0, name, { timeout: 30_000, polling: 'raf' });
}

/** Duration from `from` to each of `to`, by performance.measure in the page. */
function measure(page: Page, from: string, to: string[]): Promise<number[]> {
  return page.evaluate(
    ([start, ends]) => ends.map((end) => performance.measure(`bench ${start} → ${end}`, start, end).duration),
    [from, to] as const,
  );
}

async function f2Runs(page: Page): Promise<{ person: number[]; insured: number[]; overview: number[] }> {
  const out = { person: [] as number[], insured: [] as number[], overview: [] as number[] };
  for (let i = 0; i < WARMUP + READ_RUNS; i++) {
    await page.getByTestId('sim-place').click();
    await page.waitForTimeout(300); // the card lies on the reader before the clerk presses F2
    await page.evaluate(() => (performance.clearMarks(), performance.clearMeasures()));
    await page.keyboard.press('F2');
    await waitForMark(page, DESK_MARKS.overview);
    const [person, insured, overview] = await measure(page, DESK_MARKS.read, [DESK_MARKS.person, DESK_MARKS.insured, DESK_MARKS.overview]);
    if (i < WARMUP) continue;
    out.person.push(person);
    out.insured.push(insured);
    out.overview.push(overview);
  }
  return out;
}

async function calcClickRuns(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < WARMUP + CALC_RUNS; i++) {
    await page.evaluate(() => (performance.clearMarks(), performance.clearMeasures()));
    await page.getByTestId('calculate').click();
    await waitForMark(page, DESK_MARKS.calculation);
    const [ms] = await measure(page, DESK_MARKS.calculate, [DESK_MARKS.calculation]);
    if (i >= WARMUP) out.push(ms);
  }
  return out;
}

/** Replays the page's own reimbursement.calculate message on a second socket of the tab's bridge session. */
function hostRuns(page: Page, message: string): Promise<number[]> {
  return page.evaluate(
    async ([msg, runs, warmup]) => {
      const ws = new WebSocket(`ws://${location.host}/bridge`);
      const replies = new Map<number, () => void>();
      let welcomed!: () => void;
      const welcome = new Promise<void>((resolve) => (welcomed = resolve));
      ws.onmessage = (ev) => {
        const m = JSON.parse(String(ev.data)) as { welcome?: unknown; id?: number; result?: { ok: boolean; error?: unknown } };
        if (m.welcome) welcomed();
        else if (typeof m.id === 'number' && m.result) {
          if (!m.result.ok) throw new Error(`reimbursement.calculate refused: ${JSON.stringify(m.result.error)}`);
          replies.get(m.id)?.();
        }
      };
      await new Promise((resolve) => (ws.onopen = resolve));
      ws.send(JSON.stringify({ hello: { session: sessionStorage.getItem('counter.bridgeSession') } }));
      await welcome;
      const { method, input } = JSON.parse(msg) as { method: string; input: unknown };
      const times: number[] = [];
      for (let i = 0; i < warmup + runs; i++) {
        const id = 1_000_000 + i;
        const done = new Promise<void>((resolve) => replies.set(id, resolve));
        const t0 = performance.now();
        ws.send(JSON.stringify({ id, method, input }));
        await done;
        if (i >= warmup) times.push(performance.now() - t0);
      }
      ws.close();
      return times;
    },
    [message, HOST_RUNS, WARMUP] as const,
  );
}

export async function run(): Promise<BenchRow[]> {
  if (!fs.existsSync('out/renderer/index.html')) return [{ benchmark: 'desk in Chromium', result: 'skipped: run `npm run build` first (browser mode serves out/renderer)' }];
  let calcMessage: string | null = null;
  const desk = await openDesk(
    { width: 1366, height: 768 },
    {
      beforeGoto: async (page) => {
        page.on('websocket', (ws) =>
          ws.on('framesent', (f) => {
            if (typeof f.payload === 'string' && f.payload.includes('"reimbursement.calculate"')) calcMessage = f.payload;
          }),
        );
      },
    },
  );
  try {
    const { page } = desk;
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    const reads = await f2Runs(page);
    await fillReimbursement(page);
    const clicks = await calcClickRuns(page);
    if (!calcMessage) throw new Error('the page sent no reimbursement.calculate');
    const host = await hostRuns(page, calcMessage);
    return [
      { benchmark: 'desk: F2 → 参保人 shown (card read, Chromium)', result: summary(reads.person) },
      { benchmark: 'desk: F2 → 参保信息 shown (+ 1101 on loopback)', result: summary(reads.insured) },
      { benchmark: 'desk: F2 → person panel complete (+ person.overview)', result: summary(reads.overview) },
      { benchmark: 'desk: 试算 click → result shown', result: summary(clicks) },
      { benchmark: 'desk: reimbursement.calculate through the host', result: summary(host) },
    ];
  } finally {
    await desk.close();
  }
}
