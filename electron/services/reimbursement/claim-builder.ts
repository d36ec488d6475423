/**
 * The 零星报销 form → the policy engine's claim. Money arrives as 元 text and becomes integer 分 here; the
 * person's insutype, retirement and assistance identity come from the platform's answer; `ytd` is supplied by
 * the caller (this workstation's settled claims of the year). The engine then validates the claim itself.
 */
import type { ReimbursementForm } from '../../contract/features/cases';
import type { Person } from '../platform/transactions/person';
import type { ClaimInput } from '../policy';
import type { Ytd } from '../policy/types';
import { AppError } from '../../contract/errors';
import { isCaseInsutype } from '../../contract/vocabulary/insurance-types';
import { assistanceIdentityOn, isRetired } from './person-facts';
import { MoneyTextError, optionalYuanToFen, yuanToFen } from './yuan';

export interface DiseaseWindow {
  code: string;
  registeredFrom: string;
  registeredTo: string;
}

export interface BuiltClaim {
  claim: ClaimInput & { ytd: Ytd };
  invoices: Array<{ code: string; no: string; amountFen: number }>;
  totalFen: number;
}

export function buildClaim(person: Person, form: ReimbursementForm, ytd: Ytd, disease: DiseaseWindow | null): BuiltClaim {
  if (!person.insuinfo.some((i) => i.insutype === form.insutype)) {
    throw new AppError('invalid-input', `该人员没有险种 ${form.insutype} 的参保记录，请按平台查询结果选择险种`);
  }
  if (!isCaseInsutype(form.insutype)) {
    throw new AppError('invalid-input', `险种 ${form.insutype} 不能办理零星报销，请选择职工基本医疗保险 (310) 或城乡居民基本医疗保险 (390)`);
  }
  try {
    const items = form.items.map((it, n) => {
      const label = `第 ${n + 1} 条费用（${it.name}）`;
      const overLimit = optionalYuanToFen(it.overLimit, `${label}的超限价金额`);
      const ratio = it.selfPayRatio.trim() === '' ? undefined : Number(it.selfPayRatio);
      return {
        name: it.name,
        category: it.category,
        amount: yuanToFen(it.amount, `${label}的金额`),
        ...(overLimit === undefined ? {} : { overLimit }),
        ...(ratio === undefined ? {} : { selfPayRatio: ratio }),
      };
    });
    const invoices = form.invoices.map((i, n) => ({ code: i.code, no: i.no, amountFen: yuanToFen(i.amount, `第 ${n + 1} 张票据金额`) }));
    const totalFen = items.reduce((s, i) => s + i.amount, 0);
    const invoiceFen = invoices.reduce((s, i) => s + i.amountFen, 0);
    if (invoiceFen !== totalFen) {
      throw new AppError(
        'invalid-input',
        `票据金额合计 ${fmt(invoiceFen)} 元与费用明细合计 ${fmt(totalFen)} 元不一致，请核对票据和费用明细`,
      );
    }
    const retired = form.retired ?? isRetired(person, form.insutype) ?? false;
    const claim: BuiltClaim['claim'] = {
      person: { insutype: form.insutype as '310' | '390', retired, assistance: assistanceIdentityOn(person, form.begndate) },
      visit: {
        type: form.visitType,
        hospitalLevel: Number(form.hospitalLevel) as 1 | 2 | 3,
        date: form.begndate,
        outOfArea: form.outOfArea === 'none' ? null : form.outOfArea,
        ...(form.visitType === 'special' && disease ? { disease } : {}),
      },
      items,
      ytd,
    };
    return { claim, invoices, totalFen };
  } catch (err) {
    if (err instanceof MoneyTextError) throw new AppError('invalid-input', err.message);
    throw err;
  }
}

function fmt(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
