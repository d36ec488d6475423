/**
 * 差评 for the supervisor: every 不满意 / 非常不满意 in a date range (the last 30 days by default), with the
 * case, the service, the clerk and the citizen's reason, so each one can be followed up (政务服务“差评”整改).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Complaint } from '../../../../electron/contract/features/rating';
import { chinaDate, chinaDateTime } from '../../../../shared/china-time';
import { api, errorMessage } from '../../api/client';


export function ComplaintsPanel() {
  const [from, setFrom] = useState(() => chinaDate(Date.now() - 29 * 86_400_000));
  const [to, setTo] = useState(() => chinaDate(Date.now()));
  const [rows, setRows] = useState<Complaint[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    if (from > to) {
      setError('开始日期不能晚于结束日期');
      return;
    }
    api
      .call('rating.complaints', { from, to })
      .then((r) => {
        setRows(r);
        setError(null);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [from, to]);
  useEffect(load, [load]);

  return (
    <section className="panel" aria-labelledby="complaints-title">
      <header className="panel-head">
        <h2 id="complaints-title">差评</h2>
        <span className="hint">群众在评价屏上选择“不满意”或“非常不满意”的办件</span>
      </header>
      <div className="toolbar">
        <label>
          从 <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="complaints-from" />
        </label>
        <label>
          至 <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="complaints-to" />
        </label>
      </div>
      {error && (
        <div className="alert error" role="alert" data-testid="complaints-error">
          {error}
        </div>
      )}
      <table className="grid" data-testid="complaints-table">
        <thead>
          <tr>
            <th>评价时间</th>
            <th>评价</th>
            <th>原因</th>
            <th>办件编号</th>
            <th>业务</th>
            <th>经办人</th>
          </tr>
        </thead>
        <tbody>
          {rows?.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                所选期间没有差评
              </td>
            </tr>
          )}
          {rows?.map((r) => (
            <tr key={r.caseNo} data-testid="complaint-row">
              <td>{chinaDateTime(r.ratedAt)}</td>
              <td className="bad">{r.levelName}</td>
              <td>{r.reason}</td>
              <td className="mono">{r.caseNo}</td>
              <td>{r.serviceName}</td>
              <td>
                {r.operatorName ?? ''}（{r.operatorCode}）
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
