/**
 * Insured persons the simulator knows: resources/samples/insured-persons.json, plus the sample identities the
 * device simulators put on cards (resources/samples/id-cards.json, ss-cards.json) when those files exist, so
 * that a card read at the desk resolves to a person. Fictional data only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isValidIdNumber, idBirthDate, idSexCode } from '../../../../shared/id-number';
import { checkDocumentNumberByCode } from '../../../contract/vocabulary/identity-documents';
import { cachedStatement } from '../../store/statement-cache';
import type { Db } from '../../store/database';

export const SimPerson = z.object({
  psn_no: z.string().min(1),
  psn_name: z.string().min(1),
  psn_cert_type: z.string().default('01'),
  certno: z.string(),
  gend: z.string(),
  naty: z.string(),
  brdy: z.string(),
  card_no: z.string().optional(),
  card_sn: z.string().optional(),
  ec_token: z.string().optional(),
  insuinfo: z.array(
    z.object({
      insutype: z.string(),
      psn_type: z.string(),
      psn_insu_stas: z.string(),
      insuplc_admdvs: z.string(),
      emp_name: z.string(),
      balc: z.number(),
    }),
  ),
  idetinfo: z.array(z.object({ psn_idet_type: z.string(), psn_idet_type_name: z.string(), begntime: z.string(), endtime: z.string() })),
}).superRefine((p, ctx) => {
  // Each person's number must be a valid number of their own document type (a foreigner's card is no resident ID).
  const check = checkDocumentNumberByCode(p.psn_cert_type, p.certno);
  if (!check.ok) ctx.addIssue({ code: 'custom', path: ['certno'], message: check.message });
});
export type SimPerson = z.infer<typeof SimPerson>;

export function loadSeedPersons(resourcesDir: string): SimPerson[] {
  const file = path.join(resourcesDir, 'samples', 'insured-persons.json');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { persons: unknown[] };
  const persons = raw.persons.map((p) => SimPerson.parse(p));
  mergeCardSamples(resourcesDir, persons);
  return persons;
}

type Loose = Record<string, unknown>;

function entriesOf(file: string): Loose[] {
  if (!fs.existsSync(file)) return [];
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const list = Array.isArray(raw) ? raw : Object.values(raw as Loose).find(Array.isArray);
    return Array.isArray(list) ? (list.filter((x) => x && typeof x === 'object') as Loose[]) : [];
  } catch {
    return [];
  }
}

/** First string value whose key matches. Sample files are written by colleagues; read them leniently. */
function pick(e: Loose, pattern: RegExp, valueTest: (v: string) => boolean = () => true): string | undefined {
  for (const [k, v] of Object.entries(e)) {
    if (pattern.test(k) && typeof v === 'string' && valueTest(v)) return v;
  }
  for (const v of Object.values(e)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = pick(v as Loose, pattern, valueTest);
      if (inner) return inner;
    }
  }
  return undefined;
}

function mergeCardSamples(resourcesDir: string, persons: SimPerson[]): void {
  const byCert = new Map(persons.map((p) => [p.certno.toUpperCase(), p]));
  const ensure = (certno: string, name: string | undefined): SimPerson => {
    const key = certno.toUpperCase();
    let p = byCert.get(key);
    if (!p) {
      p = {
        psn_no: `9901${key.slice(0, 6)}${key.slice(-10).replace(/X/g, '0')}`,
        psn_name: name ?? '样例人员',
        // A 港澳台居民居住证 number (81/82/83…) is that document, not a resident ID.
        psn_cert_type: /^8[123]0000/.test(key) ? '17' : '01',
        certno: key,
        gend: idSexCode(key),
        naty: '01',
        brdy: idBirthDate(key),
        insuinfo: [{ insutype: '390', psn_type: '31', psn_insu_stas: '1', insuplc_admdvs: '990100', emp_name: '', balc: 0 }],
        idetinfo: [],
      };
      persons.push(p);
      byCert.set(key, p);
    }
    return p;
  };
  for (const e of entriesOf(path.join(resourcesDir, 'samples', 'id-cards.json'))) {
    const certno = pick(e, /id|cert|number/i, isValidIdNumber);
    if (certno) ensure(certno, pick(e, /name/i));
  }
  for (const e of entriesOf(path.join(resourcesDir, 'samples', 'ss-cards.json'))) {
    const certno = pick(e, /ssn|id|cert|social/i, isValidIdNumber);
    if (!certno) continue;
    const p = ensure(certno, pick(e, /name/i));
    const cardNo = pick(e, /^card_?no$|cardNumber|card_?num/i);
    const cardSn = pick(e, /card_?sn|card_?id|identifier|识别/i, (v) => /^[0-9A-Za-z]{32}$/.test(v));
    if (cardNo && !p.card_no) p.card_no = cardNo;
    if (cardSn && !p.card_sn) p.card_sn = cardSn;
  }
}

/** Insert persons not yet present (a re-seed never overwrites state). */
export function seedPersons(db: Db, persons: SimPerson[]): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO persons (psn_no, certno, card_no, card_sn, ec_token, json) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const p of persons) insert.run(p.psn_no, p.certno.toUpperCase(), p.card_no ?? null, p.card_sn ?? null, p.ec_token ?? null, JSON.stringify(p));
  })();
}

export function findPerson(db: Db, column: 'psn_no' | 'certno' | 'card_no' | 'ec_token', value: string): SimPerson | null {
  const row = cachedStatement(db, `SELECT json FROM persons WHERE ${column} = ?`).get(value) as { json: string } | undefined;
  return row ? (JSON.parse(row.json) as SimPerson) : null;
}
