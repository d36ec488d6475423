import { useCallback, useEffect, useState } from 'react';
import type { CaseFormView } from '../../../../electron/contract/features/paper';
import { api, errorMessage } from '../../api/client';
import { useAppMode } from '../../api/use-app-mode';
import { may } from '../../auth/access';
import { useAuth } from '../../auth/auth-store';
import './paper.css';

const hhmm = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');

/**
 * 待签字材料: the A4 forms of a case (申请表, 备案表, 承诺书, 结算单, 撤销申请) to print for the applicant to
 * sign — the print dialog in Electron, a PDF in browser mode. A form printed before prints as 补打.
 */
export function FormsToPrint({ caseNo }: { caseNo: string }) {
  const allowed = may(useAuth((s) => s.operator?.role), 'paper.forms');
  return allowed ? <CaseForms caseNo={caseNo} /> : null;
}

function CaseForms({ caseNo }: { caseNo: string }) {
  const electron = useAppMode() === 'electron';
  const [forms, setForms] = useState<CaseFormView[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api
        .call('paper.forms', { caseNo })
        .then((r) => (setForms(r.forms), setError(null)))
        .catch((err) => setError(errorMessage(err))),
    [caseNo],
  );
  useEffect(() => void load(), [load]);

  const print = async (formId: string, pdf: boolean) => {
    setBusy(formId);
    try {
      setMessage((await api.call('paper.print', { caseNo, formId, pdf })).message);
      setError(null);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  if (forms && forms.length === 0) return null;
  return (
    <section className="forms-to-print" aria-label="待签字材料" data-testid="forms-to-print">
      <h4>待签字材料（A4，请申请人签字后留存）</h4>
      {!forms && !error && <p className="muted small">正在读取表单…</p>}
      <ul>
        {forms?.map((f) => {
          const last = f.prints.at(-1);
          return (
            <li key={f.formId} data-testid={`form-${f.formId}`}>
              <span className="form-title">{f.title}</span>
              <span className={last ? 'tag ok' : 'tag warn'} data-testid="form-state">
                {last ? `已打印 ${f.prints.length} 次 · ${hhmm(last.at)}` : '未打印'}
              </span>
              <span className="form-actions">
                {electron && (
                  <button onClick={() => void print(f.formId, false)} disabled={busy !== null} data-testid="form-print">
                    {last ? '补打' : '打印'}
                  </button>
                )}
                <button onClick={() => void print(f.formId, true)} disabled={busy !== null} data-testid="form-pdf">
                  {!electron && last ? '补打（PDF）' : '保存PDF'}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {message && (
        <p className="hint" role="status" data-testid="forms-message">
          {message}
        </p>
      )}
      {error && (
        <p className="platform-msg" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
