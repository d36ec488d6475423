/**
 * 零星报销 (profile-mapped codes, fields and money unit): a known reason, invoices that add up to the total
 * and were never reimbursed before, 基金支付 not above the total; the query finds claims by person or by
 * any invoice a claim ever carried.
 */
import { invoicesClaimedRule } from '../../../../contract/rules/person-rules';
import { cachedStatement as st } from '../../../store/statement-cache';
import { fenToWire, localDate, wireToFen } from '../../envelope';
import { fromWire, toWire } from '../../field-map';
import type { ProvinceProfile } from '../../profile';
import type { RecordRow } from '../store';
import { date, insuredPerson, Refusal, text, type Handler } from './handler';
import { cancelRecord, insertRecord, listRecords, nextSn } from './records';

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

export function reimbursementHandlers(profile: ProvinceProfile): Record<string, Handler> {
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
    }
    const claimed = invoices.flatMap((inv) => {
      const used = st(ctx.db, 'SELECT claim_sn FROM invoices WHERE bill_code = ? AND bill_no = ?').get(inv.code, inv.no) as { claim_sn: string } | undefined;
      return used ? [{ code: inv.code, no: inv.no, ref: `平台报销流水号 ${used.claim_sn}` }] : [];
    });
    const used = invoicesClaimedRule(claimed);
    if (used) throw new Refusal(used.message);
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
