/** Filed: the 受理回执 as printed (办件编号, what was filed, 经办：自助终端), where the paper is, then the rating. */
import { useKiosk } from './kiosk-store';
import { maskName } from './mask';

export function ReceiptScreen() {
  const receipt = useKiosk((s) => s.receipt);
  const printMessage = useKiosk((s) => s.printMessage);
  const toRating = useKiosk((s) => s.toRating);
  if (!receipt) return null;
  return (
    <section className="kiosk-receipt" data-testid="kiosk-receipt">
      <div className="kiosk-done-mark" aria-hidden>
        ✓
      </div>
      <h1>备案已受理</h1>
      <dl className="kiosk-facts">
        <dt>办件编号</dt>
        <dd className="mono" data-testid="kiosk-case-no">
          {receipt.caseNo}
        </dd>
        <dt>申请人</dt>
        <dd>{maskName(receipt.applicantName)}</dd>
        <dt>办理事项</dt>
        <dd>{receipt.items.map((i) => i.name).join('；')}</dd>
        <dt>经办</dt>
        <dd data-testid="kiosk-receipt-clerk">{receipt.clerk}</dd>
        <dt>承诺办结</dt>
        <dd>{receipt.committedDate}</dd>
      </dl>
      <p className="kiosk-print-message" role="status" data-testid="kiosk-print-message">
        {printMessage}
      </p>
      <div className="kiosk-actions">
        <button className="kiosk-btn primary" onClick={() => void toRating()} data-testid="kiosk-to-rating">
          评价本次服务
        </button>
      </div>
    </section>
  );
}
