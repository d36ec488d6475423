/**
 * Shows the clerk what will be filed: on leaving a field its text is normalised (shared/normalize.ts: full-width
 * digits, 1,234.50, 138-0013-8000, lower-case codes) in the field itself, not only in the filed value.
 */
import type { UseFormRegisterReturn } from 'react-hook-form';

export function normalizedOnBlur<R extends UseFormRegisterReturn>(registration: R, normalize: (s: string) => string): R {
  return {
    ...registration,
    onBlur: async (e: { target: HTMLInputElement; type?: string }) => {
      const next = normalize(e.target.value);
      if (next !== e.target.value) {
        e.target.value = next;
        await registration.onChange({ target: e.target, type: 'change' });
      }
      return registration.onBlur(e);
    },
  };
}
