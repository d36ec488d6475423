/**
 * 2601 冲正: reverse a successful, not yet reversed filing (2503, 2501, the profile's 异地备案 register and
 * 零星报销 submit) by its msgid; its record becomes 'reversed' and its invoices are free again.
 */
import { cachedStatement as st } from '../../../store/statement-cache';
import type { ProvinceProfile } from '../../profile';
import { Refusal, text, type Handler } from './handler';

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

export const reversalHandlers: Record<string, Handler> = { '2601': reverse };
