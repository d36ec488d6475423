/**
 * Who may call what: ONE table, one entry per contract method, checked by the host's `dispatch` before any
 * handler runs, and read by the renderer only to hide what would be refused. Pure data over the contract, so
 * it lives here and both sides import it. It is typed `Record<MethodName, Access>`, so a new method does not
 * compile until someone decides who reaches it. Roles (labels in contract/features/auth.ts):
 *  - clerk (柜员): the counter's business — reading cards, lookup, accepting and cancelling cases, receipts.
 *  - supervisor (主管): everything a clerk does, plus approving a 容缺 exception (see cases.accept) and, in
 *    the coming issue, voiding a 需人工处理 case (RESERVED_ACCESS below).
 *  - kiosk (自助终端): a self-service terminal — reading cards, its own lookup, materials, the catalogue and
 *    its own temporary 异地备案 (cases.accept narrows the kind, see kioskMayAccept; host/kiosk-scope.ts holds
 *    the lookup and the case to the person whose card was just read). Nothing that lists, prints or cancels other
 *    people's cases, no devices, no queue.
 *  - admin (系统管理员): configures devices and manages operators; sees queue and device state but no
 *    person's data (separation of duties: an administrator does no counter business under that role).
 * Handlers may narrow further by input (the kiosk's case kinds, the 容缺 approval); they never widen.
 */
import type { EventName, MethodName } from './api';
import type { AcceptInput } from './features/cases';
import type { OperatorRole } from './features/auth';
import { isTemporaryRegType } from './vocabulary/remote-registration';

export type Access =
  /** Reachable without signing in (and so while locked). Never counts as activity. */
  | { kind: 'public' }
  /** Any signed-in operator, also while the session is locked: unlock and sign out. */
  | { kind: 'session' }
  /** Only these roles, and not while locked. `passive`: a status read that does not keep the session awake. */
  | { kind: 'roles'; roles: readonly OperatorRole[]; passive?: boolean };

const pub: Access = { kind: 'public' };
const session: Access = { kind: 'session' };
const roles = (...r: OperatorRole[]): Access => ({ kind: 'roles', roles: r });
const passive = (...r: OperatorRole[]): Access => ({ kind: 'roles', roles: r, passive: true });

const ALL: OperatorRole[] = ['clerk', 'supervisor', 'kiosk', 'admin'];
const COUNTER: OperatorRole[] = ['clerk', 'supervisor'];
const COUNTER_AND_KIOSK: OperatorRole[] = [...COUNTER, 'kiosk'];
const STAFF: OperatorRole[] = [...COUNTER, 'admin'];

export const ACCESS_POLICY: Record<MethodName, Access> = {
  'app.info': pub,

  'auth.status': pub,
  'auth.setupAdmin': pub,
  'auth.signIn': pub,
  'auth.signOut': session,
  'auth.unlock': session,
  'auth.lock': roles(...ALL),
  // Counts as activity (not passive): the renderer sends it while the operator types without calling the host.
  'auth.touch': roles(...ALL),
  // A kiosk account is shared by a terminal, not a person: an administrator sets its password.
  'auth.changePassword': roles(...STAFF),
  'operators.list': roles('admin'),
  'operators.add': roles('admin'),
  'operators.setPassword': roles('admin'),
  'operators.setDisabled': roles('admin'),

  'idCard.read': roles(...COUNTER_AND_KIOSK),
  'idCard.cancel': roles(...COUNTER_AND_KIOSK),
  'sscard.read': roles(...COUNTER_AND_KIOSK),
  'person.lookup': roles(...COUNTER_AND_KIOSK),
  // The whole picture of a person (registrations, what they used this year): the counter only.
  'person.overview': roles(...COUNTER),
  'catalog.diseases': roles(...COUNTER_AND_KIOSK),
  'cases.materials': roles(...COUNTER_AND_KIOSK),
  // Read-only catalogues without personal data: every signed-in role (an administrator checks the hospital set-up).
  'catalogues.regions': roles(...ALL),
  'catalogues.region': roles(...ALL),
  'catalogues.hospitals': roles(...ALL),
  'catalogues.deskHospital': roles(...ALL),
  // The kiosk only for its own temporary 异地备案 (kioskMayAccept); 容缺 needs a supervisor (see cases feature).
  'cases.accept': roles(...COUNTER_AND_KIOSK),
  // The kiosk prints the 受理回执 of the case it just accepted on its receipt printer.
  'printer.printReceipt': roles(...COUNTER_AND_KIOSK),

  'cases.cancel': roles(...COUNTER),
  'cases.history': roles(...COUNTER),
  'cases.recent': roles(...COUNTER),
  'cases.receipt': roles(...COUNTER),
  'cases.receiptPdf': roles(...COUNTER),
  'cases.printA4': roles(...COUNTER),
  'cases.noticePdf': roles(...COUNTER),
  'reimbursement.calculate': roles(...COUNTER),
  // Signed paper names the person in full where the form needs it: the counter only (the kiosk prints none).
  'paper.forms': roles(...COUNTER),
  'paper.print': roles(...COUNTER),
  // 日结: the desk's own day, per operator; counts and amounts, no person.
  'daySummary.get': roles(...COUNTER),
  'daySummary.printA4': roles(...COUNTER),
  'daySummary.printReceipt': roles(...COUNTER),
  'daySummary.csv': roles(...COUNTER),
  'printer.jobs': roles(...COUNTER),
  'printer.reprint': roles(...COUNTER),
  // Queue rows name people: the counter sees them; the administrator sees counts and may retry.
  'queue.list': roles(...COUNTER),
  'queue.attempts': roles(...COUNTER),

  'platform.status': passive(...STAFF),
  'queue.summary': passive(...STAFF),
  'queue.retry': roles(...STAFF),
  'devices.list': passive(...STAFF),
  'devices.test': roles(...STAFF),
  'devices.discover': roles('admin'),
  'devices.getConfig': roles('admin'),
  // Installed drivers name executables on this PC: only the administrator who configures devices.
  'devices.drivers': roles('admin'),
  'devices.configure': roles('admin'),
  // 设置: the workstation's site, platform, sign-in rules and retention — the administrator's, like devices.
  'settings.get': roles('admin'),
  'settings.update': roles('admin'),

  // Simulators stand in for hardware in demo and training set-ups; the kiosk's customer must not drive them.
  'simulator.idCard.samples': roles(...STAFF),
  'simulator.idCard.place': roles(...STAFF),
  'simulator.idCard.remove': roles(...STAFF),
  'simulator.idCard.fault': roles(...STAFF),
  'simulator.sscard.samples': roles(...STAFF),
  'simulator.sscard.insert': roles(...STAFF),
  'simulator.sscard.remove': roles(...STAFF),
  'simulator.scanner.samples': roles(...STAFF),
  'simulator.scanner.scan': roles(...STAFF),
  'simulator.printer.state': roles(...STAFF),
  'simulator.printer.set': roles(...STAFF),
  'simulator.platform.fault': roles(...STAFF),

  // 好差评: the clerk asks; the citizen screen (a second window on the same session) shows and submits.
  // Its polling is passive, so a screen facing the citizen never keeps the clerk's session awake.
  'rating.request': roles(...COUNTER_AND_KIOSK),
  'rating.pending': passive(...COUNTER_AND_KIOSK),
  'rating.submit': roles(...COUNTER_AND_KIOSK),
  'rating.ofCase': roles(...COUNTER),
  // The 差评 list names clerks and their cases: the supervisor's.
  'rating.complaints': roles('supervisor'),
};

/**
 * Who receives which contract event: only a signed-in, unlocked operator, and a scanned code (a 医保电子凭证
 * names a person) only where the counter's or the kiosk's business uses it.
 */
export const EVENT_ACCESS: Record<EventName, readonly OperatorRole[]> = {
  'device.status': ALL,
  'platform.status': ALL,
  'queue.changed': STAFF,
  'scanner.scan': COUNTER_AND_KIOSK,
  'rating.requested': COUNTER_AND_KIOSK,
  'rating.recorded': COUNTER_AND_KIOSK,
};

/**
 * Decisions already taken for methods that do not exist yet; when one is added to the contract, the
 * access-policy test requires ACCESS_POLICY to give it exactly this entry.
 */
export const RESERVED_ACCESS: Record<string, Access> = {
  /** 作废 a 需人工处理 case (the platform refused it): a supervisor's decision, never the clerk who filed it. */
  'cases.void': roles('supervisor'),
};

/** Temporary 异地就医备案 (转诊, 急诊, 临时外出): the only business a self-service kiosk files by itself. */
export function kioskMayAccept(input: Pick<AcceptInput, 'kind'> & { form: unknown }): boolean {
  if (input.kind !== 'remote-registration') return false;
  const regType = (input.form as { regType?: unknown }).regType;
  return isTemporaryRegType(regType);
}

export function rolesAllowed(method: MethodName): readonly OperatorRole[] {
  const a = ACCESS_POLICY[method];
  return a.kind === 'roles' ? a.roles : ALL;
}
