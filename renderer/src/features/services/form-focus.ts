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
