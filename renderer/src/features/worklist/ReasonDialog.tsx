import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';

/**
 * Asks for the words an action must carry (撤销原因, 作废原因, 联系情况 …): required, at least `min`
 * characters, checked here for the clerk and again by the host.
 */
export function ReasonDialog(props: {
  title: string;
  label: string;
  intro?: string;
  min?: number;
  confirmLabel: string;
  danger?: boolean;
  onSubmit(text: string): Promise<unknown>;
  onClose(): void;
}) {
  const min = props.min ?? 4;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const short = [...text.trim()].length < min;
  const submit = async () => {
    if (short) {
      setError(`请填写${props.label}（至少 ${min} 个字）`);
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(text.trim());
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose} testId="reason-dialog">
      {props.intro && <p className="dialog-body">{props.intro}</p>}
      <label className="reason-field">
        {props.label}
        <textarea value={text} onChange={(e) => (setText(e.target.value), setError(null))} rows={3} maxLength={200} data-testid="reason-text" placeholder={`至少 ${min} 个字`} />
      </label>
      {error && (
        <div className="alert error" role="alert" data-testid="reason-error">
          {error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          取消
        </button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={() => void submit()} disabled={busy} data-testid="reason-ok">
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
