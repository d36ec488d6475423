import { useEffect, useState } from 'react';
import { SERVICE_KINDS, CASE_KIND_NAMES } from '../../../../electron/contract/vocabulary/case-kinds';
import { WORK_STATE_NAMES, WORK_STATES } from '../../../../electron/contract/features/worklist';
import { api, errorMessage } from '../../api/client';
import { CaseDetailView, fmt } from './CaseDetailView';
import { useWorklist, type Range } from './worklist-store';
import './worklist.css';

const RANGES: Array<[Range, string]> = [
  ['today', '今天'],
  ['week', '近 7 天'],
  ['all', '全部'],
  ['custom', '自定义'],
];

/** Saves bytes the host made as a file download (browser mode and Electron alike). */
function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 办件: the whole desk's cases — today's by default, searched by anything the clerk has at hand. */
export function WorklistPanel() {
  const w = useWorklist();
  const [encoding, setEncoding] = useState<'utf-8' | 'gb18030'>('utf-8');
  const [exportNote, setExportNote] = useState<string | null>(null);
  const { search } = w;
  useEffect(() => {
    void search();
  }, [search]);

  const submit = () => {
    // A name, number or 办件编号 is looked for on every day, unless the clerk chose dates.
    if (w.text.trim() && w.range === 'today') w.set({ range: 'all' });
    void w.search();
  };
  const exportCsv = async () => {
    try {
      const out = await api.call('cases.export', { ...w.query(), encoding });
      download(out.fileName, out.base64);
      setExportNote(`已导出 ${out.count} 条`);
    } catch (err) {
      setExportNote(errorMessage(err));
    }
  };

  return (
    <div className={w.open ? 'worklist with-detail' : 'worklist'}>
      <section className="panel" aria-labelledby="worklist-title">
        <header className="panel-head">
          <h2 id="worklist-title">办件</h2>
          <span className="muted small">{w.loading ? '正在查询…' : `${w.rows.length}${w.truncated ? '+' : ''} 件`}</span>
        </header>
        <form
          className="search-bar"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <input
            className="search-text"
            value={w.text}
            onChange={(e) => w.set({ text: e.target.value })}
            placeholder="姓名 / 身份证号（或末 4 位）/ 办件编号"
            data-testid="search-text"
            autoFocus
          />
          <div className="segmented">
            {RANGES.map(([id, label]) => (
              <button type="button" key={id} className={w.range === id ? 'active' : ''} onClick={() => (w.set({ range: id }), id !== 'custom' && void w.search())} data-testid={`range-${id}`}>
                {label}
              </button>
            ))}
          </div>
          {w.range === 'custom' && (
            <span className="dates">
              <input type="date" value={w.custom.from} onChange={(e) => w.set({ custom: { ...w.custom, from: e.target.value } })} data-testid="search-from" />
              至
              <input type="date" value={w.custom.to} onChange={(e) => w.set({ custom: { ...w.custom, to: e.target.value } })} data-testid="search-to" />
            </span>
          )}
          <select value={w.kind} onChange={(e) => w.set({ kind: e.target.value as typeof w.kind })} data-testid="search-kind">
            <option value="">全部业务</option>
            {SERVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {CASE_KIND_NAMES[k]}
              </option>
            ))}
          </select>
          <select value={w.state} onChange={(e) => w.set({ state: e.target.value as typeof w.state })} data-testid="search-state">
            <option value="">全部状态</option>
            {WORK_STATES.map((s) => (
              <option key={s} value={s}>
                {WORK_STATE_NAMES[s]}
              </option>
            ))}
          </select>
          <input className="short" value={w.operator} onChange={(e) => w.set({ operator: e.target.value })} placeholder="经办人工号" data-testid="search-operator" />
          <button type="submit" className="primary" data-testid="search-submit">
            查询
          </button>
          <span className="export">
            <select value={encoding} onChange={(e) => setEncoding(e.target.value as typeof encoding)} aria-label="导出编码">
              <option value="utf-8">UTF-8</option>
              <option value="gb18030">GB18030</option>
            </select>
            <button type="button" onClick={() => void exportCsv()} data-testid="export-csv">
              导出 CSV
            </button>
          </span>
        </form>
        {exportNote && <div className="hint small" data-testid="export-note">{exportNote}</div>}
        {w.error && (
          <div className="alert error" role="alert" data-testid="search-error">
            {w.error}
          </div>
        )}
        <div className="table-scroll">
          <table className="grid compact" data-testid="case-table">
            <thead>
              <tr>
                <th>受理时间</th>
                <th>办件编号</th>
                <th>业务</th>
                <th>申请人</th>
                {!w.open && <th>证件号码</th>}
                <th>经办</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {w.rows.length === 0 && !w.loading && (
                <tr>
                  <td colSpan={7} className="empty">
                    {w.range === 'today' && !w.text ? '今天还没有办件' : '没有符合条件的办件'}
                  </td>
                </tr>
              )}
              {w.rows.map((r) => (
                <tr key={r.caseNo} className={w.open === r.caseNo ? 'selected' : ''} onClick={() => w.openCase(r.caseNo)} data-testid={`case-row-${r.caseNo}`}>
                  <td className="nowrap">{fmt(r.createdAt)}</td>
                  <td className="mono small">{r.caseNo}</td>
                  <td>{r.kindLabel}</td>
                  <td>{r.applicantName}</td>
                  {!w.open && <td className="mono small">{r.idNumberMasked}</td>}
                  <td>{r.clerk}</td>
                  <td>
                    <span className={`state ${r.tone}`}>{r.stateLabel}</span>
                    {r.pendingDeadline && <div className="muted small">{r.pendingDeadline} 前补齐</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {w.truncated && <p className="muted small">只显示最近的 {w.rows.length} 件，请加条件缩小范围。</p>}
      </section>
      {w.open && (
        <section className="panel detail-pane">
          <button className="link close" onClick={() => w.openCase(null)} aria-label="关闭" data-testid="detail-close">
            ✕ 关闭
          </button>
          <CaseDetailView caseNo={w.open} onChanged={() => void w.search()} onOpen={(no) => w.openCase(no)} />
        </section>
      )}
    </div>
  );
}
