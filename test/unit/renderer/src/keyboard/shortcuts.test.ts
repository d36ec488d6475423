import { describe, expect, it } from 'vitest';
import { chordLabel, matchShortcut, SHORTCUTS, shortcutKeys, type KeyLike } from '../../../../../renderer/src/keyboard/shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

describe('matchShortcut', () => {
  it('finds each desk shortcut by its keys', () => {
    expect(matchShortcut(key('F1'))?.id).toBe('help');
    expect(matchShortcut(key('F2'))?.id).toBe('read-id-card');
    expect(matchShortcut(key('F3'))?.id).toBe('read-sscard');
    expect(matchShortcut(key('1', { altKey: true }))?.id).toBe('tab-special-disease');
    expect(matchShortcut(key('2', { altKey: true }))?.id).toBe('tab-remote-registration');
    expect(matchShortcut(key('3', { altKey: true }))?.id).toBe('tab-reimbursement');
    expect(matchShortcut(key('4', { altKey: true }))?.id).toBe('tab-history');
    expect(matchShortcut(key('F8'))?.id).toBe('calculate');
    expect(matchShortcut(key('F9'))?.id).toBe('accept');
    expect(matchShortcut(key('Enter', { ctrlKey: true }))?.id).toBe('accept');
    expect(matchShortcut(key('n', { altKey: true }))?.id).toBe('add-row');
    expect(matchShortcut(key('N', { altKey: true, code: 'KeyN' }))?.id).toBe('add-row');
    expect(matchShortcut(key('Delete', { ctrlKey: true }))?.id).toBe('delete-row');
  });

  it('by the physical key when the layout turns Alt+key into another character', () => {
    expect(matchShortcut(key('˜', { altKey: true, code: 'KeyN' }))?.id).toBe('add-row');
    expect(matchShortcut(key('¡', { altKey: true, code: 'Digit1' }))?.id).toBe('tab-special-disease');
  });

  it('leaves the keys a clerk types and edits with alone', () => {
    for (const e of [
      key('Enter'), // next field, handled by enter-next
      key('Enter', { shiftKey: true }),
      key('1'),
      key('n'),
      key('Delete'),
      key('Insert', { ctrlKey: true }), // 复制 in Windows text fields
      key('1', { ctrlKey: true }), // the browser's tab switch
      key('n', { ctrlKey: true }),
      key('v', { ctrlKey: true }),
      key('F9', { shiftKey: true }),
      key('F9', { metaKey: true }),
      key('Enter', { ctrlKey: true, shiftKey: true }),
      key('Escape'),
    ])
      expect(matchShortcut(e)).toBeNull();
  });

  it('no two shortcuts share a chord', () => {
    const chords = SHORTCUTS.flatMap((s) => s.chords.map(chordLabel));
    expect(new Set(chords).size).toBe(chords.length);
  });
});

describe('chordLabel', () => {
  it('writes chords the way the card shows them', () => {
    expect(shortcutKeys('accept')).toEqual(['F9', 'Ctrl+Enter']);
    expect(shortcutKeys('add-row')).toEqual(['Alt+N']);
    expect(shortcutKeys('delete-row')).toEqual(['Ctrl+Delete']);
    expect(shortcutKeys('tab-reimbursement')).toEqual(['Alt+3']);
  });
});
