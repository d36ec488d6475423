/**
 * The desk's keyboard shortcuts: one table, read both by the key handler (DeskKeyboard.tsx) and by the
 * shortcut card (F1), so the card can never list a key that does nothing or miss one that does something.
 *
 * Keys were chosen not to take away a browser or editing key a clerk relies on: no Ctrl+letter (copy, paste,
 * undo, print…), no Ctrl+digit, no Ctrl+Insert (it is 复制 in Windows text fields). F-keys and Alt+digit/letter
 * are free in Chromium and Electron. Ctrl+Delete (delete the next word) is taken only inside a grid row.
 */

/** What a shortcut does. DOM actions press the visible button marked data-shortcut="<id>" (./dom-actions.ts). */
export type ShortcutId =
  | 'help'
  | 'read-id-card'
  | 'read-sscard'
  | 'tab-special-disease'
  | 'tab-remote-registration'
  | 'tab-reimbursement'
  | 'tab-history'
  | 'calculate'
  | 'accept'
  | 'add-row'
  | 'delete-row';

export interface KeyChord {
  key: string;
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
}

export interface Shortcut {
  id: ShortcutId;
  chords: KeyChord[];
  /** What the card says it does (zh-CN). */
  label: string;
  group: '接待' | '业务切换' | '办理' | '费用与票据';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'help', chords: [{ key: 'F1' }], label: '打开本快捷键卡（Esc 关闭）', group: '接待' },
  { id: 'read-id-card', chords: [{ key: 'F2' }], label: '读居民身份证', group: '接待' },
  { id: 'read-sscard', chords: [{ key: 'F3' }], label: '读社会保障卡', group: '接待' },
  { id: 'tab-special-disease', chords: [{ key: '1', alt: true }], label: '门诊慢特病', group: '业务切换' },
  { id: 'tab-remote-registration', chords: [{ key: '2', alt: true }], label: '异地就医备案', group: '业务切换' },
  { id: 'tab-reimbursement', chords: [{ key: '3', alt: true }], label: '零星报销', group: '业务切换' },
  { id: 'tab-history', chords: [{ key: '4', alt: true }], label: '办件记录', group: '业务切换' },
  { id: 'calculate', chords: [{ key: 'F8' }], label: '试算（零星报销）', group: '办理' },
  { id: 'accept', chords: [{ key: 'F9' }, { key: 'Enter', ctrl: true }], label: '受理', group: '办理' },
  { id: 'add-row', chords: [{ key: 'n', alt: true }], label: '增加一行（光标所在的表格；不在表格中时为费用明细）', group: '费用与票据' },
  { id: 'delete-row', chords: [{ key: 'Delete', ctrl: true }], label: '删除光标所在的一行', group: '费用与票据' },
];

/** Keys the browser gives by itself, listed on the card beside the shortcuts above. */
export const FIELD_KEYS: ReadonlyArray<{ keys: string; label: string }> = [
  { keys: 'Enter', label: '下一项（不会提交；最后一项之后到“受理”按钮，再按 Enter 才受理）' },
  { keys: 'Shift+Enter', label: '上一项' },
  { keys: 'Tab / Shift+Tab', label: '逐个移动（包括按钮）' },
  { keys: '空格', label: '勾选或取消勾选材料' },
  { keys: '↑ / ↓', label: '下拉框中换选项；就医地列表中选择，Enter 确定' },
  { keys: 'Ctrl+V', label: '在费用明细中粘贴从电子表格复制的多行（名称、类别、金额、超限价金额、先行自付%，Tab 分隔）' },
  { keys: 'Esc', label: '关闭对话框或列表；读身份证时取消读卡' },
];

/** The fields of a key event that decide a shortcut (a KeyboardEvent has them all). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  /** With Alt held, some layouts change `key` (e.g. Alt+N gives '˜' on macOS); `code` stays 'KeyN'. */
  code?: string;
}

function chordMatches(c: KeyChord, e: KeyLike): boolean {
  if (e.metaKey || !!c.ctrl !== e.ctrlKey || !!c.alt !== e.altKey || !!c.shift !== e.shiftKey) return false;
  if (e.key.toLowerCase() === c.key.toLowerCase()) return true;
  // Alt+letter / Alt+digit by physical key, whatever character the layout makes of it.
  if (c.alt && e.code) return e.code === (/^\d$/.test(c.key) ? `Digit${c.key}` : `Key${c.key.toUpperCase()}`);
  return false;
}

/** The shortcut a key press stands for, or null (the key keeps its own meaning). */
export function matchShortcut(e: KeyLike, table: readonly Shortcut[] = SHORTCUTS): Shortcut | null {
  return table.find((s) => s.chords.some((c) => chordMatches(c, e))) ?? null;
}

/** How a chord is written on the card and on buttons: Ctrl+Enter, Alt+1, F9. */
export function chordLabel(c: KeyChord): string {
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key;
  return [c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', key].filter(Boolean).join('+');
}

export function shortcutKeys(id: ShortcutId, table: readonly Shortcut[] = SHORTCUTS): string[] {
  return table.find((s) => s.id === id)?.chords.map(chordLabel) ?? [];
}
