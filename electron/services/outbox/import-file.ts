/**
 * Parsing a file of cases collected offline (e.g. at a village service point) for `counter import`.
 * JSON lines (one record per line) or one JSON array; every record is validated with zod and every
 * problem is reported with its line (JSON lines) or position (array), in Chinese. See docs/import-format.md.
 * A file is held to exactly what the desk accepts: the same field rules (../../contract/field-rules), the same
 * payload schemas (./case-payloads, which the desk runs on every payload it builds) and the same acceptance
 * rules (../cases/acceptance-rules: the disease catalogue, nothing dated after today).
 */
import { z } from 'zod';
import { admdvsField, psnNoField, requiredText } from '../../contract/field-rules';
import { acceptanceProblem, type AcceptanceRuleContext } from '../cases/acceptance-rules';
import { CASE_KINDS, isCancelKind, type CaseKind } from '../cases/case-store';
import { businessKeyOf, PAYLOAD_SCHEMAS } from './case-payloads';

export const ImportRecord = z
  .object({
    kind: z.enum(CASE_KINDS, { error: `应为 ${CASE_KINDS.join(' / ')} 之一` }),
    psnNo: psnNoField,
    insuplcAdmdvs: admdvsField('参保地区划').optional(),
    /** Registrations: derived from the payload when omitted. Cancellations: the registration's key (required). */
    businessKey: requiredText('业务键', 200, '业务键不能为空').optional(),
    /** Who collected it at the service point. */
    collectedBy: requiredText('采集人', 50).optional(),
    collectedAt: z.iso.datetime({ offset: true, error: '应为带时区的 ISO 时间，例如 2026-03-01T09:30:00+08:00' }).optional(),
    payload: z.record(z.string(), z.unknown(), { error: '必须是对象' }),
  })
  .strict();

/** Files larger than this are refused before they are read (a day's collection is far smaller). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** Records per file: one transaction imports them all, so keep it to what a counter checks in one go. */
export const MAX_IMPORT_RECORDS = 10_000;

export interface ParsedImportRecord {
  /** 1-based line (JSON lines) or position (array). */
  line: number;
  kind: CaseKind;
  psnNo: string;
  insuplcAdmdvs?: string;
  businessKey: string;
  collectedBy?: string;
  collectedAt?: string;
  payload: Record<string, unknown>;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ParsedImport {
  format: 'jsonl' | 'array';
  records: ParsedImportRecord[];
  problems: ImportProblem[];
}

function describe(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : '';
      if (i.code === 'unrecognized_keys') return `${where ? where + ': ' : ''}不认识的字段 ${i.keys.join(', ')}`;
      return where ? `${where}: ${i.message}` : i.message;
    })
    .join('; ');
}

/** rules: the desk's catalogue and today's date (see ../cases/acceptance-rules). */
export function parseImportText(text: string, rules: AcceptanceRuleContext): ParsedImport {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const problems: ImportProblem[] = [];
  const raw: Array<{ line: number; value: unknown }> = [];
  let format: ParsedImport['format'] = 'jsonl';
  if (trimmed.startsWith('[')) {
    format = 'array';
    let arr: unknown;
    try {
      arr = JSON.parse(trimmed);
    } catch (err) {
      return { format, records: [], problems: [{ line: 0, message: `文件不是合法的 JSON 数组: ${(err as Error).message}` }] };
    }
    (arr as unknown[]).forEach((value, i) => raw.push({ line: i + 1, value }));
  } else {
    text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((l, i) => {
      if (!l.trim()) return;
      try {
        raw.push({ line: i + 1, value: JSON.parse(l) });
      } catch {
        problems.push({ line: i + 1, message: '不是合法的 JSON' });
      }
    });
  }
  if (raw.length === 0 && problems.length === 0) problems.push({ line: 0, message: '文件中没有任何记录' });
  if (raw.length > MAX_IMPORT_RECORDS) {
    return { format, records: [], problems: [{ line: 0, message: `文件中有 ${raw.length} 条记录，超过每次导入上限 ${MAX_IMPORT_RECORDS} 条，请拆分后分批导入` }] };
  }

  const records: ParsedImportRecord[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of raw) {
    const head = ImportRecord.safeParse(value);
    if (!head.success) {
      problems.push({ line, message: describe(head.error.issues) });
      continue;
    }
    const r = head.data;
    const payload = PAYLOAD_SCHEMAS[r.kind].safeParse(r.payload);
    if (!payload.success) {
      problems.push({ line, message: describe(payload.error.issues.map((i) => ({ ...i, path: ['payload', ...i.path] }))) });
      continue;
    }
    const broken = acceptanceProblem(r.kind, payload.data, rules);
    if (broken) {
      problems.push({ line, message: `payload: ${broken}` });
      continue;
    }
    let businessKey: string;
    if (isCancelKind(r.kind)) {
      if (!r.businessKey) {
        problems.push({ line, message: 'businessKey: 撤销记录必须给出原办件的业务键' });
        continue;
      }
      businessKey = r.businessKey;
    } else {
      businessKey = businessKeyOf(r.kind, r.psnNo, payload.data)!;
      if (r.businessKey && r.businessKey !== businessKey) {
        problems.push({ line, message: `businessKey: 与记录内容不符 (应为 ${businessKey}，可省略)` });
        continue;
      }
    }
    const dupKey = `${r.kind}\u0000${businessKey}`;
    const first = seen.get(dupKey);
    if (first !== undefined) {
      problems.push({ line, message: `与第 ${first} 条是同一业务 (${businessKey})，不能重复导入` });
      continue;
    }
    seen.set(dupKey, line);
    records.push({
      line,
      kind: r.kind,
      psnNo: r.psnNo,
      insuplcAdmdvs: r.insuplcAdmdvs,
      businessKey,
      collectedBy: r.collectedBy,
      collectedAt: r.collectedAt,
      payload: payload.data,
    });
  }
  return { format, records, problems };
}
