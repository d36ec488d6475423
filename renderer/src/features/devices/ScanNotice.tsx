/**
 * Scanner input for the whole window: keyboard-wedge bursts (captured before any input sees them) and
 * serial-scanner 'scanner.scan' events both end up here, classified, and are shown in one notice.
 * (F3 读社保卡 is one of the desk's shortcuts: renderer/src/keyboard/shortcuts.ts.)
 */
import { useEffect } from 'react';
import { maskIdNumber } from '../../../../shared/id-number';
import type { ScanResult } from '../../../../shared/scanner/classify';
import { api } from '../../api/client';
import { useScannerWedge } from '../../hooks/useScannerWedge';
import { useDesk } from '../../store/desk-store';

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
  const { showScan, acceptScannedIdNumber } = useDesk();
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
          <button className="primary" onClick={() => acceptScannedIdNumber(scan.idNumber)} data-testid="scan-use-id">
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
        <span>
          社保卡卡号 <b className="mono">{scan.cardNumber}</b>
        </span>
      )}
      {scan.kind === 'ec-voucher' && <span>医保电子凭证（由医保平台解析身份）</span>}
      {scan.kind === 'unrecognised' && (
        <span>
          <b>无法识别的条码</b>：{scan.reason}
        </span>
      )}
      {close}
    </aside>
  );
}
