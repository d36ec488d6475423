import { useState } from 'react';
import type { CaseReceipt } from '../../../../electron/contract/features/cases';
import { PROVISIONAL_ACCEPTANCE_NOTE } from '../../../../electron/contract/vocabulary/identity-documents';
import { api, errorMessage } from '../../api/client';
import { useAppMode } from '../../api/use-app-mode';
import { useDesk } from '../../store/desk-store';
import { FormsToPrint } from '../paper/FormsToPrint';
import { RatingStatus } from '../rating/RatingStatus';
import { yuan } from './labels';

const mask = (id: string) => (id.length > 10 ? id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4) : id);

/** The receipt printer's notes: 临时受理 first, then 容缺 materials. */
function receiptNotes(r: CaseReceipt): string[] | undefined {
  const notes = [
    ...(r.provisional ? [PROVISIONAL_ACCEPTANCE_NOTE] : []),
    ...(r.pending ? [`容缺材料请于 ${r.pending.deadline} 前补齐：${r.pending.materials.join('、')}`] : []),
  ];
  return notes.length ? notes : undefined;
}

/** 受理回执 on screen, with 打印回执 (receipt printer) and 保存PDF (A4, browser mode). */
/** `justAccepted`: the case was accepted this moment, so the citizen screen is asked for a 好差评 (a past
 *  receipt reopened from 办件记录 only shows the rating it got). */
export function ReceiptView({ receipt, onDone, justAccepted = false }: { receipt: CaseReceipt; onDone?: () => void; justAccepted?: boolean }) {
  const card = useDesk((s) => s.person);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The printer masks the ID itself but needs the full number: only the card at the counter has it.
  const fullId = card && mask(card.idNumber) === receipt.idNumberMasked ? card.idNumber : null;

  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await what());
    } catch (err) {
      setMessage(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const print = () =>
    run(async () => {
      const out = await api.call('printer.printReceipt', {
        office: receipt.office,
        caseNumber: receipt.caseNo,
        applicantName: receipt.applicantName,
        idNumber: fullId!,
        items: receipt.items,
        materials: receipt.materials,
        acceptedAt: receipt.acceptedAt,
        clerk: receipt.clerk,
        committedDate: receipt.committedDate,
        notes: receiptNotes(receipt),
      });
      return out.message;
    });
  const savePdf = () => run(async () => `已保存 PDF：${(await api.call('cases.receiptPdf', { caseNo: receipt.caseNo })).path}`);
  const printA4 = () => run(async () => (await api.call('cases.printA4', { caseNo: receipt.caseNo }), '已发送到打印机（A4）'));
  const canPrintA4 = useAppMode() === 'electron';

  return (
    <section className="receipt" aria-label="受理回执" data-testid="receipt">
      <h3>受理回执</h3>
      <div className="office">{receipt.office}</div>
      {receipt.provisional && (
        <div className="alert warn" data-testid="receipt-provisional">
          {PROVISIONAL_ACCEPTANCE_NOTE}
        </div>
      )}
      <dl>
        <dt>办件编号</dt>
        <dd className="mono" data-testid="receipt-case-no">
          {receipt.caseNo}
        </dd>
        <dt>申请人</dt>
        <dd>
          {receipt.applicantName}（{receipt.idNumberMasked}）
        </dd>
        <dt>办理事项</dt>
        <dd>
          <ol>
            {receipt.items.map((i, n) => (
              <li key={n}>
                {i.name}
                {i.amountFen !== undefined && `：${yuan(i.amountFen)} 元`}
              </li>
            ))}
          </ol>
        </dd>
        <dt>已收材料</dt>
        <dd>{receipt.materials.length ? receipt.materials.join('、') : '（无）'}</dd>
        {receipt.pending && (
          <>
            <dt>容缺材料</dt>
            <dd className="platform-msg">
              {receipt.pending.materials.join('、')}（请于 {receipt.pending.deadline} 前补齐）
            </dd>
          </>
        )}
        <dt>受理时间</dt>
        <dd>{receipt.acceptedAt}</dd>
        <dt>经办人</dt>
        <dd>{receipt.clerk}</dd>
        <dt>承诺办结日期</dt>
        <dd>{receipt.committedDate}</dd>
      </dl>
      <div className="svc-actions" style={{ marginTop: 12 }}>
        <button onClick={() => void print()} disabled={busy || !fullId} title={fullId ? '' : '需要申请人证件在场'} data-testid="print-receipt">
          打印回执
        </button>
        {canPrintA4 && (
          <button onClick={() => void printA4()} disabled={busy} data-testid="print-a4">
            打印A4回执
          </button>
        )}
        <button onClick={() => void savePdf()} disabled={busy} data-testid="save-pdf">
          保存PDF
        </button>
        {onDone && (
          <button className="primary" onClick={onDone} data-testid="next-case">
            继续办理
          </button>
        )}
      </div>
      {message && (
        <p className="hint" role="status" data-testid="receipt-message">
          {message}
        </p>
      )}
      <FormsToPrint caseNo={receipt.caseNo} />
      <RatingStatus caseNo={receipt.caseNo} ask={justAccepted} />
    </section>
  );
}
