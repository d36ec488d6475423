/** Beside the 费用明细 grid: how many pasted lines became rows, and each line that did not, with the reason. */
import type { PasteReport } from './useFeeItemsPaste';
import './keyboard.css';

export function FeePasteReport({ report, onDismiss }: { report: PasteReport | null; onDismiss(): void }) {
  if (!report)
    return <p className="small muted paste-hint">可在表格中粘贴从电子表格复制的多行（Ctrl+V），每行一项：名称、类别、金额[、超限价金额、先行自付%]。</p>;
  const bad = report.problems.length > 0;
  const last = report.firstRow + report.imported - 1;
  return (
    <div className={bad ? 'paste-report bad' : 'paste-report'} role={bad ? 'alert' : 'status'} data-testid="paste-report">
      <div>
        {report.imported > 0
          ? `已从粘贴内容填入 ${report.imported} 行费用明细（第 ${report.firstRow}${last > report.firstRow ? `–${last}` : ''} 行）${report.header ? '，已跳过表头' : ''}。`
          : '粘贴内容中没有可填入的费用明细。'}
        <button type="button" className="link" onClick={onDismiss}>
          知道了
        </button>
      </div>
      {bad && (
        <>
          <div className="paste-bad-head">以下 {report.problems.length} 行未填入，请核对后手工录入：</div>
          <ol data-testid="paste-problems">
            {report.problems.map((p) => (
              <li key={p.line}>
                粘贴内容第 {p.line} 行：{p.reason}
                <span className="raw">{p.text.replace(/\t/g, ' │ ')}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
