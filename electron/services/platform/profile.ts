/**
 * Province profiles: everything about the provincial platform that varies by province lives in
 * resources/profiles/<id>.json, validated here. Code never hard-codes an address, a code or a field name
 * that a province may set differently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REMOTE_REG_TYPES, type RemoteRegType } from '../../contract/vocabulary/remote-registration';

export const DEFAULT_PROFILE_ID = 'demo';

const hex = (len: number) => z.string().regex(new RegExp(`^[0-9a-fA-F]{${len}}$`), `应为${len}位十六进制`);

const NoSigning = z.object({ type: z.literal('none') });
const XTifSigning = z.object({
  type: z.literal('x-tif'),
  paasid: z.string().min(1),
  /** Shared gateway token; a real deployment supplies it through the key provider. */
  token: z.string().min(1),
  /** Accepted clock skew on the platform side, seconds. */
  maxSkewSeconds: z.number().int().positive().default(300),
});
const SmSigning = z.object({
  type: z.literal('sm'),
  appId: z.string().min(1),
  /** SM4 key (128 bit) for the body, hex. */
  sm4Key: hex(32),
  /** SM2 user id used in the SM3 Z value of signatures. */
  userId: z.string().min(1).default('1234567812345678'),
  clientPrivateKey: hex(64),
  clientPublicKey: z.string().regex(/^04[0-9a-fA-F]{128}$/),
  platformPublicKey: z.string().regex(/^04[0-9a-fA-F]{128}$/),
  /** Only for the simulator (a real platform keeps it); absent in production profiles. */
  platformPrivateKey: hex(64).optional(),
  maxSkewSeconds: z.number().int().positive().default(300),
});
export const SigningConfig = z.discriminatedUnion('type', [NoSigning, XTifSigning, SmSigning]);
export type SigningConfig = z.infer<typeof SigningConfig>;
export type SmSigningConfig = z.infer<typeof SmSigning>;

const wire = z.string().min(1);

/** 异地就医备案: canonical field → the province's wire field name. */
export const RemoteRegistrationFields = z.object({
  psnNo: wire,
  insutype: wire,
  regType: wire,
  regSn: wire,
  targetAdmdvs: wire,
  targetHospitalCode: wire,
  targetHospitalName: wire,
  begndate: wire,
  enddate: wire,
  tel: wire,
  addr: wire,
  promise: wire,
  memo: wire,
  status: wire,
  /** Our 办件编号, stored by the platform and returned by its query: proves a found record is ours. */
  caseNo: wire.default('ext_bizno'),
});
export type RemoteRegistrationFields = z.infer<typeof RemoteRegistrationFields>;

/** 零星报销: canonical field → wire field name. */
export const ReimbursementFields = z.object({
  psnNo: wire,
  insutype: wire,
  reason: wire,
  claimSn: wire,
  hospitalCode: wire,
  hospitalName: wire,
  begndate: wire,
  enddate: wire,
  totalAmount: wire,
  fundPay: wire,
  invoices: wire,
  invoiceCode: wire,
  invoiceNo: wire,
  invoiceAmount: wire,
  memo: wire,
  status: wire,
  claimDate: wire,
  /** Our 办件编号, stored by the platform and returned by its query: proves a found claim is ours. */
  caseNo: wire.default('ext_bizno'),
});
export type ReimbursementFields = z.infer<typeof ReimbursementFields>;

const infno = z.string().regex(/^[0-9A-Za-z]{4,8}$/, '交易编号格式不对');

/** One required province code per 异地备案 type of the vocabulary. */
const typeCodeShape = Object.fromEntries(REMOTE_REG_TYPES.map((t) => [t, z.string().min(1)])) as Record<RemoteRegType, z.ZodString>;

export const RemoteRegistrationProfile = z.object({
  codes: z.object({ register: infno, cancel: infno, query: infno }),
  fields: RemoteRegistrationFields,
  /** Canonical registration type → the province's code. */
  typeCodes: z.object(typeCodeShape),
  /** Output node holding the new registration's serial number, and the query's list node. */
  resultNode: z.string().min(1).default('result'),
  listNode: z.string().min(1).default('reglist'),
  /** Long-term registrations may be changed or cancelled only after this many months. */
  longTermMinMonths: z.number().int().min(0).default(6),
  /** 临时备案 run at least this many months (an empty end date means exactly this long). */
  temporaryMinMonths: z.number().int().min(1).default(6),
  /** 补办 (filing after care began) is possible up to this many days after the start date. */
  retroactiveDays: z.number().int().min(0).default(90),
});
export type RemoteRegistrationProfile = z.infer<typeof RemoteRegistrationProfile>;

export const ReimbursementProfile = z.object({
  codes: z.object({ submit: infno, cancel: infno, query: infno }),
  fields: ReimbursementFields,
  resultNode: z.string().min(1).default('result'),
  listNode: z.string().min(1).default('claimlist'),
  /** How amounts travel on the wire; inside the workstation money is always integer 分. */
  moneyUnit: z.enum(['yuan', 'fen']).default('yuan'),
});
export type ReimbursementProfile = z.infer<typeof ReimbursementProfile>;

export const ProvinceProfile = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    serviceUrl: z.string().url(),
    /** 经办机构 / 定点 code: fixmedins_code, and the 12-character msgid prefix. */
    agency: z.object({
      code: z.string().regex(/^[0-9A-Za-z]{12}$/, '机构编码应为12位字母或数字'),
      name: z.string().min(1),
    }),
    /** 就医地 (this office) and the default 参保地 when a call carries psn_no without one. */
    mdtrtareaAdmvs: z.string().regex(/^\d{6}$/),
    defaultInsuplcAdmdvs: z.string().regex(/^\d{6}$/),
    recerSysCode: z.string().min(1).default('FSI_LOCAL'),
    infver: z.string().min(1).default('V1.0'),
    devSafeInfo: z.string().default(''),
    cainfo: z.string().default(''),
    signing: SigningConfig,
    timeouts: z
      .object({
        defaultMs: z.number().int().positive().default(15_000),
        perInfno: z.record(z.string(), z.number().int().positive()).default({}),
      })
      .prefault({}),
    signIn: z
      .object({
        /** Sign in again after this long even if the platform has not complained. */
        renewAfterMinutes: z.number().int().positive().default(720),
        /** err_msg fragments meaning "sign_no invalid or expired": sign in once more and retry. */
        invalidSignNoPatterns: z.array(z.string().min(1)).min(1).default(['重新签到']),
      })
      .prefault({}),
    /** Input node names that differ from the national defaults, by infno. */
    inputNodes: z.record(z.string(), z.string().min(1)).default({}),
    /** 2503/5301: the field that carries our 办件编号 in a 慢特病 registration and comes back from 5301. */
    specialDisease: z.object({ caseNoField: wire.default('ext_bizno') }).prefault({}),
    /** Filings (2503, 异地备案, 零星报销): the field citing the case's uploaded materials (9101 file_qury_no, comma-separated). */
    attachments: z.object({ field: wire.default('file_qury_no') }).prefault({}),
    remoteRegistration: RemoteRegistrationProfile,
    reimbursement: ReimbursementProfile,
  })
  .strict();
export type ProvinceProfile = z.infer<typeof ProvinceProfile>;

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** resources/ next to the sources (dev, tests, CLI); the packaged app passes its own directory. */
export function defaultResourcesDir(): string {
  return process.env.COUNTER_RESOURCES_DIR ?? path.resolve(__dirname, '../../../resources');
}

export function profilePath(id: string, resourcesDir = defaultResourcesDir()): string {
  return path.join(resourcesDir, 'profiles', `${id}.json`);
}

/** Validate a parsed profile object; messages name the offending field. */
export function parseProfile(raw: unknown, source = '省份配置'): ProvinceProfile {
  const parsed = ProvinceProfile.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`).join('; ');
    throw new ProfileError(`${source} 有误 — ${detail}`);
  }
  return parsed.data;
}

/** Load resources/profiles/<id>.json (or a path to a .json file). */
export function loadProfile(idOrFile: string = DEFAULT_PROFILE_ID, resourcesDir?: string): ProvinceProfile {
  const file = idOrFile.endsWith('.json') ? idOrFile : profilePath(idOrFile, resourcesDir);
  if (!/^[a-z0-9-]+$/.test(idOrFile) && !idOrFile.endsWith('.json')) throw new ProfileError(`省份配置名称不合法: ${idOrFile}`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ProfileError(`找不到省份配置 ${idOrFile} (${file})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ProfileError(`省份配置 ${file} 不是合法的 JSON: ${(err as Error).message}`);
  }
  return parseProfile(raw, `省份配置 ${file}`);
}

/** Profiles shipped in resources/profiles (ids). */
export function listProfiles(resourcesDir = defaultResourcesDir()): string[] {
  const dir = path.join(resourcesDir, 'profiles');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Time-out for one transaction. */
export function timeoutFor(profile: ProvinceProfile, infno: string): number {
  return profile.timeouts.perInfno[infno] ?? profile.timeouts.defaultMs;
}
