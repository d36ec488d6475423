/**
 * The person panel's answer (contract person.overview): what the clerk must see before serving someone.
 * 参保状态 and special identities from the platform's 1101 answer (the person cache), the person's 特门 (5301)
 * and 异地备案 registrations from the platform together with this workstation's cases not yet on it, and
 * 三重保障 this year against the policy's limits, from the one year-to-date the 试算 uses (../reimbursement/
 * year-to-date). When the platform cannot be reached every part says so and shows what is kept here.
 */
import type { PersonOverview } from '../../contract/features/person';
import { INSURANCE_STATUS_NAMES } from '../../contract/vocabulary/insurance-status';
import { INSUTYPE_NAMES, isCaseInsutype } from '../../contract/vocabulary/insurance-types';
import { REMOTE_REG_TYPE_NAMES, type RemoteRegType } from '../../contract/vocabulary/remote-registration';
import { getCase, type CaseRecord } from '../cases/case-store';
import { cstDate } from '../cases/working-days';
import { findInsuredPerson } from '../cases/insured-person';
import type { Policy } from '../policy';
import { PlatformError, type PlatformClient } from '../platform/client';
import type { Person } from '../platform/transactions/person';
import { queryRemoteRegistrations, type RemoteRegistrationRecord } from '../platform/transactions/remote-registration';
import { querySpecialDisease, type SpecialDiseaseRecord } from '../platform/transactions/special-disease';
import { PlatformInputError } from '../platform/transactions/shared';
import { assistanceIdentityOn, isRetired } from '../reimbursement/person-facts';
import { personYearToDate, type YearToDate } from '../reimbursement/year-to-date';
import type { Db } from '../store/database';
import { AppError } from '../../contract/errors';

export interface PersonOverviewDeps {
  db: Db;
  client?: PlatformClient;
  policy: Policy;
  clock: () => Date;
  /** The region's name for a 就医地 code. */
  regionName?: (code: string) => string | undefined;
}

type Overview = PersonOverview;
const OPEN_END = '2099-12-31';
const dateOf = (s: string) => s.slice(0, 10);
const endOf = (s: string) => (!s || dateOf(s) >= OPEN_END ? '长期' : dateOf(s));

const LOCAL_STATE_LABELS: Record<string, string> = { accepted: '本机已受理，待上报', filed: '已上报' };

/** Platform answer, or null when it cannot be asked (offline, garbled); a refusal counts as "none". */
async function ask<T>(fn: () => Promise<T[]>): Promise<{ rows: T[]; answered: boolean; offline: boolean }> {
  try {
    return { rows: await fn(), answered: true, offline: false };
  } catch (err) {
    if (err instanceof PlatformError && err.kind === 'business') return { rows: [], answered: true, offline: false };
    if (err instanceof PlatformError || err instanceof PlatformInputError) return { rows: [], answered: false, offline: true };
    throw err;
  }
}

function localCases(db: Db, psnNo: string, kind: 'special-disease' | 'remote-registration'): CaseRecord[] {
  const ids = db.prepare(`SELECT id FROM cases WHERE psn_no = ? AND kind = ? AND state IN ('accepted', 'filed') ORDER BY id DESC`).all(psnNo, kind) as Array<{ id: number }>;
  return ids.map((r) => getCase(db, r.id)!);
}

/** A local case the platform's list already shows (by our 办件编号 or the platform's serial). */
function onPlatform(c: CaseRecord, rows: Array<{ caseNo: string; sn: string }>): boolean {
  const sn = Object.values(c.result ?? {}).find((v) => typeof v === 'string');
  return rows.some((r) => (r.caseNo && r.caseNo === c.caseNo) || (sn !== undefined && r.sn === sn));
}

function identitiesOf(person: Person, today: string): Overview['identities'] {
  const list = person.idetinfo.map((i) => {
    const from = i.begntime ? dateOf(i.begntime) : '';
    const to = endOf(i.endtime);
    return { name: i.psn_idet_type_name || i.psn_idet_type, from, to, current: (!from || from <= today) && (to === '长期' || today <= to) };
  });
  for (const i of person.insuinfo) {
    if (isRetired(person, i.insutype)) {
      list.unshift({ name: i.psn_type === '13' ? '离休' : '退休', from: '', to: '', current: true });
      break;
    }
  }
  return list;
}

function benefitsOf(policy: Policy, person: Person, y: YearToDate, today: string): Overview['benefits'] {
  const ins = person.insuinfo.find((i) => isCaseInsutype(i.insutype) && policy.insutypes[i.insutype as '310' | '390']);
  if (!ins) return null;
  const insutype = ins.insutype as '310' | '390';
  const rules = policy.insutypes[insutype]!;
  const retired = isRetired(person, insutype) ?? false;
  const ytd = y.ytd;
  const quota = retired ? rules.outpatient.retiredAnnualQuota : rules.outpatient.annualQuota;
  const identity = assistanceIdentityOn(person, today);
  const s = policy.seriousIllness;
  const tier = identity !== null && policy.poorIdentities.has(identity) ? s.poor : s.standard;
  const aTier = identity === null ? undefined : policy.assistance.identities[identity];
  const codes = new Set(Object.keys(ytd.specialFundPaid));
  return {
    policyName: policy.name,
    insutype,
    outpatient: { quota, used: ytd.outpatientFundPaid, left: Math.max(0, quota - ytd.outpatientFundPaid) },
    inpatient: {
      admissions: ytd.admissions,
      deductiblePaid: y.inpatientDeductiblePaid,
      cap: rules.inpatient.annualCap,
      used: ytd.fundPaid,
      left: Math.max(0, rules.inpatient.annualCap - ytd.fundPaid),
    },
    serious: s.insutypes.has(insutype) ? { name: s.name, deductible: tier.deductible, deductibleUsed: ytd.seriousDeductibleUsed, cap: tier.annualCap, used: ytd.seriousPaid } : null,
    assistance: aTier ? { name: aTier.name, deductible: aTier.deductible, deductibleUsed: ytd.assistanceDeductibleUsed, cap: aTier.annualCap, used: ytd.assistancePaid } : null,
    special: [...codes].map((code) => {
      const d = policy.specialDiseases.get(code);
      const used = ytd.specialFundPaid[code];
      return { code, name: d?.name ?? code, limit: d?.annualLimit ?? 0, used, left: Math.max(0, (d?.annualLimit ?? 0) - used) };
    }),
  };
}

export function ytdSourceLabel(y: Pick<YearToDate, 'source' | 'offline' | 'platformAsOf'>): string {
  if (y.offline) return y.platformAsOf ? '离线：上次平台累计+本机' : '离线时仅本机';
  return { platform: '平台累计', local: '本机结算', merged: '两者合并' }[y.source];
}

export async function personOverview(deps: PersonOverviewDeps, psnNo: string): Promise<Overview> {
  const person = findInsuredPerson(deps.db, psnNo);
  if (!person) throw new AppError('person-unknown', `本机没有人员编号 ${psnNo} 的参保信息，请先读取证件并查询参保信息`);
  const today = cstDate(deps.clock());
  const insuplc = person.insuinfo[0]?.insuplc_admdvs;
  const client = deps.client;
  const [sd, rr, y] = await Promise.all([
    client ? ask<SpecialDiseaseRecord>(() => querySpecialDisease(client, { psn_no: psnNo, insuplcAdmdvs: insuplc })) : Promise.resolve({ rows: [], answered: false, offline: false }),
    client ? ask<RemoteRegistrationRecord>(() => queryRemoteRegistrations(client, { psnNo, insuplcAdmdvs: insuplc })) : Promise.resolve({ rows: [], answered: false, offline: false }),
    personYearToDate({ db: deps.db, client, clock: deps.clock }, psnNo, Number(today.slice(0, 4)), insuplc),
  ]);

  const sdRows: Overview['specialDiseases']['rows'] = sd.rows.map((r) => ({
    code: r.opsp_dise_code,
    name: r.opsp_dise_name,
    from: r.begndate,
    to: endOf(r.enddate),
    hospital: r.ide_fixmedins_name,
    origin: 'platform',
    stateLabel: r.vali_flag === '1' ? '有效' : '已撤销',
    valid: r.vali_flag === '1',
  }));
  const sdKeys = sd.rows.map((r) => ({ caseNo: r.caseNo, sn: r.trt_dcla_detl_sn }));
  for (const c of localCases(deps.db, psnNo, 'special-disease')) {
    if (onPlatform(c, sdKeys)) continue;
    const p = c.payload as { opsp_dise_code?: string; opsp_dise_name?: string; begndate?: string; enddate?: string; ide_fixmedins_name?: string };
    sdRows.push({
      code: String(p.opsp_dise_code ?? ''),
      name: String(p.opsp_dise_name ?? ''),
      from: String(p.begndate ?? ''),
      to: endOf(String(p.enddate ?? '')),
      hospital: String(p.ide_fixmedins_name ?? ''),
      origin: 'local',
      stateLabel: LOCAL_STATE_LABELS[c.state] ?? c.state,
      valid: true,
    });
  }

  const place = (code: string) => {
    const name = deps.regionName?.(code);
    return name ? `${name}（${code}）` : code;
  };
  const rrRows: Overview['remoteRegistrations']['rows'] = rr.rows.map((r) => ({
    typeName: r.regType ? REMOTE_REG_TYPE_NAMES[r.regType] : '其他',
    place: place(r.targetAdmdvs),
    from: r.begndate,
    to: endOf(r.enddate),
    origin: 'platform',
    stateLabel: r.valid ? '有效' : '已撤销',
    valid: r.valid,
  }));
  const rrKeys = rr.rows.map((r) => ({ caseNo: r.caseNo, sn: r.regSn }));
  for (const c of localCases(deps.db, psnNo, 'remote-registration')) {
    if (onPlatform(c, rrKeys)) continue;
    const p = c.payload as { regType?: RemoteRegType; targetAdmdvs?: string; begndate?: string; enddate?: string };
    rrRows.push({
      typeName: p.regType ? (REMOTE_REG_TYPE_NAMES[p.regType] ?? p.regType) : '',
      place: place(String(p.targetAdmdvs ?? '')),
      from: String(p.begndate ?? ''),
      to: endOf(String(p.enddate ?? '')),
      origin: 'local',
      stateLabel: LOCAL_STATE_LABELS[c.state] ?? c.state,
      valid: true,
    });
  }

  return {
    psnNo,
    name: person.psn_name,
    offline: sd.offline || rr.offline || y.offline,
    insurances: person.insuinfo.map((i) => ({
      insutype: i.insutype,
      insutypeName: INSUTYPE_NAMES[i.insutype] ?? i.insutype,
      status: i.psn_insu_stas,
      statusName: INSURANCE_STATUS_NAMES[i.psn_insu_stas] ?? `参保状态 ${i.psn_insu_stas}`,
      alarm: i.psn_insu_stas !== '1',
      insuplcAdmdvs: i.insuplc_admdvs,
    })),
    identities: identitiesOf(person, today),
    specialDiseases: { platformAnswered: sd.answered, rows: sdRows },
    remoteRegistrations: { platformAnswered: rr.answered, rows: rrRows },
    yearToDate: { ...y, sourceLabel: ytdSourceLabel(y) },
    benefits: benefitsOf(deps.policy, person, y, today),
  };
}
