/**
 * Which contract calls leave an audit row, and what the row keeps. One table for the whole contract, typed
 * so that a new method does not compile until someone decides: a rule, or null (no personal data, no change
 * worth tracing). Applied to every handler by ./audited-handlers in app.ts — handlers do not audit themselves.
 *
 * A rule's detail must be privacy-safe: 人员编号 (psn_no), case and notice numbers, masked ID numbers; never a
 * name beside an ID, never a diagnosis (病种), never a phone or address. Configuration changes keep the full
 * new value (an inspector must see exactly what was set).
 */
import type { z } from 'zod';
import { maskIdNumber } from '../../shared/id-number';
import type { MethodName, MethodOutput, Methods } from '../contract/api';

export type MethodInputValue<M extends MethodName> = z.output<Methods[M]['input']>;

export interface AuditRule<M extends MethodName> {
  /** The row's action; default: the method name. */
  action?: (input: MethodInputValue<M>, output: MethodOutput<M>) => string;
  /** What the row keeps after a successful call. */
  detail: (input: MethodInputValue<M>, output: MethodOutput<M>) => Record<string, unknown>;
  /** Set where a failed attempt matters (probing a person, a refused change): what the failure row keeps. */
  failure?: (input: MethodInputValue<M>) => Record<string, unknown>;
}

export type AuditPolicy = { [M in MethodName]: AuditRule<M> | null };

const uniquePsnNos = (rows: ReadonlyArray<{ psnNo: string }>) => [...new Set(rows.map((r) => r.psnNo))];

export const auditPolicy: AuditPolicy = {
  'app.info': null,

  // Sign-in, sign-out, locks, lockouts and operator changes are recorded by the auth feature itself, with
  // the outcome (failed attempts, lockouts) that a wrapper around a successful call could not see.
  'auth.status': null,
  'auth.setupAdmin': null,
  'auth.signIn': null,
  'auth.signOut': null,
  'auth.lock': null,
  'auth.touch': null,
  'auth.unlock': null,
  'auth.changePassword': null,
  'operators.list': null,
  'operators.add': null,
  'operators.setPassword': null,
  'operators.setDisabled': null,

  // Reception: the clerk's own read of the card in front of them.
  'idCard.read': { detail: (_i, o) => ({ idNumber: maskIdNumber(o.idNumber) }) },
  'idCard.cancel': null,
  'simulator.idCard.samples': null,
  'simulator.idCard.place': null,
  'simulator.idCard.remove': null,
  'simulator.idCard.fault': null,

  // Devices: a configuration change keeps the full new value.
  'devices.list': null,
  'devices.discover': null,
  'devices.test': null,
  'devices.getConfig': null,
  'devices.drivers': null,
  'devices.configure': {
    detail: (i) => ({ deviceId: i.deviceId, config: i.config }),
    failure: (i) => ({ deviceId: i.deviceId, config: i.config }),
  },
  'sscard.read': { detail: (_i, o) => ({ ssn: maskIdNumber(o.ssn), cardNumber: o.cardNumber }) },
  'printer.printReceipt': { detail: (i, o) => ({ caseNo: i.caseNumber, status: o.status }), failure: (i) => ({ caseNo: i.caseNumber }) },
  // Simulated printer only; its preview text is the receipt as printed (ID masked).
  'printer.jobs': null,
  'printer.reprint': { detail: (i, o) => ({ caseNo: i.caseNo, status: o.status }), failure: (i) => ({ caseNo: i.caseNo }) },
  'simulator.sscard.samples': null,
  'simulator.sscard.insert': null,
  'simulator.sscard.remove': null,
  'simulator.scanner.samples': null,
  'simulator.scanner.scan': null,
  'simulator.printer.state': null,
  'simulator.printer.set': null,

  // Platform and the upload queue.
  'person.lookup': {
    detail: (i, o) => ({ certType: i.certType, certNo: maskIdNumber(i.certNo), psnNo: o.person.psn_no, source: o.source }),
    failure: (i) => ({ certType: i.certType, certNo: maskIdNumber(i.certNo) }),
  },
  // A view of a person's data (registrations, what they used this year): who looked, at whom, from where.
  'person.overview': {
    detail: (i, o) => ({ psnNo: i.psnNo, ytdSource: o.yearToDate.source, offline: o.offline || o.yearToDate.offline }),
    failure: (i) => ({ psnNo: i.psnNo }),
  },
  'platform.status': null,
  'queue.summary': null,
  'queue.list': { detail: (i, o) => ({ states: i.states ?? null, count: o.length, psnNos: uniquePsnNos(o) }) },
  'queue.attempts': { detail: (i, o) => ({ itemId: i.itemId, count: o.length }) },
  'queue.retry': { detail: (i, o) => ({ itemId: i.itemId ?? null, count: o.count }) },
  'simulator.platform.fault': null,

  // Cases.
  'catalog.diseases': null,
  'catalogues.regions': null,
  'catalogues.region': null,
  'catalogues.hospitals': null,
  'catalogues.deskHospital': null,
  'cases.materials': null,
  'cases.accept': {
    action: (_i, o) => (o.outcome === 'accepted' ? 'cases.accept' : 'cases.refuse'),
    detail: (i, o) =>
      o.outcome === 'accepted' ? { caseNo: o.receipt.caseNo, kind: i.kind, psnNo: i.psnNo } : { noticeNo: o.notice.noticeNo, kind: i.kind, psnNo: i.psnNo },
    failure: (i) => ({ kind: i.kind, psnNo: i.psnNo }),
  },
  'cases.cancel': { detail: (i, o) => ({ caseNo: o.caseNo, cancels: i.caseNo }), failure: (i) => ({ cancels: i.caseNo }) },
  'cases.history': { detail: (i, o) => ({ psnNo: i.psnNo, count: o.length }) },
  'cases.recent': { detail: (i, o) => ({ limit: i.limit ?? null, count: o.length, psnNos: uniquePsnNos(o) }) },
  'cases.receipt': { detail: (i) => ({ caseNo: i.caseNo }) },
  'cases.receiptPdf': { detail: (i) => ({ caseNo: i.caseNo }), failure: (i) => ({ caseNo: i.caseNo }) },
  'cases.printA4': { detail: (i) => ({ caseNo: i.caseNo }), failure: (i) => ({ caseNo: i.caseNo }) },
  'cases.noticePdf': { detail: (i) => ({ noticeNo: i.noticeNo }) },
  'paper.forms': null,
  // A printed form carries the person's name and, where the form needs it, the full ID: who printed what, when.
  'paper.print': {
    detail: (i, o) => ({ caseNo: i.caseNo, formId: i.formId, output: o.output, reprint: o.reprint }),
    failure: (i) => ({ caseNo: i.caseNo, formId: i.formId }),
  },
  // Counts and amounts per operator, no person: nothing to trace.
  'daySummary.get': null,
  'daySummary.printA4': null,
  'daySummary.printReceipt': null,
  'daySummary.csv': null,
  'reimbursement.calculate': { detail: (i) => ({ psnNo: i.psnNo, kind: 'reimbursement' }) },

  // A configuration change keeps its full new value, refused ones too (who tried to point the desk where).
  'settings.get': null,
  'settings.update': { detail: (i) => ({ section: i.section, value: i.value }), failure: (i) => ({ section: i.section, value: i.value }) },

  'rating.request': null,
  'rating.pending': null,
  // The citizen's rating is a record about the clerk's work: who rated what, never a reason beside a name.
  'rating.submit': { detail: (i, o) => ({ caseNo: o.caseNo, level: o.level }), failure: (i) => ({ caseNo: i.caseNo }) },
  'rating.ofCase': null,
  'rating.complaints': { detail: (i, o) => ({ from: i.from ?? null, to: i.to ?? null, count: o.length }) },
};
