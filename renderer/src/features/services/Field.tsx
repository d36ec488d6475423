import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';

/** A labelled form control with its Chinese validation message underneath. */
export function Field(props: { label: string; error?: FieldError | { message?: string }; wide?: boolean; children: ReactNode }) {
  const cls = ['field', props.error ? 'invalid' : '', props.wide ? 'wide' : ''].filter(Boolean).join(' ');
  return (
    <label className={cls}>
      <span>{props.label}</span>
      {props.children}
      {props.error?.message && (
        <em className="field-error" role="alert">
          {props.error.message}
        </em>
      )}
    </label>
  );
}
