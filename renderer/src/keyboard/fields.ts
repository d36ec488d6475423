/**
 * What counts as a "field" when Enter moves on or the desk puts the caret somewhere: the inputs, selects and
 * textareas a clerk fills, in document order, visible and enabled. Buttons and links are not fields: Enter
 * on a button keeps its meaning (press it), and Tab still reaches them.
 */

const FIELD_SELECTOR = 'input, select, textarea';
const NOT_FIELDS = new Set(['hidden', 'button', 'submit', 'reset', 'image', 'file']);

export function isField(el: Element | null): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  if (el instanceof HTMLInputElement) return !NOT_FIELDS.has(el.type);
  return el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

function usable(el: HTMLElement): boolean {
  if ((el as HTMLInputElement).disabled || (el as HTMLInputElement).readOnly) return false;
  if (el.closest('[hidden], [inert]')) return false;
  return el.getClientRects().length > 0; // display:none somewhere above
}

/** The fields of a form (or any container), in the order the clerk meets them. */
export function fieldsOf(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter((el) => isField(el) && usable(el));
}

/** The button Enter in the last field goes to (focus only): the form's 受理, else its submit button. */
export function primaryActionOf(form: HTMLFormElement): HTMLElement | null {
  return form.querySelector<HTMLElement>('[data-shortcut="accept"]') ?? form.querySelector<HTMLElement>('button[type="submit"], button:not([type])');
}

/** Focus as Tab would: the caret in, and the text selected so typing replaces a default (a date, 险种…). */
export function focusField(el: HTMLElement): void {
  el.focus();
  if (el instanceof HTMLInputElement && ['text', 'search', 'tel', ''].includes(el.type)) el.select();
}
