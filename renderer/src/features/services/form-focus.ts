/**
 * After a refused 试算 or 受理: bring the first problem into view and put the cursor in its field, so the
 * clerk never hunts for a message above the fold. Runs after React has painted the messages.
 */
export function focusFirstError(root: HTMLElement | null): void {
  if (!root) return;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const message = root.querySelector<HTMLElement>('.field-error, [role="alert"]');
      if (!message) return;
      const holder = message.closest<HTMLElement>('.field, td, .accept-action, .calc-action') ?? message.parentElement;
      const control = holder?.querySelector<HTMLElement>('input:not([type="checkbox"]), select, textarea');
      message.scrollIntoView({ block: 'center' });
      control?.focus({ preventScroll: true });
    }),
  );
}

/** Enter in a text field must not submit the form (受理 is a deliberate click or shortcut, never a stray key). */
export function preventEnterSubmit(e: React.KeyboardEvent<HTMLFormElement>): void {
  const t = e.target as HTMLElement;
  if (e.key === 'Enter' && !e.defaultPrevented && t instanceof HTMLInputElement && t.type !== 'submit' && t.type !== 'button') e.preventDefault();
}
