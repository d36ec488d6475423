/**
 * Scanner input for the whole window: keyboard-wedge bursts (captured before any input sees them) and
 * serial-scanner 'scanner.scan' events both end up here, classified, and are shown in one notice.
 * (F3 读社保卡 is one of the desk's shortcuts: renderer/src/keyboard/shortcuts.ts.)
 */
import { useEffect } from 'react';
import { checkDocumentNumber, type IdentityDocument } from '../../../../electron/contract/vocabulary/identity-documents';
import { maskIdNumber } from '../../../../shared/id-number';
import type { ScanResult } from '../../../../shared/scanner/classify';
import { api } from '../../api/client';
import { useScannerWedge } from '../../hooks/useScannerWedge';
import { useDesk } from '../../store/desk-store';

/** A scanned 18-character number: a resident ID, or by its prefix a 港澳台居民居住证 (81/82/83…) or a 2023 foreign card (9 + province). */
const documentOfNumber = (n: string): IdentityDocument =>
  (['hk-mo-tw-residence', 'foreign-permanent'] as const).find((d) => checkDocumentNumber(d, n).ok) ?? 'resident-id';

const yuan = (fen: number) => `${Math.floor(fen / 100).toLocaleString('zh-CN')}.${String(fen % 100).padStart(2, '0')}`;

export function ScannerInput() {
  const showScan = useDesk((s) => s.showScan);
  useScannerWedge((scan) => showScan({ scan, from: 'wedge', at: Date.now() }));

  useEffect(() => {
    const off = api.on('scanner.scan', (e) => showScan({ scan: e.scan as ScanResult, from: 'serial', at: Date.now() }));
    return off;
  }, [showScan]);

  return <ScanNoticeView />;
}

function ScanNoticeView() {
  const notice = useDesk((s) => s.lastScan);
  const { showScan, acceptDocumentNumber, acceptEcVoucher, readSsCard, setView } = useDesk();
  const serve = (f: () => void) => {
    setView('desk');
    f();
  };
  if (!notice) return null;
  const { scan } = notice;
  const close = (
    <button className="link" onClick={() => showScan(null)} aria-label="关闭">
      关闭
    </button>
  );
  const source = notice.from === 'wedge' ? '扫码枪（键盘模式）' : '扫码枪（串口）';
  return (
    <aside className={`scan-notice ${scan.kind === 'unrecognised' ? 'bad' : ''}`} role="status" data-testid="scan-result" data-kind={scan.kind}>
      <span className="scan-source">{source}</span>
      {scan.kind === 'id-number' && (
        <>
          <span>
            身份证号码 <b className="mono">{maskIdNumber(scan.idNumber)}</b>
          </span>
          <button className="primary" onClick={() => serve(() => acceptDocumentNumber(documentOfNumber(scan.idNumber), scan.idNumber, 'scan'))} data-testid="scan-use-id">
            用此号码接待
          </button>
        </>
      )}
      {scan.kind === 'e-invoice' && (
        <span data-testid="scan-invoice" className="scan-fields">
          <span>医疗收费电子票据</span>
          <span>
            票据代码 <b className="mono">{scan.invoice.billCode}</b>
          </span>
          <span>
            票据号码 <b className="mono">{scan.invoice.billNumber}</b>
          </span>
          <span>
            金额 <b>{yuan(scan.invoice.amountFen)} 元</b>
          </span>
          <span>开票日期 {scan.invoice.issueDate}</span>
        </span>
      )}
      {scan.kind === 'sscard-number' && (
        <>
          <span>
            社保卡卡号 <b className="mono">{scan.cardNumber}</b>（平台须凭卡识别码查询，请插卡读取）
          </span>
          <button
            className="primary"
            onClick={() =>
              serve(() => {
                showScan(null);
                void readSsCard();
              })
            }
            data-testid="scan-read-sscard"
          >
            读社保卡 <kbd>F3</kbd>
          </button>
        </>
      )}
      {scan.kind === 'ec-voucher' && (
        <>
          <span>医保电子凭证（由医保平台解析身份）</span>
          <button className="primary" onClick={() => serve(() => acceptEcVoucher(scan.code))} data-testid="scan-use-ec">
            用电子凭证接待
          </button>
        </>
      )}
      {scan.kind === 'unrecognised' && (
        <span>
          <b>无法识别的条码</b>：{scan.reason}
        </span>
      )}
      {close}
    </aside>
  );
}
