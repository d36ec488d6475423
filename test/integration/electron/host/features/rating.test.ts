/**
 * 好差评 through the composition root on a real counter.db: the desk asks, the citizen screen sees the request
 * (and the event), rates once — the bottom two only with a reason — and the supervisor's 差评 list shows it with
 * the service and the clerk. A screen cannot rate a case nobody asked about, nor one twice; a stale request expires.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { RATING_REQUEST_TTL_MS } from '../../../../../electron/host/features/rating';
import { acceptSampleSpecialDisease, sampleSpecialDiseaseInput } from '../../../../helpers/case-fixtures';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-rating-'));
// Real time (the platform's gateway checks timestamps) plus a skew the expiry test moves forward.
let skew = 0;
const chinaDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000));
const events: Array<{ name: string; payload: unknown }> = [];

beforeAll(async () => {
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories(), clock: () => new Date(Date.now() + skew) });
  app.events.subscribe((name, payload) => events.push({ name, payload }));
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: Error & { code?: string }) => ({ code: e.code, message: e.message }));

describe('好差评', () => {
  let first: string;

  it('nothing is pending before the desk asks, and a screen cannot rate a case nobody asked about', async () => {
    first = await acceptSampleSpecialDisease(app);
    expect(await call(app.handlers, 'rating.pending', {})).toBeNull();
    expect(await refusal(call(app.handlers, 'rating.submit', { caseNo: first, level: 1 }))).toMatchObject({ code: 'not-found', message: '没有待评价的办件，请向工作人员确认' });
  });

  it('the request names the service, the 办件编号 and the clerk, and reaches the citizen screen as an event', async () => {
    const req = await call(app.handlers, 'rating.request', { caseNo: first });
    expect(req).toMatchObject({ caseNo: first, serviceName: '门诊慢特病备案' });
    expect(JSON.stringify(req)).not.toMatch(/990102198507220023|李/);
    expect(await call(app.handlers, 'rating.pending', {})).toEqual(req);
    expect(events.at(-1)).toEqual({ name: 'rating.requested', payload: req });
  });

  it('不满意 needs a reason; an out-of-range level is refused in Chinese', async () => {
    expect(await refusal(call(app.handlers, 'rating.submit', { caseNo: first, level: 4 }))).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('请选择或填写不满意的原因'),
    });
    expect(await refusal(call(app.handlers, 'rating.submit', { caseNo: first, level: 6 }))).toMatchObject({ message: expect.stringContaining('请选择评价') });
    expect(await refusal(call(app.handlers, 'rating.submit', { caseNo: first, level: 4, reason: '   ' }))).toMatchObject({ code: 'invalid-input' });
  });

  it('records the rating once, withdraws the request and tells the desk', async () => {
    const r = await call(app.handlers, 'rating.submit', { caseNo: first, level: 4, reason: '等候时间长' });
    expect(r).toMatchObject({ caseNo: first, level: 4, levelName: '不满意', reason: '等候时间长' });
    expect(await call(app.handlers, 'rating.pending', {})).toBeNull();
    expect(events.slice(-2).map((e) => e.name)).toEqual(['rating.requested', 'rating.recorded']);
    expect(await call(app.handlers, 'rating.ofCase', { caseNo: first })).toEqual(r);
    // Asked again (a replayed request) or submitted again: refused.
    expect(await refusal(call(app.handlers, 'rating.request', { caseNo: first }))).toMatchObject({ code: 'duplicate', message: '该办件已评价' });
  });

  it('the 差评 list has the complaint with its service and clerk, within the China-time date range only', async () => {
    const list = await call(app.handlers, 'rating.complaints', { from: chinaDay(), to: chinaDay() });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ caseNo: first, levelName: '不满意', serviceName: '门诊慢特病备案', reason: '等候时间长' });
    expect(await call(app.handlers, 'rating.complaints', { from: chinaDay(1) })).toEqual([]);
    expect(await call(app.handlers, 'rating.complaints', { to: chinaDay(-1) })).toEqual([]);
  });

  it('a satisfied rating needs no reason and is not a complaint', async () => {
    const input = await sampleSpecialDiseaseInput(app, { diseaseCode: 'M03900' });
    const out = await call(app.handlers, 'cases.accept', input);
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    await call(app.handlers, 'rating.request', { caseNo: out.receipt.caseNo });
    expect(await call(app.handlers, 'rating.submit', { caseNo: out.receipt.caseNo, level: 1 })).toMatchObject({ levelName: '非常满意', reason: null });
    expect(await call(app.handlers, 'rating.complaints', {})).toHaveLength(1);
  });

  it('a request nobody answers expires, so the next citizen never sees it', async () => {
    const input = await sampleSpecialDiseaseInput(app, { diseaseCode: 'M05300' });
    const out = await call(app.handlers, 'cases.accept', input);
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    await call(app.handlers, 'rating.request', { caseNo: out.receipt.caseNo });
    skew += RATING_REQUEST_TTL_MS + 1;
    expect(await call(app.handlers, 'rating.pending', {})).toBeNull();
    expect(await refusal(call(app.handlers, 'rating.submit', { caseNo: out.receipt.caseNo, level: 2 }))).toMatchObject({ code: 'not-found' });
  });

  it('an unknown case is refused', async () => {
    expect(await refusal(call(app.handlers, 'rating.request', { caseNo: '99999999999999999999999' }))).toMatchObject({ code: 'not-found' });
  });
});
