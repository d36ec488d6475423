/**
 * The 办件 work list of the whole desk: search (today by default; name, ID number or its last digits, 办件编号,
 * dates, service, state, operator), one case in full (events, upload attempts, 容缺 follow-up), CSV
 * export, and the clerk's follow-up: 容缺 补齐, and closing a 需人工处理 case — corrected and resubmitted,
 * voided (作废, a supervisor), settled elsewhere — with "contacted the applicant" recorded on the way.
 * Results never carry an ID number in full: only the masked form.
 */
import { z } from 'zod';
import { cleanText, requiredText } from '../field-rules';
import { method } from '../spec';
import { CaseView, ServiceKind } from './cases';
import { QueueAttempt } from './platform';

const caseNo = z.string().trim().regex(/^\d{23}$/, '办件编号应为 23 位数字');
const isoDate = z.string().trim().regex(/^(\d{4}-\d{2}-\d{2})?$/, '日期应为 YYYY-MM-DD');

/** What the clerk filters by: the case's standing as the desk sees it (case state joined with its upload). */
export const WORK_STATES = ['waiting', 'filed', 'needs-clerk', 'pending-materials', 'cancelled', 'closed'] as const;
export const WORK_STATE_NAMES: Record<(typeof WORK_STATES)[number], string> = {
  waiting: '待上报',
  filed: '已上报',
  'needs-clerk': '需人工处理',
  'pending-materials': '容缺待补齐',
  cancelled: '已撤销',
  closed: '已作废/重报/他处办结',
};
export const WorkState = z.enum(WORK_STATES);

export const CaseSearch = z
  .object({
    /** A name (or its start), an ID number (full, or its last 4+ characters), or a 办件编号 (or part of it). */
    text: cleanText('查询内容', 40).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    kind: ServiceKind.optional(),
    state: WorkState.optional(),
    /** The accepting operator's 工号. */
    operator: cleanText('经办人工号', 20).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期' });
export type CaseSearch = z.infer<typeof CaseSearch>;

export const CaseRow = z.object({
  caseNo: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  summary: z.string(),
  applicantName: z.string(),
  idNumberMasked: z.string(),
  createdAt: z.string(),
  clerk: z.string(),
  clerkCode: z.string(),
  workState: WorkState,
  stateLabel: z.string(),
  tone: z.enum(['pending', 'done', 'bad', 'muted']),
  pendingDeadline: z.string().nullable(),
});
export type CaseRow = z.infer<typeof CaseRow>;

export const CaseSearchResult = z.object({ rows: z.array(CaseRow), truncated: z.boolean() });

/** An upload attempt on the case's detail: the queue's own attempt row, without its row id. */
export const CaseAttemptView = QueueAttempt.omit({ id: true });

/** Corrected fields a 需人工处理 resubmission may change, per service, with their labels. */
export const CORRECTABLE_FIELDS: Record<string, ReadonlyArray<{ key: string; label: string }>> = {
  'special-disease': [
    { key: 'ide_fixmedins_no', label: '鉴定医疗机构编码' },
    { key: 'ide_fixmedins_name', label: '鉴定医疗机构名称' },
    { key: 'hosp_ide_date', label: '鉴定日期' },
    { key: 'diag_dr_codg', label: '诊断医师编码' },
    { key: 'diag_dr_name', label: '诊断医师姓名' },
    { key: 'enddate', label: '结束日期' },
    { key: 'tel', label: '联系电话' },
    { key: 'addr', label: '联系地址' },
  ],
  'remote-registration': [
    { key: 'targetHospitalCode', label: '就医机构编码' },
    { key: 'targetHospitalName', label: '就医机构名称' },
    { key: 'enddate', label: '结束日期' },
    { key: 'tel', label: '联系电话' },
    { key: 'addr', label: '异地居住地址' },
    { key: 'memo', label: '备注' },
  ],
  reimbursement: [
    { key: 'hospitalCode', label: '就诊机构编码' },
    { key: 'hospitalName', label: '就诊机构名称' },
    { key: 'memo', label: '备注' },
  ],
};

export const CaseDetail = z.object({
  view: CaseView,
  idNumberMasked: z.string(),
  clerkCode: z.string(),
  workState: WorkState,
  committedDate: z.string(),
  materials: z.array(z.string()),
  /** 容缺: what is missing, by when, and its 补齐 once recorded. */
  followUp: z
    .object({
      materials: z.array(z.string()),
      deadline: z.string(),
      overdue: z.boolean(),
      completed: z.object({ at: z.string(), by: z.string(), note: z.string() }).nullable(),
    })
    .nullable(),
  /** The upload: its state, the platform's message, held (容缺) or resolved, and every attempt. */
  upload: z
    .object({
      state: z.string(),
      stateLabel: z.string(),
      platformMessage: z.string().nullable(),
      held: z.string().nullable(),
      resolution: z.string().nullable(),
      attempts: z.array(CaseAttemptView),
    })
    .nullable(),
  /** The 需人工处理 actions open on this case now. */
  actions: z.object({ resubmit: z.boolean(), void: z.boolean(), settle: z.boolean(), contact: z.boolean(), complete: z.boolean() }),
  /** The current values of the fields a resubmission may correct. */
  correctable: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  /** The case that replaced this one (resubmitted) or that this one replaces. */
  replacedBy: z.string().nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const FollowUpRow = z.object({
  caseNo: z.string(),
  kindLabel: z.string(),
  applicantName: z.string(),
  idNumberMasked: z.string(),
  materials: z.array(z.string()),
  deadline: z.string(),
  overdue: z.boolean(),
  clerk: z.string(),
});

const reason = (label: string) => requiredText(label, 200).refine((s) => [...s].length >= 4, `${label}至少 4 个字`);

export const worklistMethods = {
  'cases.search': method(CaseSearch, CaseSearchResult, '办件 work list: search the desk’s cases (today by default)'),
  'cases.detail': method(z.object({ caseNo }).strict(), CaseDetail, 'One case in full: events, upload attempts, follow-up'),
  'cases.export': method(
    CaseSearch.and(z.object({ encoding: z.enum(['utf-8', 'gb18030']).default('utf-8') })),
    z.object({ fileName: z.string(), base64: z.string(), count: z.number().int() }),
    'The current search as CSV (UTF-8 with BOM, or GB18030) for Excel',
  ),
  'cases.followUps': method(
    z.object({}).strict(),
    z.object({ open: z.array(FollowUpRow), overdue: z.number().int(), dueSoon: z.number().int() }),
    '容缺 cases waiting for materials, overdue first (the desk’s reminder)',
  ),
  'cases.completeMaterials': method(
    z.object({ caseNo, received: z.array(z.string().min(1).max(60)).min(1, '请勾选已收到的材料').max(30), note: cleanText('备注', 200).default('') }).strict(),
    z.object({ caseNo: z.string(), released: z.boolean() }),
    '容缺 补齐: the missing materials received; the held upload is released',
  ),
  'cases.contacted': method(z.object({ caseNo, note: reason('联系情况') }).strict(), z.object({ ok: z.literal(true) }), 'Record that the applicant was contacted'),
  'cases.resubmit': method(
    z.object({ caseNo, corrections: z.record(z.string(), z.string().trim().max(200)), note: reason('更正说明') }).strict(),
    z.object({ caseNo: z.string(), replaces: z.string() }),
    'Correct a 需人工处理 case and file it again as a new case linked to the old',
  ),
  'cases.void': method(z.object({ caseNo, reason: reason('作废原因') }).strict(), z.object({ ok: z.literal(true) }), '作废 a 需人工处理 case (supervisor)'),
  'cases.settleElsewhere': method(
    z.object({ caseNo, note: reason('办结说明') }).strict(),
    z.object({ ok: z.literal(true) }),
    'Mark a 需人工处理 case as settled through another channel',
  ),
};
