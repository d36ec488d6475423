/**
 * The simulated platform's business rules, one handler per transaction. Handlers run inside one SQLite
 * transaction with the message log, and refuse with a Chinese message (infcode -1) the way a platform would:
 * unknown person or disease, duplicate registration, cancellation of nothing, invoice already reimbursed.
 */
import crypto from 'node:crypto';
import type { Db } from '../../store/database';
import { cachedStatement as st } from '../../store/statement-cache';
import type { ProvinceProfile } from '../profile';
import { compactTime, infTime, wireToFen, fenToWire, localDate } from '../envelope';
import { fromWire, toWire } from '../field-map';
import { findPerson, type SimPerson } from './persons';
import type { RecordKind, RecordRow } from './store';

export class Refusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}

export interface HandlerContext {
  db: Db;
  profile: ProvinceProfile;
  now: Date;
  msgid: string;
  opter: string;
  insuplcAdmdvs: string;
  node: Record<string, unknown>;
  diseases: Map<string, string>;
  /** Sign-ins last this long (seconds); default: to the end of the day. */
  signNoTtlSeconds?: number;
}

export interface HandlerResult {
  output: Record<string, unknown>;
  psnNo?: string;
  /** The record this message created (for 2601). */
  recordSn?: string;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

// ---------- input helpers ----------

function text(node: Record<string, unknown>, field: string, required = true): string {
  const v = node[field];
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
  if (required && !s) throw new Refusal(`缺少必填字段 ${field}`);
  return s;
}

function date(node: Record<string, unknown>, field: string, required = true): string {
  const s = text(node, field, required);
  if (!s) return '';
  const d = s.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) {
    throw new Refusal(`字段 ${field} 日期格式应为 yyyy-MM-dd: ${s}`);
  }
  return d;
}

function admdvs(node: Record<string, unknown>, field: string): string {
  const s = text(node, field);
  if (!/^\d{6}$/.test(s)) throw new Refusal(`字段 ${field} 应为6位行政区划代码: ${s}`);
  return s;
}

function addMonths(d: string, months: number): string {
  const [y, m, day] = d.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + months, day));
  return t.toISOString().slice(0, 10);
}

function nextSn(db: Db, prefix: string, now: Date): string {
  // Records are never deleted, so the largest rowid + 1 equals the count + 1 without a full count.
  const n = (st(db, 'SELECT COALESCE(MAX(rowid), 0) + 1 AS n FROM records').get() as { n: number }).n;
  return `${prefix}${compactTime(now)}${String(n).padStart(8, '0')}`;
}

/** The person behind psn_no, insured in `insutype` where insuplc_admdvs agrees with the envelope. */
function insuredPerson(ctx: HandlerContext, psnNo: string, insutype?: string): SimPerson {
  const p = findPerson(ctx.db, 'psn_no', psnNo);
  if (!p) throw new Refusal(`人员编号 ${psnNo} 不存在`);
  if (insutype !== undefined) {
    const ins = p.insuinfo.find((i) => i.insutype === insutype);
    if (!ins) throw new Refusal(`该人员未参加险种 ${insutype}`);
    if (ins.insuplc_admdvs !== ctx.insuplcAdmdvs) throw new Refusal(`参保地区划 ${ctx.insuplcAdmdvs} 与该人员参保地 ${ins.insuplc_admdvs} 不符`);
    if (ins.psn_insu_stas !== '1') throw new Refusal('该人员参保状态非正常参保，不能办理');
  } else if (!p.insuinfo.some((i) => i.insuplc_admdvs === ctx.insuplcAdmdvs)) {
    throw new Refusal(`参保地区划 ${ctx.insuplcAdmdvs} 与该人员参保地不符`);
  }
  return p;
}

function insertRecord(ctx: HandlerContext, row: Omit<RecordRow, 'status' | 'created_msgid' | 'created_at' | 'json'>, data: unknown): void {
  st(
    ctx.db,
    `INSERT INTO records (sn, kind, psn_no, insutype, key1, key2, begndate, enddate, status, created_msgid, created_at, json)
       VALUES (@sn, @kind, @psn_no, @insutype, @key1, @key2, @begndate, @enddate, 'valid', @msgid, @at, @json)`,
    )
    .run({ ...row, msgid: ctx.msgid, at: ctx.now.toISOString(), json: JSON.stringify(data) });
}

function recordOf(db: Db, kind: RecordKind, sn: string, psnNo: string): RecordRow | undefined {
  return st(db, 'SELECT * FROM records WHERE kind = ? AND sn = ? AND psn_no = ?').get(kind, sn, psnNo) as RecordRow | undefined;
}

function listRecords(db: Db, kind: RecordKind, psnNo: string): RecordRow[] {
  return st(db, 'SELECT * FROM records WHERE kind = ? AND psn_no = ? ORDER BY created_at, sn').all(kind, psnNo) as RecordRow[];
}

/** A person's records of one kind, narrowed by key1 and/or begndate through the index when given. */
function findRecords(db: Db, kind: RecordKind, psnNo: string, key1: string, begndate: string): RecordRow[] {
  if (key1 && begndate) {
    return st(db, 'SELECT * FROM records WHERE kind = ? AND psn_no = ? AND key1 = ? AND begndate = ? ORDER BY created_at, sn').all(
      kind,
      psnNo,
      key1,
      begndate,
    ) as RecordRow[];
  }
  if (key1) {
    return st(db, 'SELECT * FROM records WHERE kind = ? AND psn_no = ? AND key1 = ? ORDER BY created_at, sn').all(kind, psnNo, key1) as RecordRow[];
  }
  const rows = listRecords(db, kind, psnNo);
  return begndate ? rows.filter((r) => r.begndate === begndate) : rows;
}

/** Valid records with this key1 whose window overlaps [begndate, enddate] ('' = open-ended), via the partial index. */
function overlappingValid(db: Db, kind: RecordKind, psnNo: string, key1: string, begndate: string, enddate: string): RecordRow[] {
  const until = enddate || '9999-12-31';
  const openEnded = st(
    db,
    `SELECT * FROM records WHERE kind = ? AND psn_no = ? AND key1 = ? AND status = 'valid' AND enddate = '' AND begndate <= ?`,
  ).all(kind, psnNo, key1, until) as RecordRow[];
  const bounded = st(
    db,
    `SELECT * FROM records WHERE kind = ? AND psn_no = ? AND key1 = ? AND status = 'valid' AND enddate >= ? AND begndate <= ?`,
  ).all(kind, psnNo, key1, begndate, until) as RecordRow[];
  return [...openEnded, ...bounded].sort((a, b) => (a.created_at + a.sn < b.created_at + b.sn ? -1 : 1));
}

function cancelRecord(ctx: HandlerContext, kind: RecordKind, sn: string, psnNo: string, what: string): RecordRow {
  const rec = recordOf(ctx.db, kind, sn, psnNo);
  if (!rec) throw new Refusal(`未找到要撤销的${what} (${sn})`);
  if (rec.status !== 'valid') throw new Refusal(`该${what}已撤销，不能重复撤销`);
  st(ctx.db, `UPDATE records SET status = 'cancelled' WHERE sn = ?`).run(sn);
  if (kind === 'reimbursement') st(ctx.db, 'DELETE FROM invoices WHERE claim_sn = ?').run(sn);
  return rec;
}

// ---------- 9001 / 9002 ----------

const signIn: Handler = (ctx) => {
  const opterNo = text(ctx.node, 'opter_no');
  if (opterNo !== ctx.opter) throw new Refusal('签到的操作员编号与报文操作员不一致');
  const signNo = compactTime(ctx.now) + crypto.randomInt(0, 1e12).toString().padStart(12, '0') + '0001';
  const end = ctx.signNoTtlSeconds !== undefined ? new Date(ctx.now.getTime() + ctx.signNoTtlSeconds * 1000) : endOfDay(ctx.now);
  const signTime = infTime(ctx.now);
  st(ctx.db, 'INSERT INTO sign_ins (sign_no, opter_no, sign_time, expires_at) VALUES (?, ?, ?, ?)').run(signNo, opterNo, signTime, end.toISOString());
  return { output: { signinoutb: { sign_time: signTime, sign_no: signNo } } };
};

function endOfDay(d: Date): Date {
  const e = new Date(d);
  e.setHours(23, 59, 59, 999);
  return e;
}

const signOut: Handler = (ctx) => {
  const signNo = text(ctx.node, 'sign_no');
  text(ctx.node, 'opter_no');
  const r = st(ctx.db, 'UPDATE sign_ins SET signed_out = 1 WHERE sign_no = ? AND signed_out = 0').run(signNo);
  if (r.changes === 0) throw new Refusal('签到编号不存在或已签退');
  return { output: { signoutoutb: { sign_time: infTime(ctx.now) } } };
};

// ---------- 1101 ----------

function ageOn(brdy: string, now: Date): number {
  const [y, m, d] = brdy.split('-').map(Number);
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age;
}

const personInfo: Handler = (ctx) => {
  const type = text(ctx.node, 'mdtrt_cert_type');
  const no = text(ctx.node, 'mdtrt_cert_no');
  let p: SimPerson | null;
  if (type === '02') p = findPerson(ctx.db, 'certno', no.toUpperCase());
  else if (type === '01') p = findPerson(ctx.db, 'ec_token', no);
  else if (type === '03') {
    const sn = text(ctx.node, 'card_sn', false);
    if (!sn) throw new Refusal('社会保障卡查询必须提供卡识别码 card_sn');
    p = findPerson(ctx.db, 'card_no', no);
    if (p && p.card_sn !== sn) throw new Refusal('卡识别码与社会保障卡号不符');
  } else throw new Refusal(`就诊凭证类型 ${type} 无效 (01 电子凭证, 02 身份证, 03 社保卡)`);
  if (!p) throw new Refusal(type === '01' ? '电子凭证无效或已过期，请重新出示' : '未查询到该人员的参保信息');
  return {
    psnNo: p.psn_no,
    output: {
      baseinfo: {
        psn_no: p.psn_no,
        psn_cert_type: p.psn_cert_type,
        certno: p.certno,
        psn_name: p.psn_name,
        gend: p.gend,
        naty: p.naty,
        brdy: p.brdy,
        age: ageOn(p.brdy, ctx.now),
      },
      insuinfo: p.insuinfo,
      idetinfo: p.idetinfo,
    },
  };
};

// ---------- 2503 / 2504 / 5301 ----------

const registerSpecialDisease: Handler = (ctx) => {
  const n = ctx.node;
  const psnNo = text(n, 'psn_no');
  const insutype = text(n, 'insutype');
  insuredPerson(ctx, psnNo, insutype);
  const code = text(n, 'opsp_dise_code');
  const name = text(n, 'opsp_dise_name');
  const known = ctx.diseases.get(code);
  if (!known) throw new Refusal(`慢特病病种编码 ${code} 不在本统筹区病种目录中`);
  if (known !== name) throw new Refusal(`病种名称“${name}”与编码 ${code} (${known}) 不符`);
  for (const f of ['ide_fixmedins_no', 'ide_fixmedins_name', 'diag_dr_codg', 'diag_dr_name']) text(n, f);
  date(n, 'hosp_ide_date');
  const begndate = date(n, 'begndate');
  const enddate = date(n, 'enddate', false);
  if (enddate && enddate < begndate) throw new Refusal('结束日期不能早于开始日期');
  const dup = overlappingValid(ctx.db, 'special-disease', psnNo, code, begndate, enddate)[0];
  if (dup) throw new Refusal(`该人员已存在有效的${known}备案 (${dup.sn})，不能重复备案`);
  const sn = nextSn(ctx.db, 'MT', ctx.now);
  const data = { ...n, trt_dcla_detl_sn: sn };
  insertRecord(ctx, { sn, kind: 'special-disease', psn_no: psnNo, insutype, key1: code, key2: '', begndate, enddate }, data);
  return { psnNo, recordSn: sn, output: { result: { trt_dcla_detl_sn: sn } } };
};

const cancelSpecialDisease: Handler = (ctx) => {
  const psnNo = text(ctx.node, 'psn_no');
  insuredPerson(ctx, psnNo);
  cancelRecord(ctx, 'special-disease', text(ctx.node, 'trt_dcla_detl_sn'), psnNo, '慢特病备案');
  return { psnNo, output: {} };
};

const querySpecialDisease: Handler = (ctx) => {
  const psnNo = text(ctx.node, 'psn_no');
  insuredPerson(ctx, psnNo);
  const code = text(ctx.node, 'opsp_dise_code', false);
  const begn = date(ctx.node, 'begndate', false);
  const rows = findRecords(ctx.db, 'special-disease', psnNo, code, begn);
  const feedetail = rows.map((r) => {
    const d = JSON.parse(r.json) as Record<string, unknown>;
    return {
      trt_dcla_detl_sn: r.sn,
      psn_no: r.psn_no,
      insutype: r.insutype,
      opsp_dise_code: r.key1,
      opsp_dise_name: d.opsp_dise_name,
      begndate: r.begndate,
      enddate: r.enddate,
      ide_fixmedins_no: d.ide_fixmedins_no,
      ide_fixmedins_name: d.ide_fixmedins_name,
      vali_flag: r.status === 'valid' ? '1' : '0',
      [ctx.profile.specialDisease.caseNoField]: d[ctx.profile.specialDisease.caseNoField] ?? '',
    };
  });
  return { psnNo, output: { feedetail } };
};

// ---------- 2501 / 2502 ----------

const registerReferral: Handler = (ctx) => {
  const n = ctx.node;
  const psnNo = text(n, 'psn_no');
  const insutype = text(n, 'insutype');
  insuredPerson(ctx, psnNo, insutype);
  for (const f of ['diag_code', 'diag_name', 'reflin_medins_no', 'reflin_medins_name', 'refl_type', 'refl_rea', 'refl_opnn']) text(n, f);
  admdvs(n, 'mdtrtarea_admdvs');
  date(n, 'refl_date');
  const begndate = date(n, 'begndate');
  const enddate = date(n, 'enddate');
  if (enddate < begndate) throw new Refusal('结束日期不能早于开始日期');
  const hosp = text(n, 'reflin_medins_no');
  const dup = overlappingValid(ctx.db, 'referral', psnNo, hosp, begndate, enddate)[0];
  if (dup) throw new Refusal(`该人员已存在转往该医院的有效转院备案 (${dup.sn})`);
  const sn = nextSn(ctx.db, 'ZY', ctx.now);
  insertRecord(ctx, { sn, kind: 'referral', psn_no: psnNo, insutype, key1: hosp, key2: text(n, 'diag_code'), begndate, enddate }, n);
  return { psnNo, recordSn: sn, output: { result: { trt_dcla_detl_sn: sn } } };
};

const cancelReferral: Handler = (ctx) => {
  const psnNo = text(ctx.node, 'psn_no');
  insuredPerson(ctx, psnNo);
  cancelRecord(ctx, 'referral', text(ctx.node, 'trt_dcla_detl_sn'), psnNo, '转院备案');
  return { psnNo, output: {} };
};

// ---------- 9101 ----------

const MAX_FILE_BYTES = 10 * 1024 * 1024;

const uploadFile: Handler = (ctx) => {
  const b64 = text(ctx.node, 'in');
  const filename = text(ctx.node, 'filename');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new Refusal('附件内容不是合法的 Base64');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw new Refusal('附件内容为空');
  if (bytes.length > MAX_FILE_BYTES) throw new Refusal('附件超过 10MB 上限');
  const no = `F${compactTime(ctx.now)}${crypto.randomBytes(6).toString('hex').toUpperCase()}`;
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  st(ctx.db, 'INSERT INTO files (file_qury_no, filename, size, sha256, content, at) VALUES (?, ?, ?, ?, ?, ?)').run(no, filename, bytes.length, sha, bytes, ctx.now.toISOString());
  const until = new Date(ctx.now.getTime() + 30 * 86_400_000);
  return { output: { data: { file_qury_no: no, filename, dld_endtime: infTime(until) } } };
};

// ---------- 2601 ----------

const REVERSIBLE = (p: ProvinceProfile) => new Set(['2503', '2501', p.remoteRegistration.codes.register, p.reimbursement.codes.submit]);

const reverse: Handler = (ctx) => {
  const psnNo = text(ctx.node, 'psn_no');
  const omsgid = text(ctx.node, 'omsgid');
  const oinfno = text(ctx.node, 'oinfno');
  const orig = st(ctx.db, 'SELECT * FROM messages WHERE msgid = ?').get(omsgid) as
    | { infno: string; psn_no: string | null; infcode: number; record_sn: string | null; reversed: number }
    | undefined;
  if (!orig) throw new Refusal(`原交易 ${omsgid} 不存在，无法冲正`);
  if (orig.infno !== oinfno) throw new Refusal(`原交易编号不符: 原交易为 ${orig.infno}`);
  if (orig.psn_no && orig.psn_no !== psnNo) throw new Refusal('原交易的人员编号与冲正请求不符');
  if (orig.infcode !== 0) throw new Refusal('原交易未成功，无需冲正');
  if (orig.reversed) throw new Refusal('原交易已冲正，不能重复冲正');
  if (!REVERSIBLE(ctx.profile).has(oinfno) || !orig.record_sn) throw new Refusal(`交易 ${oinfno} 不支持冲正`);
  st(ctx.db, `UPDATE records SET status = 'reversed' WHERE sn = ?`).run(orig.record_sn);
  st(ctx.db, 'DELETE FROM invoices WHERE claim_sn = ?').run(orig.record_sn);
  st(ctx.db, 'UPDATE messages SET reversed = 1 WHERE msgid = ?').run(omsgid);
  return { psnNo, output: {} };
};

// ---------- 3201 ----------

const reconcile: Handler = (ctx) => {
  const n = ctx.node;
  const insutype = text(n, 'insutype');
  text(n, 'clr_type');
  const optins = text(n, 'setl_optins');
  const begn = date(n, 'stmt_begndate');
  const end = date(n, 'stmt_enddate');
  if (end < begn) throw new Refusal('对账结束日期不能早于开始日期');
  let medfee: number, fund: number, acct: number;
  try {
    medfee = wireToFen(n.medfee_sumamt, 'yuan');
    fund = wireToFen(n.fund_pay_sumamt, 'yuan');
    acct = wireToFen(n.acct_pay ?? 0, 'yuan');
  } catch {
    throw new Refusal('对账金额格式不对');
  }
  const cnt = Number(n.fixmedins_setl_cnt);
  if (!Number.isInteger(cnt) || cnt < 0) throw new Refusal('对账笔数应为非负整数');
  const rows = ctx.db
    .prepare(`SELECT json FROM records WHERE kind = 'reimbursement' AND status = 'valid' AND insutype = ? AND key2 BETWEEN ? AND ?`)
    .all(insutype, begn, end) as { json: string }[];
  let pMed = 0;
  let pFund = 0;
  for (const r of rows) {
    const c = JSON.parse(r.json) as { totalFen: number; fundPayFen: number };
    pMed += c.totalFen;
    pFund += c.fundPayFen;
  }
  const balanced = pMed === medfee && pFund === fund && acct === 0 && rows.length === cnt;
  return {
    output: {
      stmtinfo: {
        setl_optins: optins,
        stmt_rslt: balanced ? '0' : '1',
        stmt_rslt_dscr: balanced
          ? '对账一致'
          : `对账不平: 平台 ${rows.length} 笔, 医疗费 ${fenToWire(pMed, 'yuan')} 元, 基金支付 ${fenToWire(pFund, 'yuan')} 元; 本端 ${cnt} 笔, 医疗费 ${fenToWire(medfee, 'yuan')} 元, 基金支付 ${fenToWire(fund, 'yuan')} 元`,
      },
    },
  };
};

// ---------- 异地就医备案 (profile-mapped) ----------

const LONG_TERM = new Set(['retiredResettled', 'longTermResidence', 'residentWorker']);

function remoteRegHandlers(profile: ProvinceProfile): Record<string, Handler> {
  const p = profile.remoteRegistration;
  const typeByCode = new Map(Object.entries(p.typeCodes).map(([k, v]) => [v, k]));
  const F = p.fields;
  const register: Handler = (ctx) => {
    const n = ctx.node;
    const psnNo = text(n, F.psnNo);
    const insutype = text(n, F.insutype);
    const person = insuredPerson(ctx, psnNo, insutype);
    const typeCode = text(n, F.regType);
    const type = typeByCode.get(typeCode);
    if (!type) throw new Refusal(`异地备案类型代码 ${typeCode} 无效`);
    const target = admdvs(n, F.targetAdmdvs);
    const home = person.insuinfo.find((i) => i.insutype === insutype)!.insuplc_admdvs;
    if (target.slice(0, 4) === home.slice(0, 4)) throw new Refusal('就医地与参保地属同一统筹区，无需办理异地就医备案');
    text(n, F.tel);
    text(n, F.addr);
    const begndate = date(n, F.begndate);
    let enddate = date(n, F.enddate, false);
    const longTerm = LONG_TERM.has(type);
    if (!longTerm && !enddate) enddate = addMonths(begndate, 6);
    if (enddate && enddate < begndate) throw new Refusal('结束日期不能早于开始日期');
    const dup = longTerm
      ? (st(ctx.db, `SELECT * FROM records WHERE kind = 'remote-registration' AND psn_no = ? AND key1 IN (${[...LONG_TERM].map((t) => `'${t}'`).join(', ')}) AND status = 'valid' LIMIT 1`).get(psnNo) as
          | RecordRow
          | undefined)
      : overlappingValid(ctx.db, 'remote-registration', psnNo, type, begndate, enddate).find((r) => r.key2 === target);
    if (dup) throw new Refusal(longTerm ? `该人员已有有效的长期异地备案 (${dup.sn})，请先变更或撤销` : `该人员已有相同的有效临时异地备案 (${dup.sn})`);
    const sn = nextSn(ctx.db, 'YD', ctx.now);
    insertRecord(ctx, { sn, kind: 'remote-registration', psn_no: psnNo, insutype, key1: type, key2: target, begndate, enddate }, n);
    return { psnNo, recordSn: sn, output: { [p.resultNode]: toWire(F, { regSn: sn, begndate, enddate }) } };
  };
  const cancel: Handler = (ctx) => {
    const psnNo = text(ctx.node, F.psnNo);
    insuredPerson(ctx, psnNo);
    const sn = text(ctx.node, F.regSn);
    const rec = recordOf(ctx.db, 'remote-registration', sn, psnNo);
    if (rec && rec.status === 'valid' && LONG_TERM.has(rec.key1) && localDate(ctx.now) < addMonths(rec.begndate, p.longTermMinMonths)) {
      throw new Refusal(`长期异地就医备案满${p.longTermMinMonths}个月后方可变更或撤销 (开始日期 ${rec.begndate})`);
    }
    cancelRecord(ctx, 'remote-registration', sn, psnNo, '异地就医备案');
    return { psnNo, output: {} };
  };
  const query: Handler = (ctx) => {
    const psnNo = text(ctx.node, F.psnNo);
    insuredPerson(ctx, psnNo);
    const typeCode = text(ctx.node, F.regType, false);
    const type = typeCode ? typeByCode.get(typeCode) : undefined;
    if (typeCode && !type) throw new Refusal(`异地备案类型代码 ${typeCode} 无效`);
    const begn = date(ctx.node, F.begndate, false);
    const list = findRecords(ctx.db, 'remote-registration', psnNo, type ?? '', begn)
      .map((r) =>
        toWire(F, {
          regSn: r.sn,
          psnNo: r.psn_no,
          insutype: r.insutype,
          regType: p.typeCodes[r.key1 as keyof typeof p.typeCodes],
          targetAdmdvs: r.key2,
          begndate: r.begndate,
          enddate: r.enddate,
          status: r.status === 'valid' ? '1' : '0',
          caseNo: String((JSON.parse(r.json) as Record<string, unknown>)[F.caseNo] ?? ''),
        }),
      );
    return { psnNo, output: { [p.listNode]: list } };
  };
  return { [p.codes.register]: register, [p.codes.cancel]: cancel, [p.codes.query]: query };
}

// ---------- 零星报销 (profile-mapped) ----------

const REIMBURSEMENT_REASONS = new Set(['01', '02', '03', '04', '05', '9923', '9924']);

interface StoredClaim {
  claimSn: string;
  reason: string;
  totalFen: number;
  fundPayFen: number;
  invoices: { code: string; no: string; amountFen: number }[];
  claimDate: string;
  /** The submitting office's 办件编号, if it sent one. */
  caseNo?: string;
}

function reimbursementHandlers(profile: ProvinceProfile): Record<string, Handler> {
  const p = profile.reimbursement;
  const F = p.fields;
  const money = (v: unknown, field: string): number => {
    try {
      const fen = wireToFen(v, p.moneyUnit);
      if (fen < 0) throw new Error('negative');
      return fen;
    } catch {
      throw new Refusal(`字段 ${field} 金额格式不对: ${String(v)}`);
    }
  };
  const submit: Handler = (ctx) => {
    const n = ctx.node;
    const psnNo = text(n, F.psnNo);
    const insutype = text(n, F.insutype);
    insuredPerson(ctx, psnNo, insutype);
    const reason = text(n, F.reason);
    if (!REIMBURSEMENT_REASONS.has(reason)) throw new Refusal(`零星报销原因代码 ${reason} 无效`);
    text(n, F.hospitalCode);
    text(n, F.hospitalName);
    const begndate = date(n, F.begndate);
    const enddate = date(n, F.enddate);
    if (enddate < begndate) throw new Refusal('结束日期不能早于开始日期');
    const total = money(n[F.totalAmount], F.totalAmount);
    const fund = money(n[F.fundPay], F.fundPay);
    if (fund > total) throw new Refusal('基金支付金额不能大于医疗费总额');
    const rawList = n[F.invoices];
    if (!Array.isArray(rawList) || rawList.length === 0) throw new Refusal('零星报销至少需要一张票据');
    const invoices = rawList.map((raw, i) => {
      if (!raw || typeof raw !== 'object') throw new Refusal(`第${i + 1}张票据格式不对`);
      const r = raw as Record<string, unknown>;
      return { code: text(r, F.invoiceCode), no: text(r, F.invoiceNo), amountFen: money(r[F.invoiceAmount], F.invoiceAmount) };
    });
    const keys = new Set<string>();
    for (const inv of invoices) {
      const key = `${inv.code}/${inv.no}`;
      if (keys.has(key)) throw new Refusal(`票据 ${key} 在本次申请中重复`);
      keys.add(key);
      const used = st(ctx.db, 'SELECT claim_sn FROM invoices WHERE bill_code = ? AND bill_no = ?').get(inv.code, inv.no) as { claim_sn: string } | undefined;
      if (used) throw new Refusal(`票据 ${key} 已报销 (${used.claim_sn})，不能重复报销`);
    }
    const sum = invoices.reduce((s, i) => s + i.amountFen, 0);
    if (sum !== total) throw new Refusal(`票据金额合计 ${fenToWire(sum, 'yuan')} 元与医疗费总额 ${fenToWire(total, 'yuan')} 元不符`);
    const sn = nextSn(ctx.db, 'LX', ctx.now);
    const claimDate = localDate(ctx.now);
    const caseNo = text(n, F.caseNo, false);
    const stored: StoredClaim = { claimSn: sn, reason, totalFen: total, fundPayFen: fund, invoices, claimDate, ...(caseNo ? { caseNo } : {}) };
    insertRecord(ctx, { sn, kind: 'reimbursement', psn_no: psnNo, insutype, key1: reason, key2: claimDate, begndate, enddate }, stored);
    const ins = st(ctx.db, 'INSERT INTO invoices (bill_code, bill_no, claim_sn) VALUES (?, ?, ?)');
    const everOn = st(ctx.db, 'INSERT OR IGNORE INTO claim_invoices (bill_code, bill_no, claim_sn) VALUES (?, ?, ?)');
    for (const inv of invoices) {
      ins.run(inv.code, inv.no, sn);
      everOn.run(inv.code, inv.no, sn);
    }
    return { psnNo, recordSn: sn, output: { [p.resultNode]: toWire(F, { claimSn: sn, claimDate }) } };
  };
  const cancel: Handler = (ctx) => {
    const psnNo = text(ctx.node, F.psnNo);
    insuredPerson(ctx, psnNo);
    cancelRecord(ctx, 'reimbursement', text(ctx.node, F.claimSn), psnNo, '零星报销');
    return { psnNo, output: {} };
  };
  const query: Handler = (ctx) => {
    const q = fromWire(F, ctx.node);
    const psnNo = String(q.psnNo ?? '').trim();
    const code = String(q.invoiceCode ?? '').trim();
    const no = String(q.invoiceNo ?? '').trim();
    let rows: RecordRow[];
    if (code && no) {
      // Every claim (valid or not) that ever carried this invoice.
      rows = st(
        ctx.db,
        `SELECT r.* FROM claim_invoices ci JOIN records r ON r.sn = ci.claim_sn
         WHERE ci.bill_code = ? AND ci.bill_no = ? ORDER BY r.created_at, r.sn`,
      ).all(code, no) as RecordRow[];
      if (psnNo) rows = rows.filter((r) => r.psn_no === psnNo);
    } else if (psnNo) {
      insuredPerson(ctx, psnNo);
      rows = listRecords(ctx.db, 'reimbursement', psnNo);
    } else throw new Refusal('查询零星报销需要人员编号或票据代码加票据号码');
    const list = rows.map((r) => {
      const c = JSON.parse(r.json) as StoredClaim;
      return toWire(F, {
        claimSn: r.sn,
        psnNo: r.psn_no,
        insutype: r.insutype,
        reason: c.reason,
        totalAmount: fenToWire(c.totalFen, p.moneyUnit),
        fundPay: fenToWire(c.fundPayFen, p.moneyUnit),
        invoices: c.invoices.map((i) => toWire(F, { invoiceCode: i.code, invoiceNo: i.no, invoiceAmount: fenToWire(i.amountFen, p.moneyUnit) })),
        claimDate: c.claimDate,
        status: r.status === 'valid' ? '1' : '0',
        caseNo: c.caseNo ?? '',
      });
    });
    return { psnNo: psnNo || undefined, output: { [p.listNode]: list } };
  };
  return { [p.codes.submit]: submit, [p.codes.cancel]: cancel, [p.codes.query]: query };
}

/** Every transaction the simulated platform answers, keyed by infno. */
export function buildHandlers(profile: ProvinceProfile): Record<string, Handler> {
  return {
    '9001': signIn,
    '9002': signOut,
    '1101': personInfo,
    '2503': registerSpecialDisease,
    '2504': cancelSpecialDisease,
    '5301': querySpecialDisease,
    '2501': registerReferral,
    '2502': cancelReferral,
    '9101': uploadFile,
    '2601': reverse,
    '3201': reconcile,
    ...remoteRegHandlers(profile),
    ...reimbursementHandlers(profile),
  };
}

/** Which wire field carries psn_no for an infno (profile codes may rename it). */
export function psnNoField(profile: ProvinceProfile, infno: string): string {
  const rr = profile.remoteRegistration;
  const rb = profile.reimbursement;
  if (Object.values(rr.codes).includes(infno)) return rr.fields.psnNo;
  if (Object.values(rb.codes).includes(infno)) return rb.fields.psnNo;
  return 'psn_no';
}
