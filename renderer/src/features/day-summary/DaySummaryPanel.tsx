import { useCallback, useEffect, useState } from 'react';
import type { DaySummary, SummaryBlock } from '../../../../electron/contract/features/day-summary';
import { api, errorMessage } from '../../api/client';
import { useAppMode } from '../../api/use-app-mode';
import { yuan } from '../services/labels';
import './day-summary.css';

/** Today in China (UTC+8), as the host counts the day. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function Figures({ b, testId }: { b: SummaryBlock; testId?: string }) {
  return (
    <div className="figures" data-testid={testId}>
      <div className="count-card">
        <div className="count">{b.total}</div>
        <div className="label">办件合计</div>
      </div>
      <div className="count-card">
        <div className="count">{yuan(b.claimedFen)}</div>
        <div className="label">零星报销申报（元）</div>
      </div>
      <div className="count-card ok">
        <div className="count">{yuan(b.paidFen)}</div>
        <div className="label">基金支付·已上报（元）</div>
      </div>
      <div className={`count-card ${b.pendingOverdue ? 'bad' : b.pendingOpen ? 'warn' : ''}`}>
        <div className="count">{b.pendingOpen}</div>
        <div className="label">容缺未补齐{b.pendingOverdue ? `（逾期 ${b.pendingOverdue}）` : ''}</div>
      </div>
      <div className={`count-card ${b.badRatings ? 'bad' : ''}`}>
        <div className="count">{b.badRatings}</div>
        <div className="label">差评</div>
      </div>
    </div>
  );
}

function Counts({ b }: { b: SummaryBlock }) {
  if (b.counts.length === 0) return <p className="muted">当日无办件。</p>;
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>办理事项</th>
          <th className="num">待上报</th>
          <th className="num">已上报</th>
          <th className="num">需人工处理</th>
          <th className="num">已撤销</th>
          <th className="num">合计</th>
        </tr>
      </thead>
      <tbody>
        {b.counts.map((c) => (
          <tr key={c.kind}>
            <td>{c.kindLabel}</td>
            <td className="num">{c.accepted}</td>
            <td className="num">{c.filed}</td>
            <td className={c.needsClerk ? 'num bad' : 'num'}>{c.needsClerk}</td>
            <td className="num">{c.cancelled}</td>
            <td className="num">
              <b>{c.total}</b>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 日结: the day of this desk and of each operator; printed on A4 or the receipt printer, exported as CSV. */
export function DaySummaryPanel() {
  const electron = useAppMode() === 'electron';
  const [date, setDate] = useState(chinaToday);
  const [summary, setSummary] = useState<DaySummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api
      .call('daySummary.get', { date })
      .then((s) => (setSummary(s), setError(null)))
      .catch((err) => setError(errorMessage(err)));
  }, [date]);
  useEffect(load, [load]);

  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await what());
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const printA4 = (pdf: boolean) => run(async () => (await api.call('daySummary.printA4', { date, pdf })).message);
  const printReceipt = () => run(async () => (await api.call('daySummary.printReceipt', { date })).message);
  const exportCsv = () =>
    run(async () => {
      const { fileName, csv } = await api.call('daySummary.csv', { date });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
      return `已导出 ${fileName}`;
    });

  return (
    <section className="panel day-summary" aria-labelledby="day-summary-title" data-testid="day-summary">
      <header className="panel-head">
        <h2 id="day-summary-title">日结{summary ? ` · ${summary.office}` : ''}</h2>
        {summary && <span className="muted small">生成时间 {summary.generatedAt}</span>}
      </header>
      <div className="toolbar">
        <label>
          日期{' '}
          <input type="date" value={date} max={chinaToday()} onChange={(e) => e.target.value && setDate(e.target.value)} data-testid="day-date" />
        </label>
        <button onClick={load} disabled={busy}>
          刷新
        </button>
        {electron && (
          <button onClick={() => void printA4(false)} disabled={busy || !summary} data-testid="day-print-a4">
            打印A4日结单
          </button>
        )}
        <button onClick={() => void printA4(true)} disabled={busy || !summary} data-testid="day-pdf">
          保存PDF
        </button>
        <button onClick={() => void printReceipt()} disabled={busy || !summary} data-testid="day-print-receipt">
          小票打印
        </button>
        <button onClick={() => void exportCsv()} disabled={busy || !summary} data-testid="day-csv">
          导出CSV
        </button>
      </div>
      {message && (
        <p className="hint" role="status" data-testid="day-message">
          {message}
        </p>
      )}
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      {summary && (
        <>
          <h3>本窗口合计</h3>
          <Figures b={summary.desk} testId="day-desk" />
          <Counts b={summary.desk} />
          <h3>按经办人</h3>
          {summary.operators.length === 0 && <p className="muted">当日没有经办人办件。</p>}
          <div className="operators">
            {summary.operators.map((o) => (
              <div key={o.code} className="operator" data-testid={`day-operator-${o.code}`}>
                <h4>
                  {o.name}（{o.code}）
                </h4>
                <Figures b={o} />
                <Counts b={o} />
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
