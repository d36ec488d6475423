import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { useCases } from '../services/cases-store';
import { ReceiptView } from '../services/ReceiptView';
import type { CaseReceipt, CaseView } from '../../../../electron/contract/features/cases';
import { ReasonDialog } from '../worklist/ReasonDialog';
import { useWorklist } from '../worklist/worklist-store';
import { chinaDateTime } from '../../../../shared/china-time';

// Times as on the receipts: China Standard Time, whatever the machine's zone.
const fmt = chinaDateTime;

/** 办件记录 of the person at the counter: state from the outbox and the events, 撤销 where the rules allow. */
export function HistoryPanel({ psnNo }: { psnNo: string }) {
  const { history, loadHistory } = useCases();
  const [cancelling, setCancelling] = useState<CaseView | null>(null);
  const showCase = useWorklist((s) => s.showCase);
  const [receipt, setReceipt] = useState<CaseReceipt | null>(null);
  const [reprint, setReprint] = useState<{ caseNo: string; message: string } | null>(null);
  const [reprinting, setReprinting] = useState<string | null>(null);
  // 补打回执: rendered from the stored case (ID masked), so no card needs to be at the counter.
  const reprintReceipt = async (caseNo: string) => {
    setReprinting(caseNo);
    try {
      setReprint({ caseNo, message: (await api.call('printer.reprint', { caseNo })).message });
    } catch (err) {
      setReprint({ caseNo, message: errorMessage(err) });
    } finally {
      setReprinting(null);
    }
  };
  useEffect(() => {
    void loadHistory(psnNo);
    // The uploader changes states in the background: follow the queue.
    return api.on('queue.changed', () => void loadHistory(psnNo));
  }, [psnNo, loadHistory]);

  if (receipt) return <ReceiptView receipt={receipt} onDone={() => setReceipt(null)} />;
  if (history.length === 0) return <p className="empty">该人员在本机没有办件记录。</p>;
  return (
    <div className="history-list" data-testid="history">
      {history.map((c) => (
        <div key={c.caseNo} className="history-item" data-testid={`history-${c.caseNo}`}>
          <div>
            <div className="title">
              {c.kindLabel} <span className="muted small">{c.summary}</span>
            </div>
            <div className="meta">
              <span className="mono">{c.caseNo}</span> · {fmt(c.createdAt)} · 经办 {c.clerk}
              {c.pending && ` · 容缺材料 ${c.pending.deadline} 前补齐`}
              {c.cancelNote && !c.cancellable && c.state !== 'cancelled' && ` · ${c.cancelNote}`}
            </div>
            {c.platformMessage && <div className="platform-msg small">平台：{c.platformMessage}</div>}
            {reprint?.caseNo === c.caseNo && (
              <div className="hint small" role="status" data-testid="reprint-message">
                {reprint.message}
              </div>
            )}
          </div>
          <div className="svc-actions">
            <span className={`state ${c.tone}`} data-testid="history-state">
              {c.stateLabel}
            </span>
            <button className="link" onClick={() => void api.call('cases.receipt', { caseNo: c.caseNo }).then(setReceipt)}>
              回执
            </button>
            <button className="link" disabled={reprinting !== null} onClick={() => void reprintReceipt(c.caseNo)} data-testid="reprint-receipt">
              {reprinting === c.caseNo ? '正在打印…' : '补打回执'}
            </button>
            <button className="link" onClick={() => showCase(c.caseNo)} data-testid="open-case">
              详情
            </button>
            {c.cancellable && (
              <button className="link" data-testid="cancel-case" onClick={() => setCancelling(c)}>
                撤销
              </button>
            )}
          </div>
        </div>
      ))}
      {cancelling && (
        <ReasonDialog
          title={`撤销办件 ${cancelling.caseNo}`}
          intro={`${cancelling.kindLabel}：${cancelling.summary}。撤销申请将在原办件上报后提交平台，请申请人在撤销申请上签字。`}
          label="撤销原因（申请人所述）"
          confirmLabel="提交撤销"
          danger
          onSubmit={async (memo) => {
            await api.call('cases.cancel', { caseNo: cancelling.caseNo, memo });
            await loadHistory(psnNo);
          }}
          onClose={() => setCancelling(null)}
        />
      )}
    </div>
  );
}
