/**
 * Rules a case must meet beyond its payload's shape (case-payloads.ts), needing the disease catalogue or
 * today's date. The desk runs them on every payload it builds and `counter import` on every payload in a
 * file, so both refuse the same things with the same Chinese message.
 */
import type { CaseKind } from './case-store';
import type { Disease } from './disease-catalogue';

export interface AcceptanceRuleContext {
  diseases: readonly Disease[];
  /** yyyy-MM-dd in China Standard Time. */
  today: string;
}

export const unknownDiseaseMessage = (code: string) => `病种 ${code} 不在门诊慢特病病种目录中`;

/** The first rule the payload breaks, in Chinese, or null. */
export function acceptanceProblem(kind: CaseKind, payload: Record<string, unknown>, ctx: AcceptanceRuleContext): string | null {
  switch (kind) {
    case 'special-disease': {
      const code = String(payload.opsp_dise_code);
      const disease = ctx.diseases.find((d) => d.code === code);
      if (!disease) return unknownDiseaseMessage(code);
      if (payload.opsp_dise_name !== disease.name) return `病种名称应为目录中的“${disease.name}”（病种 ${code}）`;
      if (String(payload.hosp_ide_date) > ctx.today) return `鉴定日期 ${String(payload.hosp_ide_date)} 晚于今天，请核对`;
      return null;
    }
    case 'reimbursement':
      if (String(payload.enddate) > ctx.today) return `结束日期 ${String(payload.enddate)} 晚于今天，请核对`;
      return null;
    default:
      return null;
  }
}
