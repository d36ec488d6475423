/**
 * A modal dialog over the page (no window.confirm: it blocks the renderer and cannot be styled or tested
 * like the rest). Escape or the backdrop cancel; focus moves into the dialog when it opens.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog(props: { title: string; onClose(): void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const box = ref.current;
    const first = box?.querySelector<HTMLElement>('[data-autofocus], input, select, textarea');
    (first ?? box?.querySelector<HTMLElement>('button'))?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={props.title} ref={ref} data-testid={props.testId}>
        <h2>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}

/** Asks before something that cannot be taken back (签退, 停用). */
export function ConfirmDialog(props: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Dialog title={props.title} onClose={props.onCancel} testId="confirm-dialog">
      <div className="dialog-body">{props.message}</div>
      {props.error && (
        <div className="alert error" role="alert">
          {props.error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} data-autofocus data-testid="confirm-cancel">
          {props.cancelLabel ?? '取消'}
        </button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm} disabled={props.busy} data-testid="confirm-ok">
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

/** The end of a form in a dialog: the host's refusal (if any), 取消 and the submit button. */
export function DialogFormFooter(props: {
  error: string | null;
  errorTestId: string;
  onCancel(): void;
  submitLabel: string;
  submitTestId: string;
  submitting: boolean;
  danger?: boolean;
}) {
  return (
    <>
      <FormAlert error={props.error} testId={props.errorTestId} />
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          取消
        </button>
        <button type="submit" className={props.danger ? 'danger' : 'primary'} disabled={props.submitting} data-testid={props.submitTestId}>
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}

/** A refusal shown under a form (role=alert so a screen reader says it). */
export function FormAlert({ error, testId }: { error: string | null; testId: string }) {
  if (!error) return null;
  return (
    <div className="alert error" role="alert" data-testid={testId}>
      {error}
    </div>
  );
}
