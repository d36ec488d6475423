import type { ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { INSUTYPE_NAMES } from '../../../../electron/contract/vocabulary/insurance-types';
import { useCases } from './cases-store';

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

/** 险种: the insurance types the platform reported for this person. */
export function InsutypeField(props: { registration: UseFormRegisterReturn; error?: FieldError; insutypes: Array<{ insutype: string }> }) {
  return (
    <Field label="险种" error={props.error}>
      <select {...props.registration}>
        {props.insutypes.map((i) => (
          <option key={i.insutype} value={i.insutype}>
            {INSUTYPE_NAMES[i.insutype]}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The 受理 button every service form ends with. */
/** 受理, with the host's refusal (e.g. an eligibility rule) right beside it, where the clerk is looking. */
export function AcceptButton({ submitting }: { submitting: boolean }) {
  const error = useCases((s) => s.error);
  return (
    <span className="accept-action">
      <button type="submit" className="primary" disabled={submitting} data-testid="submit-case" data-shortcut="accept">
        {submitting ? '正在受理…' : '受理'} <kbd>F9</kbd>
      </button>
      {error && !submitting && (
        <em className="alert error submit-error" role="alert" data-testid="submit-error">
          未受理：{error}
        </em>
      )}
    </span>
  );
}
