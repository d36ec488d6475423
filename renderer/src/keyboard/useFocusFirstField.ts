/**
 * Puts the caret in the first field whenever a service form appears: after a card read (the form mounts once
 * the platform has confirmed the person), after 继续办理 or 返回修改, after a tab switch. When the body is a
 * receipt or a notice, its primary button (继续办理 / 返回修改) gets the focus, so Enter carries on.
 */
import { useEffect, type RefObject } from 'react';
import { dialogOpen } from './dialog-open';
import { fieldsOf, focusField } from './fields';

export function focusFirstField(root: HTMLElement): boolean {
  const form = root.querySelector('form');
  const first = form ? fieldsOf(form)[0] : null;
  if (first) {
    focusField(first);
    return true;
  }
  const primary = root.querySelector<HTMLElement>('button.primary:not([disabled])');
  primary?.focus();
  return primary !== null;
}

/** `shown` names what the container shows (person + tab + form or outcome); null while it shows no form. */
export function useFocusFirstField(ref: RefObject<HTMLElement | null>, shown: string | null): void {
  useEffect(() => {
    const root = ref.current;
    if (shown === null || !root || dialogOpen()) return;
    focusFirstField(root);
  }, [ref, shown]);
}
