/**
 * What the signed-in role may see. The host enforces every call in dispatch (electron/contract/access-policy.ts);
 * the renderer reads that same table, bundled at build time, only to hide what would be refused anyway —
 * so the nav cannot drift from the server. A view is shown when the role reaches every method it needs.
 */
import { rolesAllowed } from '../../../electron/contract/access-policy';
import type { MethodName } from '../../../electron/contract/api';
import type { OperatorRole } from '../../../electron/contract/features/auth';
import type { View } from '../store/desk-store';

/** The ONE map of view → the methods it cannot work without, in nav order. */
export const VIEW_NEEDS: ReadonlyArray<{ view: View; label: string; needs: readonly MethodName[] }> = [
  { view: 'desk', label: '受理台', needs: ['idCard.read', 'sscard.read', 'person.lookup', 'cases.accept', 'cases.history'] },
  { view: 'queue', label: '上报队列', needs: ['queue.list', 'queue.summary'] },
  { view: 'complaints', label: '差评', needs: ['rating.complaints'] },
  { view: 'day-summary', label: '日结', needs: ['daySummary.get'] },
  { view: 'devices', label: '设备', needs: ['devices.list', 'devices.test'] },
  { view: 'settings', label: '设置', needs: ['settings.get', 'settings.update'] },
  { view: 'operators', label: '操作员', needs: ['operators.list', 'operators.add', 'operators.setPassword', 'operators.setDisabled'] },
];

export function may(role: OperatorRole | undefined, method: MethodName): boolean {
  return !!role && rolesAllowed(method).includes(role);
}

export function viewsFor(role: OperatorRole | undefined): View[] {
  return VIEW_NEEDS.filter((v) => v.needs.every((m) => may(role, m))).map((v) => v.view);
}

/** Where a role starts after signing in: the counter's 受理台 when it may use it, else its first page. */
export function landingView(role: OperatorRole | undefined): View | null {
  return viewsFor(role)[0] ?? null;
}

/**
 * The call that counts as activity, made while the clerk types or clicks without calling the host (a long
 * form), so the host's idle lock agrees with the screen.
 */
export function keepAliveMethod(role: OperatorRole | undefined): MethodName | null {
  return may(role, 'auth.touch') ? 'auth.touch' : null;
}
