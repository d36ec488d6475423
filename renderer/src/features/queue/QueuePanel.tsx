import { Fragment, useCallback, useEffect, useState } from 'react';
import type { QueueEntry } from '../../../../electron/contract/features/platform';
import { attemptActionName, attemptOutcomeName } from '../../../../electron/contract/vocabulary/upload-attempts';
import { api, errorMessage } from '../../api/client';
import { usePlatform } from '../../store/platform-store';
import { useWorklist } from '../worklist/worklist-store';
import { chinaDateTime } from '../../../../shared/china-time';

const fmt = (iso: string) => chinaDateTime(iso);

const COUNT_CARDS: Array<{ key: keyof NonNullable<ReturnType<typeof usePlatform.getState>['queue']>['counts']; label: string; tone: string }> = [
  { key: 'pending', label: '待上报', tone: '' },
  { key: 'in-flight', label: '上报中', tone: '' },
  { key: 'retry', label: '待重试', tone: 'warn' },
  { key: 'unknown', label: '结果未知待查询', tone: 'warn' },
  { key: 'needs-clerk', label: '需人工处理', tone: 'bad' },
  { key: 'done', label: '已上报', tone: 'ok' },
];

type Filter = 'open' | 'needs-clerk' | 'done';

/** 上报队列: counts by state, what waits and why, the platform's message for each rejection, retry now. */
const PLATFORM_FAULTS = [
  ['none', '正常'],
  ['offline', '断网'],
  ['server-error', '服务器错误'],
  ['lost-reply', '丢失下一个回复'],
  ['refuse', '拒绝下一笔'],
] as const;

/** Training control for the embedded platform simulator: show how the queue rides out outages. */
function PlatformSimulatorControl() {
  const { simulatorFault: fault, setSimulatorFault: setFault } = usePlatform();
  const [error, setError] = useState<string | null>(null);
  const choose = (f: (typeof PLATFORM_FAULTS)[number][0]) =>
    api
      .call('simulator.platform.fault', { fault: f })
      .then(() => (setFault(f), setError(null)))
      .catch((err) => setError(errorMessage(err)));
  return (
    <div className="sim-platform" data-testid="sim-platform">
      <span className="badge">模拟平台</span>
      <div className="segmented">
        {PLATFORM_FAULTS.map(([id, label]) => (
          <button key={id} className={fault === id ? 'active' : ''} onClick={() => void choose(id)} data-testid={`sim-platform-${id}`}>
            {label}
          </button>
        ))}
      </div>
      {error && <span className="platform-msg">{error}</span>}
    </div>
  );
}

export function QueuePanel() {
  const queue = usePlatform((s) => s.queue);
  const simulated = usePlatform((s) => s.status?.simulated ?? false);
  const [filter, setFilter] = useState<Filter>('open');
  const [entries, setEntries] = useState<QueueEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const showCase = useWorklist((s) => s.showCase);

  const load = useCallback(() => {
    const states = filter === 'open' ? undefined : [filter];
    api
      .call('queue.list', { states, limit: 200, search: search.trim() || undefined })
      .then((list) => {
        setEntries(list);
        setError(null);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [filter, search]);

  useEffect(load, [load, queue]);

  const retry = (itemId?: number) =>
    api
      .call('queue.retry', itemId ? { itemId } : {})
      .then(({ count }) => setNotice(count ? `已安排 ${count} 项立即重试` : '没有可重试的项目'))
      .catch((err) => setError(errorMessage(err)));

  return (
    <section className="panel" aria-labelledby="queue-title">
      <header className="panel-head">
        <h2 id="queue-title">上报队列</h2>
        <span className={queue?.online === false ? 'tag bad' : 'tag ok'} data-testid="queue-online">
          {queue?.online === false ? '医保平台离线：已受理的办件保存在本机，恢复后自动上报' : '医保平台在线'}
        </span>
      </header>
      {queue?.sentElsewhere && (
        <div className="alert warn" role="status" data-testid="sent-elsewhere">
          {queue.sentElsewhere}
        </div>
      )}
      {simulated && <PlatformSimulatorControl />}
      <div className="count-cards">
        {COUNT_CARDS.map((c) => (
          <div key={c.key} className={`count-card ${c.tone}`} data-testid={`count-${c.key}`}>
            <div className="count">{queue?.counts[c.key] ?? 0}</div>
            <div className="label">{c.label}</div>
          </div>
        ))}
      </div>
      <div className="toolbar">
        <div className="segmented">
          {(
            [
              ['open', '未完成'],
              ['needs-clerk', '需人工处理'],
              ['done', '已上报'],
            ] as const
          ).map(([id, label]) => (
            <button key={id} className={filter === id ? 'active' : ''} onClick={() => setFilter(id)}>
              {label}
            </button>
          ))}
        </div>
        <input
          className="queue-search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="查找：姓名 / 证件号末 4 位 / 办件编号"
          data-testid="queue-search"
        />
        <button onClick={() => void retry()} data-testid="retry-all">
          全部立即重试
        </button>
        {notice && <span className="hint">{notice}</span>}
      </div>
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      <table className="grid" data-testid="queue-table">
        <thead>
          <tr>
            <th>办件编号</th>
            <th>申请人</th>
            <th>受理时间</th>
            <th>业务</th>
            <th>交易</th>
            <th>状态</th>
            <th>次数</th>
            <th>原因 / 平台信息</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && (
            <tr>
              <td colSpan={9} className="empty">
                {filter === 'done' ? '暂无已上报的办件' : '队列为空：所有已受理的办件都已上报'}
              </td>
            </tr>
          )}
          {entries.map((e) => (
            <Fragment key={e.itemId}>
              <tr>
                <td className="mono">{e.caseNo}</td>
                <td>
                  {e.applicantMasked}
                  <div className="mono small muted">{e.idNumberMasked}</div>
                </td>
                <td className="small">{fmt(e.createdAt)}</td>
                <td>{e.kindLabel}</td>
                <td className="mono">{e.infno}</td>
                <td>
                  <span className={`state ${e.state}`}>{e.stateLabel}</span>
                </td>
                <td>
                  <button className="link" onClick={() => setOpen(open === e.itemId ? null : e.itemId)} title="查看每次尝试" data-testid="attempts-toggle">
                    {e.attempts} 次 {open === e.itemId ? '▴' : '▾'}
                  </button>
                </td>
                <td>
                  {e.platformMessage ? <span className="platform-msg">平台：{e.platformMessage}</span> : e.waitReason}
                  {e.lastError && !e.platformMessage && <div className="muted small">{e.lastError}</div>}
                </td>
                <td>
                  <div className="row-actions">
                  {e.state === 'needs-clerk' && (
                    <button className="link" onClick={() => showCase(e.caseNo)} data-testid="queue-handle">
                      处理
                    </button>
                  )}
                  {e.state !== 'done' && e.state !== 'in-flight' && !e.held && (
                    <button className="link" onClick={() => void retry(e.itemId)}>
                      立即重试
                    </button>
                  )}
                  </div>
                </td>
              </tr>
              {open === e.itemId && (
                <tr className="attempts-row">
                  <td colSpan={9}>
                    <AttemptList itemId={e.itemId} refreshKey={e.updatedAt} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Every attempt of one queue item: when, what, which msgid, and how it ended. */
function AttemptList({ itemId, refreshKey }: { itemId: number; refreshKey: string }) {
  const [attempts, setAttempts] = useState<Array<{ id: number; action: string; infno: string; msgid: string | null; startedAt: string; outcome: string | null; message: string | null }>>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('queue.attempts', { itemId }).then(setAttempts).catch((err) => setError(errorMessage(err)));
  }, [itemId, refreshKey]);
  if (error) return <div className="alert error">{error}</div>;
  if (attempts.length === 0) return <span className="muted">尚未尝试</span>;
  return (
    <table className="grid compact attempts" data-testid="attempts">
      <thead>
        <tr>
          <th>时间</th>
          <th>动作</th>
          <th>交易</th>
          <th>报文ID</th>
          <th>结果</th>
          <th>信息</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((a) => (
          <tr key={a.id}>
            <td>{chinaDateTime(a.startedAt)}</td>
            <td>{attemptActionName(a.action)}</td>
            <td className="mono">{a.infno}</td>
            <td className="mono small">{a.msgid ?? '—'}</td>
            <td>{attemptOutcomeName(a.outcome)}</td>
            <td>{a.message ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
