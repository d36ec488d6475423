/**
 * Materials checklists of the three services (domain.md "The three services") and the check that decides
 * between 受理, 容缺受理 (only minor items missing, applicant promises to supply them by a deadline) and a
 * 一次性告知单 (main items missing: every missing item is listed at once).
 * Which items are main or minor is an office rule; this is the sample office's list.
 */
import type { ServiceKind } from '../../contract/vocabulary/case-kinds';
import type { VisitType } from '../../contract/vocabulary/reimbursement';
import { isLongTermRegType, type RemoteRegType } from '../../contract/vocabulary/remote-registration';

export interface Material {
  id: string;
  name: string;
  requirement: string;
  level: 'main' | 'minor';
  /** Items sharing a group are alternatives: one of them is enough. */
  anyOf: string | null;
}

/**
 * Where the case is filed. At a counter the clerk sees and ticks the papers; a self-service kiosk has nobody to
 * look at a paper, so it certifies only what the machine itself verified (the card it just read) and the
 * promise the citizen confirmed on its screen (告知承诺制) — never a material the citizen would tick for themself.
 */
export type MaterialsChannel = 'counter' | 'kiosk';

export interface ChecklistQuery {
  kind: ServiceKind;
  regType?: RemoteRegType;
  visitType?: VisitType;
  reason?: string;
}

const m = (id: string, name: string, requirement: string, level: Material['level'] = 'main', anyOf: string | null = null): Material => ({
  id,
  name,
  requirement,
  level,
  anyOf,
});

const ID_DOCUMENT = m('id-document', '有效身份证件', '居民身份证或社会保障卡原件（现场核验）');
const ID_COPY = m('id-copy', '身份证件复印件', '正反面复印在同一页 A4 纸上', 'minor');

/** The kiosk's two items: the card its reader verified, and the 承诺 confirmed on screen. */
export const KIOSK_CARD_READ = m('kiosk-card-read', '有效身份证件（本机读卡核验）', '居民身份证或社会保障卡由自助终端读卡器读取核验');
export const KIOSK_PROMISE = m('kiosk-promise', '个人承诺（屏幕确认）', '告知承诺制：申请人在自助终端屏幕上阅读并确认承诺内容真实');
export const KIOSK_MATERIAL_IDS: readonly string[] = [KIOSK_CARD_READ.id, KIOSK_PROMISE.id];

/**
 * The kiosk's checklist: only a temporary 异地备案 is filed there (access-policy kioskMayAccept), and it needs
 * nothing but the machine's card read and the on-screen promise. Any other service has no kiosk checklist.
 */
function kioskChecklist(q: ChecklistQuery): Material[] {
  if (q.kind === 'remote-registration' && !isLongTermRegType(q.regType ?? 'otherTemporary')) return [KIOSK_CARD_READ, KIOSK_PROMISE];
  return [];
}


export function materialsChecklist(q: ChecklistQuery, channel: MaterialsChannel = 'counter'): Material[] {
  if (channel === 'kiosk') return kioskChecklist(q);
  switch (q.kind) {
    case 'special-disease':
      return [
        ID_DOCUMENT,
        m('sd-application', '门诊慢特病认定申请表', '申请人签字，鉴定医疗机构盖章'),
        m('sd-medical-record', '病历资料', '与申请病种相关的门诊或住院病历'),
        m('sd-exam-report', '检查报告', '与申请病种相关的检查、化验报告'),
        m('sd-photo', '近期一寸免冠照片', '1 张，用于制作待遇资格凭证', 'minor'),
        ID_COPY,
      ];
    case 'remote-registration': {
      const list = [ID_DOCUMENT, m('rr-form', '异地就医备案表', '申请人签字')];
      const t = q.regType ?? 'otherTemporary';
      if (isLongTermRegType(t)) {
        list.push(
          m('rr-residence-proof', '异地居住或工作证明', '居住证、户口簿或单位派驻证明（与个人承诺书二选一）', 'main', 'residence'),
          m('rr-promise-letter', '个人承诺书', '承诺制：本人签字的异地长期居住承诺书（与居住证明二选一）', 'main', 'residence'),
        );
      } else if (t === 'referral') {
        list.push(m('rr-referral-proof', '转诊证明', '参保地定点医疗机构出具的转诊转院证明'));
      } else if (t === 'emergency') {
        list.push(m('rr-emergency-proof', '急诊诊断证明', '就诊医疗机构出具的急诊或抢救证明', 'minor'));
      }
      list.push(ID_COPY);
      return list;
    }
    case 'reimbursement': {
      const list = [
        ID_DOCUMENT,
        m('rb-invoices', '医疗收费票据', '全部票据原件（电子票据可打印或扫码核验）'),
        m('rb-fee-list', '费用明细清单', '医疗机构盖章的费用明细'),
        m('rb-diagnosis', '诊断证明', '医疗机构出具的疾病诊断证明书'),
      ];
      if ((q.visitType ?? 'inpatient') === 'inpatient') list.push(m('rb-discharge', '出院小结', '住院病案首页或出院记录复印件', 'minor'));
      if (q.reason === '05') list.push(m('rb-referral-proof', '转诊证明', '参保地定点医疗机构出具的转诊转院证明'));
      if (q.reason === '04') list.push(m('rb-emergency-proof', '急诊抢救证明', '就诊医疗机构出具的急诊或抢救证明'));
      list.push(m('rb-bank-account', '本人银行账户信息', '用于发放报销款的本人银行卡或存折复印件', 'minor'), ID_COPY);
      return list;
    }
  }
}

export interface MaterialsCheck {
  received: Material[];
  /** Main items missing (an alternatives group counts as one line). */
  missingMain: Array<{ material: string; requirement: string }>;
  missingMinor: Array<{ material: string; requirement: string }>;
}

export class UnknownMaterialError extends Error {
  constructor(
    readonly ids: string[],
    channel: MaterialsChannel = 'counter',
  ) {
    super(
      channel === 'kiosk'
        ? `自助终端不能自行确认材料（${ids.join('、')}）：自助办理只认本机读卡核验的证件和屏幕上确认的个人承诺，其他材料请到柜台办理`
        : `材料清单中没有这些材料: ${ids.join('、')}`,
    );
    this.name = 'UnknownMaterialError';
  }
}

/** Compare what was received with the checklist. Unknown ids are an error, never silently ignored. */
export function checkMaterials(list: readonly Material[], receivedIds: readonly string[], channel: MaterialsChannel = 'counter'): MaterialsCheck {
  const known = new Set(list.map((x) => x.id));
  const unknown = [...new Set(receivedIds.filter((id) => !known.has(id)))];
  if (unknown.length) throw new UnknownMaterialError(unknown, channel);
  const got = new Set(receivedIds);
  const check: MaterialsCheck = { received: list.filter((x) => got.has(x.id)), missingMain: [], missingMinor: [] };
  const groupsDone = new Set<string>();
  for (const item of list) {
    if (got.has(item.id)) continue;
    const target = item.level === 'main' ? check.missingMain : check.missingMinor;
    if (item.anyOf === null) {
      target.push({ material: item.name, requirement: item.requirement });
      continue;
    }
    if (groupsDone.has(item.anyOf)) continue;
    groupsDone.add(item.anyOf);
    const group = list.filter((x) => x.anyOf === item.anyOf);
    if (group.some((x) => got.has(x.id))) continue;
    target.push({ material: group.map((x) => x.name).join(' 或 '), requirement: group.map((x) => x.requirement).join('；') });
  }
  return check;
}
