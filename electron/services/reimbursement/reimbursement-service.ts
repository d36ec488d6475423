/**
 * 零星报销 calculation in the app: form → claim (with this workstation's accumulators of the year) → the
 * policy engine, unchanged and pure. The same calculation feeds the 试算 screen and the accepted case.
 */
import type { Calculation, ReimbursementForm } from '../../contract/features/cases';
import { describeIssueLines } from '../../contract/issue-text';
import { AppError } from '../../contract/errors';
import { calculate, ClaimRejectedError, parseClaim, type Claim, type ClaimResult, type Policy } from '../policy';
import type { Person } from '../platform/transactions/person';
import type { Db } from '../store/database';
import { buildClaim, type BuiltClaim, type DiseaseWindow } from './claim-builder';
import { insertSettledClaim } from './settled-claims';
import { personYearToDate, type YearToDate } from './year-to-date';

export interface ReimbursementServiceOptions {
  db: Db;
  policy: Policy;
  /** Where a person's 门诊慢特病 registration window comes from (local cases first, then the platform). */
  findDiseaseWindow(psnNo: string, code: string, visitDate: string): Promise<DiseaseWindow | null>;
  /**
   * The person's year-to-date (./year-to-date: platform 5206 merged with this workstation's claims), the same
   * figures the person panel shows; default this workstation's claims only.
   */
  yearToDate?(psnNo: string, year: number, insuplcAdmdvs?: string): Promise<YearToDate>;
}

export interface ClaimCalculation {
  built: BuiltClaim;
  claim: Claim;
  result: ClaimResult;
  view: Calculation;
}

export class ReimbursementService {
  constructor(private readonly o: ReimbursementServiceOptions) {}

  get policyName(): string {
    return this.o.policy.name;
  }

  async calculate(person: Person, form: ReimbursementForm): Promise<ClaimCalculation> {
    let disease: DiseaseWindow | null = null;
    if (form.visitType === 'special') {
      disease = await this.o.findDiseaseWindow(person.psn_no, form.diseaseCode, form.begndate);
      if (!disease) {
        throw new AppError('not-registered', `未找到该人员病种 ${form.diseaseCode} 的门诊慢特病备案，不能按门诊慢特病报销；请先办理门诊慢特病备案`);
      }
    }
    const year = Number(form.begndate.slice(0, 4));
    const insuplc = person.insuinfo.find((i) => i.insutype === form.insutype)?.insuplc_admdvs;
    const ytd = await (this.o.yearToDate ?? ((psnNo: string, y: number) => personYearToDate({ db: this.o.db }, psnNo, y)))(person.psn_no, year, insuplc);
    const built = buildClaim(person, form, ytd.ytd, disease);
    let claim: Claim;
    try {
      claim = parseClaim(built.claim, this.o.policy);
    } catch (err) {
      // The engine speaks of claim paths (`items[0].amount`); the clerk reads 「第 1 条费用明细：…」.
      if (err instanceof ClaimRejectedError) throw new AppError('invalid-claim', `未能试算：${describeIssueLines(err.issues)}`);
      throw err;
    }
    const result = calculate(this.o.policy, claim);
    const view: Calculation = {
      policyName: this.o.policy.name,
      person: { insutype: claim.person.insutype, retired: claim.person.retired, assistance: claim.person.assistance },
      visitDate: claim.visit.date,
      ytd: claim.ytd,
      ytdSource: { source: ytd.source, offline: ytd.offline },
      result,
    };
    return { built, claim, result, view };
  }

  /** Keep the claim and its result with the accepted case (inside the acceptance transaction). */
  settle(caseId: number, psnNo: string, calc: ClaimCalculation, now: Date): void {
    insertSettledClaim(this.o.db, { caseId, psnNo, claim: calc.claim, result: calc.result, now });
  }
}
