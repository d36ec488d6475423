/**
 * Parsing a file of cases collected offline (e.g. at a village service point) for `counter import`.
 * JSON lines (one record per line) or one JSON array; every record is validated with zod and every
 * problem is reported with its line (JSON lines) or position (array), in Chinese. See docs/import-format.md.
 */
import { z } from 'zod';
import { CASE_KINDS, isCancelKind, type CaseKind } from '../cases/case-store';
import { businessKeyOf, PAYLOAD_SCHEMAS } from './case-payloads';

export const ImportRecord = z
  .object({
    kind: z.enum(CASE_KINDS, { error: `应为 ${CASE_KINDS.join(' / ')} 之一` }),
    psnNo: z.string({ error: '人员编号必须是文字' }).trim().min(1, '人员编号不能为空').max(30, '人员编号过长'),
    insuplcAdmdvs: z.string().regex(/^\d{6}$/, '参保地区划应为 6 位数字').optional(),
    /** Registrations: derived from the payload when omitted. Cancellations: the registration's key (required). */
    businessKey: z.string().trim().min(1, '业务键不能为空').max(200, '业务键过长').optional(),
    /** Who collected it at the service point. */
    collectedBy: z.string().trim().min(1).max(50).optional(),
    collectedAt: z.iso.datetime({ offset: true, error: '应为带时区的 ISO 时间，例如 2026-03-01T09:30:00+08:00' }).optional(),
    payload: z.record(z.string(), z.unknown(), { error: '必须是对象' }),
  })
  .strict();

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

export function parseImportText(text: string): ParsedImport {
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
