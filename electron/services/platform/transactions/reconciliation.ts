/** 3201 对总账: our totals for a period (integer 分 here, 元 on the wire) against the platform's. */
import type { CallOptions, PlatformClient } from '../client';
import { fenToWire } from '../envelope';
import { pickString, type Done } from './shared';

export interface ReconcileInput {
  insutype: string;
  clr_type: string;
  setl_optins: string;
  /** yyyy-MM-dd, inclusive. */
  stmt_begndate: string;
  stmt_enddate: string;
  medfee_sumamt_fen: number;
  fund_pay_sumamt_fen: number;
  acct_pay_fen: number;
  fixmedins_setl_cnt: number;
}
export interface ReconcileResult {
  setl_optins: string;
  /** 0 平 (balanced), 1 不平. */
  stmt_rslt: string;
  stmt_rslt_dscr: string;
}

export async function reconcile(client: PlatformClient, input: ReconcileInput, opts?: CallOptions): Promise<Done<ReconcileResult>> {
  const reply = await client.call(
    '3201',
    {
      insutype: input.insutype,
      clr_type: input.clr_type,
      setl_optins: input.setl_optins,
      stmt_begndate: input.stmt_begndate,
      stmt_enddate: input.stmt_enddate,
      medfee_sumamt: fenToWire(input.medfee_sumamt_fen, 'yuan'),
      fund_pay_sumamt: fenToWire(input.fund_pay_sumamt_fen, 'yuan'),
      acct_pay: fenToWire(input.acct_pay_fen, 'yuan'),
      fixmedins_setl_cnt: input.fixmedins_setl_cnt,
    },
    opts,
  );
  return {
    msgid: reply.msgid,
    result: {
      setl_optins: pickString(reply.output, 'stmtinfo', 'setl_optins', '3201'),
      stmt_rslt: pickString(reply.output, 'stmtinfo', 'stmt_rslt', '3201'),
      stmt_rslt_dscr: pickString(reply.output, 'stmtinfo', 'stmt_rslt_dscr', '3201'),
    },
  };
}
