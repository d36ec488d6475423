/** Whether the shortcut card is open: F1 opens it, and so does the 快捷键 button on the services' tab bar. */
import { create } from 'zustand';

export const useKeyboardStore = create<{ cardOpen: boolean; setCardOpen(open: boolean): void }>((set) => ({
  cardOpen: false,
  setCardOpen: (cardOpen) => set({ cardOpen }),
}));
