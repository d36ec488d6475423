/**
 * 3201 对总账: compare the caller's count and totals for an insutype and period with the valid 零星报销
 * claims the simulator holds; balanced only if count, 医疗费 and 基金支付 agree and 个人账户 is 0.
 */
import { fenToWire, wireToFen } from '../../envelope';
import { date, Refusal, text, type Handler } from './handler';

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

export const reconciliationHandlers: Record<string, Handler> = { '3201': reconcile };
