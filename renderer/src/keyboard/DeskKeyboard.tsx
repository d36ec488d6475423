/**
 * The desk's one keyboard listener (counter roles): F2/F3 read a card, Esc cancels an ID read, Alt+1…4 switch
 * the service tab, F8 试算, F9 / Ctrl+Enter 受理, Alt+N / Ctrl+Delete add or delete a row, F1 the shortcut card.
 * Every shortcut stands aside while a dialog is open (the dialog owns the keys then, Esc closes it).
 * The keys themselves are in ./shortcuts.ts; Enter-to-next-field is ./enter-next.ts, on the services' panel.
 */
import { useEffect } from 'react';
import { useCases, type ServiceTab } from '../features/services/cases-store';
import { useDesk } from '../store/desk-store';
import { dialogOpen } from './dialog-open';
import { runButtonAction } from './dom-actions';
import { useKeyboardStore } from './keyboard-store';
import { matchShortcut, type ShortcutId } from './shortcuts';
import { ShortcutCard } from './ShortcutCard';

const TAB_OF: Partial<Record<ShortcutId, ServiceTab>> = {
  'tab-special-disease': 'special-disease',
  'tab-remote-registration': 'remote-registration',
  'tab-reimbursement': 'reimbursement',
  'tab-history': 'history',
};

/** As a click on the tab does (ServiceTabs): choose it, and leave a receipt or notice that is on screen. */
function chooseTab(tab: ServiceTab): void {
  useDesk.getState().setView('desk');
  const cases = useCases.getState();
  cases.setTab(tab);
  if (cases.outcome) cases.reset();
}

/** Does what the shortcut stands for; false when nothing on screen answers it (the key then keeps its meaning). */
function runShortcut(id: ShortcutId): boolean {
  const desk = useDesk.getState();
  const tab = TAB_OF[id];
  if (tab) {
    chooseTab(tab);
    return true;
  }
  switch (id) {
    case 'help':
      useKeyboardStore.getState().setCardOpen(true);
      return true;
    case 'read-id-card':
      desk.setView('desk');
      void desk.readIdCard();
      return true;
    case 'read-sscard':
      desk.setView('desk');
      void desk.readSsCard();
      return true;
    case 'accept':
    case 'calculate':
    case 'add-row':
    case 'delete-row':
      return runButtonAction(id, document.activeElement);
    default:
      return false;
  }
}

export function DeskKeyboard() {
  const { cardOpen, setCardOpen } = useKeyboardStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const shortcut = matchShortcut(e);
      if (dialogOpen()) {
        if (shortcut?.id === 'help') e.preventDefault(); // not the browser's help page either
        return;
      }
      const desk = useDesk.getState();
      if (e.key === 'Escape' && desk.reading) {
        e.preventDefault();
        void desk.cancelRead();
        return;
      }
      if (shortcut && runShortcut(shortcut.id)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return cardOpen ? <ShortcutCard onClose={() => setCardOpen(false)} /> : null;
}
