import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../electron/contract/api';
import { pollEvery } from '../../api/poll';
import { api, errorMessage } from '../../api/client';
import { useDesk } from '../../store/desk-store';
import { chinaClock } from '../../../../shared/china-time';

type Jobs = MethodOutput<'printer.jobs'>;

/** 打印预览: what the simulated receipt printer printed, decoded from its ESC/POS bytes, newest first. */
export function PrintPreview() {
  const printer = useDesk((s) => s.devices.find((d) => d.id === 'printer'));
  const [jobs, setJobs] = useState<Jobs | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const load = () =>
      api
        .call('printer.jobs')
        .then((j) => alive && setJobs(j))
        .catch((err) => alive && setError(errorMessage(err)));
    void load();
    const stopPolling = pollEvery(load, 1500);
    return () => {
      alive = false;
      stopPolling();
    };
  }, [printer?.updatedAt]);

  return (
    <section className="panel print-preview" aria-labelledby="preview-title" data-testid="print-preview">
      <header className="panel-head">
        <h2 id="preview-title">打印预览</h2>
        {jobs && jobs.pendingJobs > 0 && <span className="tag warn">{jobs.pendingJobs} 份等待打印</span>}
      </header>
      {error && <div className="alert error">{error}</div>}
      {jobs && jobs.waiting.length > 0 && (
        <ul className="waiting-jobs small" data-testid="waiting-jobs">
          {jobs.waiting.map((j) => (
            <li key={j.id} className={j.state === 'failed' ? 'device-error' : 'muted'}>
              {j.what} · {chinaClock(j.createdAt)} ·{' '}
              {j.state === 'failed' ? `多次写入失败，已停止重试（${j.lastError ?? ''}），请从办件记录补打` : '等待打印'}
            </li>
          ))}
        </ul>
      )}
      {jobs && !jobs.simulated && <p className="empty">打印机不是内置模拟器：请在真实打印机上查看出纸。</p>}
      {jobs?.simulated && jobs.jobs.length === 0 && <p className="empty">模拟打印机尚未打印任何内容。点“测试”打印一张测试条。</p>}
      <div className="receipts">
        {jobs?.jobs.slice(0, 6).map((j) => (
          <figure key={j.index} className="receipt" data-testid="printed-job">
            <figcaption className="muted small">
              第 {j.index} 份 · {chinaClock(j.receivedAt)} · {j.bytes} 字节
            </figcaption>
            <pre>{j.text}</pre>
          </figure>
        ))}
      </div>
    </section>
  );
}
