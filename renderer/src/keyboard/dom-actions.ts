/**
 * Shortcuts that stand for a button press it: the visible button marked data-shortcut="<id>". So a key does
 * exactly what the button on screen does, no more (a disabled 受理 stays disabled, a form that is not shown
 * cannot be filed by a key), and a form opts in by marking its buttons, without knowing about keys.
 */
import { fieldsOf, focusField } from './fields';

export type ButtonAction = 'accept' | 'calculate' | 'add-row' | 'delete-row';

const marked = (id: ButtonAction) => `[data-shortcut="${id}"]`;

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

function firstVisible(root: ParentNode, id: ButtonAction): HTMLElement | null {
  return Array.from(root.querySelectorAll<HTMLElement>(marked(id))).find(visible) ?? null;
}

function press(button: HTMLElement | null): boolean {
  if (!button) return false;
  if (!(button as HTMLButtonElement).disabled) button.click();
  return true;
}

/** The add-row button of the grid the focus is in: the nearest enclosing block that has one, else the first on screen. */
function addRowButton(from: Element | null): HTMLElement | null {
  for (let el = from?.parentElement ?? null; el; el = el.parentElement) {
    const b = firstVisible(el, 'add-row');
    if (b) return b;
  }
  return firstVisible(document, 'add-row');
}

/**
 * Ctrl+Delete: press the row's own 删除, then put the caret in the same column of the row that took its place
 * (or the one above, when the last row went), so the clerk can keep deleting or typing.
 */
function deleteRow(from: Element | null): boolean {
  const row = from?.closest('tr');
  const button = row?.querySelector<HTMLElement>(marked('delete-row'));
  if (!row || !button) return false;
  const body = row.parentElement;
  const rowIndex = body ? Array.from(body.children).indexOf(row) : -1;
  const column = fieldsOf(row).indexOf(from as HTMLElement);
  if (!press(button)) return false;
  // The grid re-renders after the click's state update; look once it has.
  window.setTimeout(() => {
    if (!body || !body.isConnected) return;
    const rows = Array.from(body.children);
    const next = rows[Math.min(rowIndex, rows.length - 1)];
    const fields = next ? fieldsOf(next) : [];
    const target = fields[Math.max(0, column)] ?? fields[0];
    if (target) focusField(target);
  }, 0);
  return true;
}

/** Runs a button shortcut; false when nothing on screen answers it (the key then does nothing). */
export function runButtonAction(id: ButtonAction, focused: Element | null): boolean {
  switch (id) {
    case 'accept':
    case 'calculate':
      return press(firstVisible(document, id));
    case 'add-row':
      // The form appends the row and focuses its first field itself (react-hook-form's append).
      return press(addRowButton(focused));
    case 'delete-row':
      return deleteRow(focused);
  }
}
