/**
 * The three counter services in the app: catalogue, materials, acceptance into the outbox (受理回执 or
 * 一次性告知单), 撤销, 办件记录, A4 receipts as PDF (browser mode), and the 零星报销 试算 with this
 * workstation's settled claims of the year. Uses the platform runtime's outbox and client and the operators, as given by the composition root.
 */
import { kioskMayAccept } from '../../contract/access-policy';
import { AppError } from '../../contract/errors';
import { AUTH_ERROR } from '../../contract/features/auth';
import type { AcceptInput, OneTimeNotice } from '../../contract/features/cases';
import { REMOTE_REG_TYPE_NAMES, TEMPORARY_REG_TYPES } from '../../contract/vocabulary/remote-registration';
import { getNotice } from '../../services/cases/case-details';
import { CaseDesk, type ExceptionApprover } from '../../services/desk/case-desk';
import { getCaseByNo } from '../../services/cases/case-store';
import { historyOf, receiptOf, receiptPrintData, recentCases } from '../../services/desk/case-views';
import { loadDiseaseCatalogue } from '../../services/cases/disease-catalogue';
import { loadHolidayCalendar } from '../../services/catalogues/holiday-calendar';
import { shippedRegionCatalogue } from '../../services/catalogues/regions';
import { findInsuredPerson } from '../../services/cases/insured-person';
import { materialsChecklist } from '../../services/cases/materials';
import { deadlinesOf } from '../../services/cases/service-rules';
import { findDiseaseWindow } from '../../services/reimbursement/disease-window';
import { ReimbursementService } from '../../services/reimbursement/reimbursement-service';
import { personYearToDate } from '../../services/reimbursement/year-to-date';
import { renderAcceptanceReceiptHtml, renderOneTimeNoticeHtml } from '../../services/printing/a4';
import type { Policy } from '../../services/policy';
import { ReceiptFolder } from '../../services/printing/receipt-folder';
import { isDiskFull } from '../../services/store/atomic-write';
import { actingOperator, envelopeOperatorOf } from '../acting-operator';
import { isTrustedCaller, type Caller } from '../caller';
import type { Feature } from '../context';
import type { PlatformRuntime } from '../platform-runtime';
import type { OperatorStore } from '../../services/operators/operator-store';
import type { AttachmentStore } from '../../services/attachments/attachment-store';

export interface CasesDeps {
  platform: PlatformRuntime;
  operators: OperatorStore;
  attachments: AttachmentStore;
  policy: Policy;
}

export const casesFeature: Feature<CasesDeps> = (ctx, { platform: runtime, operators, attachments, policy }) => {
  const { outbox, platform } = runtime;
  const diseases = loadDiseaseCatalogue();
  const profile = platform.client.profile;
  const longTermMinMonths = profile.remoteRegistration.longTermMinMonths;

  const reimbursement = new ReimbursementService({
    db: ctx.db,
    policy,
    findDiseaseWindow: (psnNo, code, date) => findDiseaseWindow({ db: ctx.db, client: platform.client }, psnNo, code, date),
    // The same year-to-date as the person panel (person.overview): 5206 merged with this workstation's claims.
    yearToDate: (psnNo, year, insuplcAdmdvs) => personYearToDate({ db: ctx.db, client: platform.client, clock: ctx.clock }, psnNo, year, insuplcAdmdvs),
  });
  const desk = new CaseDesk({
    db: ctx.db,
    outbox,
    reimbursement,
    diseases,
    clock: ctx.clock,
    office: { name: profile.agency.name, region: ctx.config.site.regionCode, site: ctx.config.site.windowCode },
    longTermMinMonths,
    calendar: loadHolidayCalendar({ dataDir: ctx.dataDir }),
    regionName: (code) => shippedRegionCatalogue().lookup(code)?.fullName,
    medicalPlaceProblem: (code) => shippedRegionCatalogue().medicalPlaceProblem(code),
    remoteLimits: { temporaryMinMonths: profile.remoteRegistration.temporaryMinMonths, retroactiveDays: profile.remoteRegistration.retroactiveDays },
    platform: platform.client,
    attachments,
    deadlines: deadlinesOf(ctx.config.cases),
  });
  const views = () => ({ db: ctx.db, now: ctx.clock(), longTermMinMonths });
  const receipts = new ReceiptFolder(ctx.dataDir, ctx.clock);
  ctx.onClose(receipts.startPurging());
  const caseOrFail = (caseNo: string) => {
    const c = getCaseByNo(ctx.db, caseNo);
    if (!c) throw new AppError('not-found', `找不到办件 ${caseNo}`);
    return c;
  };
  const receiptHtml = (caseNo: string) => renderAcceptanceReceiptHtml(receiptPrintData(receiptOf(ctx.db, caseOrFail(caseNo))));

  /**
   * 容缺受理 needs a supervisor: the signed-in supervisor themself, or one who confirms at the counter with
   * 工号 + 密码 (verified like a sign-in, so wrong guesses count towards that supervisor's lockout).
   * In-process callers (CLI, tests) are trusted as they are everywhere.
   */
  const approveException = async (input: AcceptInput, caller: Caller): Promise<ExceptionApprover> => {
    const operator = actingOperator(caller);
    const given = input.supervisorApproval;
    if (!given && (operator.role === 'supervisor' || isTrustedCaller(caller))) return operator;
    if (!given) throw new AppError('supervisor-approval-required', '容缺受理须经主管批准：请主管登录本机办理，或由主管输入工号和密码确认');
    let approver;
    try {
      approver = await operators.verify(given.code, given.password);
    } catch (err) {
      ctx.audit.record(given.code, 'cases.approve-exception-failed', { by: operator.code, reason: (err as { code?: string }).code });
      if (err instanceof AppError) throw new AppError('supervisor-approval-refused', `主管确认未通过：${err.message}`);
      throw err;
    }
    if (approver.role !== 'supervisor') {
      throw new AppError('supervisor-approval-refused', `工号 ${approver.code} 不是主管，不能批准容缺受理`);
    }
    ctx.audit.record(approver.code, 'cases.approve-exception', { for: operator.code, psnNo: input.psnNo, kind: input.kind });
    return approver;
  };

  return {
    'catalog.diseases': () => diseases,
    // The kiosk's checklist is its own (the card read and the on-screen promise: services/cases/materials).
    'cases.materials': (q, caller) => materialsChecklist(q, envelopeOperatorOf(actingOperator(caller)).type === 2 ? 'kiosk' : 'counter'),
    'cases.accept': async (input, caller) => {
      const operator = actingOperator(caller);
      if (operator.role === 'kiosk' && !kioskMayAccept(input)) {
        throw new AppError(AUTH_ERROR.forbidden, `自助终端只能办理临时外出就医的异地就医备案（${TEMPORARY_REG_TYPES.map((t) => REMOTE_REG_TYPE_NAMES[t]).join('、')}），其他业务请到柜台办理`);
      }
      return desk.accept(input, { operator: envelopeOperatorOf(operator), approveException: () => approveException(input, caller) }).catch((err: unknown) => {
        // SQLITE_FULL: the accept transaction rolled back — neither the case nor its outbox row exists.
        if (isDiskFull(err)) throw new AppError('disk-full', '磁盘空间不足，办件未受理 (没有保存任何内容)。请清理磁盘后重新受理。');
        throw err;
      });
    },
    'cases.cancel': ({ caseNo, memo }, caller) => desk.cancel(caseNo, memo, envelopeOperatorOf(actingOperator(caller))),
    'cases.history': ({ psnNo }) => historyOf(views(), psnNo),
    'cases.recent': ({ limit }) => recentCases(views(), limit ?? 50),
    'cases.receipt': ({ caseNo }) => receiptOf(ctx.db, caseOrFail(caseNo)),
    'cases.receiptPdf': async ({ caseNo }) => {
      const file = receipts.prepare(caseNo);
      await ctx.a4.savePdf(receiptHtml(caseNo), file);
      receipts.seal(file);
      return { path: file };
    },
    'cases.printA4': async ({ caseNo }) => {
      const html = receiptHtml(caseNo);
      if (!ctx.a4.print) throw new AppError('no-a4-printer', '浏览器模式下不能直接打印 A4 表单，请使用"保存PDF"后打印');
      await ctx.a4.print(html);
      return { ok: true as const };
    },
    'cases.noticePdf': async ({ noticeNo }) => {
      const n = getNotice<OneTimeNotice>(ctx.db, noticeNo);
      if (!n) throw new AppError('not-found', `找不到告知单 ${noticeNo}`);
      const html = renderOneTimeNoticeHtml({
        office: n.office,
        noticeNumber: n.noticeNo,
        applicantName: n.applicantName,
        idNumber: n.idNumberMasked,
        item: n.item,
        missing: n.missing,
        issuedAt: n.issuedAt,
        clerk: n.clerk,
      });
      const file = receipts.prepare(n.noticeNo);
      await ctx.a4.savePdf(html, file);
      receipts.seal(file);
      return { path: file };
    },
    'reimbursement.calculate': async ({ psnNo, form }) => {
      const person = findInsuredPerson(ctx.db, psnNo);
      if (!person) throw new AppError('person-unknown', `本机没有人员编号 ${psnNo} 的参保信息，请先读取证件并查询参保信息`);
      return (await reimbursement.calculate(person, form)).view;
    },
  };
};
