/**
 * The counter's three services and the cancellation of each: the one home for their kind codes and the
 * Chinese names on receipts, queue rows and refusals. (The cases table's CHECK keeps its own frozen list in
 * services/cases/case-schema.ts: a migration must not change when this file does.)
 */

export const SERVICE_KINDS = ['special-disease', 'remote-registration', 'reimbursement'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** A case is a service, or the cancellation (`…-cancel`) of one. */
export type CaseKindName = ServiceKind | `${ServiceKind}-cancel`;

export const CASE_KIND_NAMES: Record<CaseKindName, string> = {
  'special-disease': '门诊慢特病备案',
  'remote-registration': '异地就医备案',
  reimbursement: '零星报销',
  'special-disease-cancel': '撤销门诊慢特病备案',
  'remote-registration-cancel': '撤销异地就医备案',
  'reimbursement-cancel': '撤销零星报销',
};
