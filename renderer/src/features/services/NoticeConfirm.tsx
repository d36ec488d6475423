/**
 * Before a 一次性告知单 is issued (it is numbered and handed to the citizen): say what is missing and let the
 * clerk go back and tick what was in fact handed in. Nothing is sent until 出具告知单 is pressed.
 */
import { useCallback, useState } from 'react';
import { ConfirmDialog } from '../../ui/Dialog';

export function useNoticeGate() {
  const [missing, setMissing] = useState<string[]>([]);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const onMissing = useCallback((names: string[]) => setMissing(names), []);
  /** Runs `submit` now when nothing main is missing, else after the clerk confirms. */
  const guard = (submit: () => void) => {
    if (missing.length === 0) submit();
    else setPending(() => submit);
  };
  const dialog = pending && (
    <ConfirmDialog
      title="出具一次性告知单？"
      message={
        <div data-testid="notice-confirm">
          <p>以下必交材料尚未勾选为已收取。确认后将出具编号的一次性告知单，本次不予受理：</p>
          <ol data-testid="notice-confirm-missing">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
          <p className="small muted">如申请人已交齐，请选“返回勾选材料”，在材料清单中勾选后再受理。</p>
        </div>
      }
      confirmLabel="出具告知单"
      cancelLabel="返回勾选材料"
      onCancel={() => setPending(null)}
      onConfirm={() => {
        const run = pending;
        setPending(null);
        run();
      }}
    />
  );
  return { onMissing, guard, dialog };
}
