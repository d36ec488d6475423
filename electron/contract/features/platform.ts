/** The provincial platform as the desk sees it: person lookup (with offline cache), connection state, the upload queue. */
import { z } from 'zod';
import { method } from '../spec';
import { IDENTITY_DOCUMENT_INFO, IDENTITY_DOCUMENTS } from '../vocabulary/identity-documents';

const None = z.object({}).strict();

export const InsuredPerson = z.object({
  psn_no: z.string(),
  psn_name: z.string(),
  psn_cert_type: z.string(),
  certno: z.string(),
  gend: z.string(),
  naty: z.string(),
  brdy: z.string(),
  age: z.number().nullable(),
  insuinfo: z.array(
    z.object({
      insutype: z.string(),
      psn_type: z.string(),
      psn_insu_stas: z.string(),
      insuplc_admdvs: z.string(),
      emp_name: z.string(),
      balc_fen: z.number().int(),
    }),
  ),
  idetinfo: z.array(z.object({ psn_idet_type: z.string(), psn_idet_type_name: z.string(), begntime: z.string(), endtime: z.string() })),
  provisional: z.literal(true).optional(),
});
export type InsuredPerson = z.infer<typeof InsuredPerson>;

export const PersonLookup = z.object({
  person: InsuredPerson,
  /** provisional: 临时受理 from the card's own data while the platform is unreachable (待核验 before upload). */
  source: z.enum(['platform', 'cache', 'provisional']),
  cachedAt: z.string(),
  ageSeconds: z.number().int().nonnegative(),
});
export type PersonLookup = z.infer<typeof PersonLookup>;

export const PlatformStatus = z.object({
  online: z.boolean(),
  url: z.string(),
  simulated: z.boolean(),
  profileName: z.string(),
});
export type PlatformStatus = z.infer<typeof PlatformStatus>;

export const OutboxState = z.enum(['pending', 'in-flight', 'done', 'retry', 'needs-clerk', 'unknown']);
export const QueueCounts = z.object({
  pending: z.number().int(),
  'in-flight': z.number().int(),
  done: z.number().int(),
  retry: z.number().int(),
  'needs-clerk': z.number().int(),
  unknown: z.number().int(),
  total: z.number().int(),
});
export type QueueCounts = z.infer<typeof QueueCounts>;

export const QueueEntry = z.object({
  itemId: z.number().int(),
  caseId: z.number().int(),
  caseNo: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  businessKey: z.string(),
  psnNo: z.string(),
  infno: z.string(),
  state: OutboxState,
  stateLabel: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  platformMessage: z.string().nullable(),
  waitReason: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const QueueAttempt = z.object({
  id: z.number().int(),
  action: z.string(),
  infno: z.string(),
  msgid: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  message: z.string().nullable(),
});

export const QueueSummary = z.object({
  counts: QueueCounts,
  online: z.boolean(),
  /** Set when another process (e.g. `counter sync`) is sending this database's queue, in words for the clerk. */
  sentElsewhere: z.string().nullable(),
});
export type QueueSummary = z.infer<typeof QueueSummary>;

export const PlatformFault = z.enum(['none', 'offline', 'server-error', 'lost-reply', 'refuse']);

export const platformMethods = {
  'person.lookup': method(
    z
      .object({
        certType: z.enum(['01', '02', '03']),
        certNo: z.string().trim().min(1, '证件号码不能为空').max(512),
        cardSn: z.string().trim().max(64).optional(),
        /** 02: the document's 人员证件类型 (vocabulary/identity-documents); absent = 01 居民身份证. */
        psnCertType: z.enum(IDENTITY_DOCUMENTS.map((d) => IDENTITY_DOCUMENT_INFO[d].psnCertType) as [string, ...string[]]).optional(),
        /** 03: the 社会保障号码 read from the card, so the platform matches the card with its holder. */
        ssn: z.string().trim().max(32).optional(),
        /**
         * 临时受理: the ID card's own data, used only when the platform cannot be reached and this workstation has
         * never seen the person; the person is then marked provisional and every case is checked against 1101 before upload.
         */
        provisional: z
          .object({
            name: z.string().trim().min(1).max(60),
            birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
            sexCode: z.enum(['1', '2']),
          })
          .strict()
          .optional(),
      })
      .strict(),
    PersonLookup,
    '1101 人员信息获取, falling back to the local cache when the platform is unreachable',
  ),
  'platform.status': method(None, PlatformStatus, 'Whether the platform answered the last call'),
  'queue.summary': method(None, QueueSummary, 'Counts of the upload queue by state'),
  'queue.list': method(
    z.object({ states: z.array(OutboxState).max(6).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.array(QueueEntry),
    'What waits in the upload queue and why',
  ),
  'queue.attempts': method(z.object({ itemId: z.number().int().positive() }).strict(), z.array(QueueAttempt), 'Attempt history of one item'),
  'queue.retry': method(z.object({ itemId: z.number().int().positive().optional() }).strict(), z.object({ count: z.number().int() }), 'Retry now'),
  'simulator.platform.fault': method(z.object({ fault: PlatformFault }).strict(), z.object({ ok: z.literal(true) }), 'Inject a fault into the embedded platform simulator'),
};

export const platformEvents = {
  'platform.status': PlatformStatus,
  'queue.changed': QueueSummary,
};
