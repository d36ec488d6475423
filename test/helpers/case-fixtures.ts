/** Cases accepted through a running app, for tests that need one to print, reprint or cancel. */
import type { MethodInput } from '../../electron/contract/api';
import { expect } from 'vitest';
import type { App } from '../../electron/host/app';
import type { Caller } from '../../electron/host/caller';
import { call, inProcessCaller } from '../../electron/host/dispatch';

/** Waits until the uploader has delivered everything in the queue. */
export async function allDelivered(app: App): Promise<void> {
  await expect
    .poll(
      async () => {
        const s = await call(app.handlers, 'queue.summary', {});
        return s.counts.total - s.counts.done;
      },
      { timeout: 30_000, interval: 100 },
    )
    .toBe(0);
}

type AcceptInput = MethodInput<'cases.accept'>;
type SpecialDiseaseForm = Extract<AcceptInput, { kind: 'special-disease' }>['form'];

/** The sample 职工 李's 糖尿病 特门 registration with every material; `form` overrides fields (another business). */
export async function sampleSpecialDiseaseInput(
  app: App,
  form: Partial<SpecialDiseaseForm> = {},
  caller: Caller = inProcessCaller(),
): Promise<AcceptInput> {
  const looked = await call(app.handlers, 'person.lookup', { certType: '02', certNo: '990102198507220023' }, caller);
  return {
    kind: 'special-disease',
    psnNo: looked.person.psn_no,
    insuplcAdmdvs: looked.person.insuinfo[0].insuplc_admdvs,
    materials: ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'],
    form: {
      insutype: '310', diseaseCode: 'M01600', hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院',
      assessedOn: '2026-03-01', doctorCode: 'D009', doctorName: '赵医生', begndate: '2026-03-02', enddate: '2026-12-31',
      tel: '13800000009', addr: '示例市和平路 9 号',
      ...form,
    },
  };
}

/** Looks up the sample 职工 李 on the platform and accepts a 糖尿病 特门 registration for them; returns its 办件编号. */
export async function acceptSampleSpecialDisease(app: App): Promise<string> {
  return (await acceptSampleSpecialDiseaseAs(app, inProcessCaller())).caseNo;
}

/** The same, called by `caller` (one person.lookup and one cases.accept); returns the 办件编号 and 人员编号. */
export async function acceptSampleSpecialDiseaseAs(app: App, caller: Caller): Promise<{ caseNo: string; psnNo: string }> {
  const input = await sampleSpecialDiseaseInput(app, {}, caller);
  const out = await call(app.handlers, 'cases.accept', input, caller);
  if (out.outcome !== 'accepted') throw new Error('expected the sample case to be accepted');
  return { caseNo: out.receipt.caseNo, psnNo: input.psnNo };
}
