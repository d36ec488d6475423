/**
 * Enter moves to the next field of the form instead of submitting it (issue 9: an Enter in any field filed the
 * case). Shift+Enter goes back one field. In the last field Enter goes to the form's primary action (受理) but
 * only puts the focus there: a second Enter, on the button, presses it, as Enter on any button does.
 *
 * Left alone: Enter in a textarea (a new line), on a button or link, with Ctrl/Alt/Meta (Ctrl+Enter is 受理),
 * during IME composition (Enter then commits the Chinese being typed), and any Enter a control already took
 * (the 就医地 picker's Enter chooses the highlighted region and calls preventDefault).
 */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { fieldsOf, focusField, isField, primaryActionOf } from './fields';

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey' | 'defaultPrevented' | 'target' | 'preventDefault' | 'isComposing' | 'keyCode'>;

/** The field (or button) Enter leads to from `from`, or null when Enter should keep its own meaning. */
export function enterTarget(from: Element, back: boolean): HTMLElement | null {
  if (!isField(from) || from instanceof HTMLTextAreaElement) return null;
  const form = from.closest('form');
  if (!form) return null;
  const fields = fieldsOf(form);
  const i = fields.indexOf(from);
  if (i < 0) return null;
  if (back) return fields[i - 1] ?? from;
  return fields[i + 1] ?? primaryActionOf(form) ?? from;
}

/** Handles one keydown; returns true when it moved the focus. */
export function enterMovesToNextField(e: KeyEventLike): boolean {
  if (e.key !== 'Enter' || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return false;
  if (e.isComposing || e.keyCode === 229) return false;
  const from = e.target;
  if (!(from instanceof Element)) return false;
  const next = enterTarget(from, e.shiftKey);
  if (!next) return false;
  e.preventDefault(); // no implicit submission
  if (isField(next)) focusField(next);
  else next.focus();
  return true;
}

/** As a React onKeyDown on a container of forms (the services' tab panel). */
export function onEnterKeyDown(e: ReactKeyboardEvent): void {
  // The native event: its defaultPrevented is live, so a child that took the Enter (the picker) is seen.
  enterMovesToNextField(e.nativeEvent);
}
