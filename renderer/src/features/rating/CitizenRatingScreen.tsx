/**
 * 好差评 on the screen facing the citizen: five large levels for the case the desk just accepted, the bottom
 * two asking why (tap a reason, or type one). It shows no personal data — only the service, the 办件编号 and
 * the clerk — and falls back to a welcome screen whenever nothing is asked or the desk is locked.
 */
import { useEffect, useState } from 'react';
import type { RatingRecord, RatingRequest } from '../../../../electron/contract/features/rating';
import { COMPLAINT_REASONS, isComplaint, SATISFACTION_LEVELS } from '../../../../electron/contract/vocabulary/satisfaction';
import { api, errorMessage } from '../../api/client';
import './rating.css';

const THANKS_MS = 5_000;

export function CitizenRatingScreen() {
  const [request, setRequest] = useState<RatingRequest | null>(null);
  const [level, setLevel] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [thanks, setThanks] = useState<RatingRecord | null>(null);

  useEffect(() => {
    const fetchPending = () =>
      api
        .call('rating.pending')
        .then((r) => setRequest(r))
        .catch(() => setRequest(null));
    const offConn = api.onConnection((c) => c && void fetchPending());
    const offReq = api.on('rating.requested', (r) => {
      setRequest(r);
      setLevel(null);
      setReason('');
      setError(null);
    });
    return () => {
      offConn();
      offReq();
    };
  }, []);

  useEffect(() => {
    if (!thanks) return;
    const t = setTimeout(() => setThanks(null), THANKS_MS);
    return () => clearTimeout(t);
  }, [thanks]);

  const submit = async (chosen: number, why?: string) => {
    if (!request) return;
    if (isComplaint(chosen) && !why?.trim()) {
      setError('请选择或填写不满意的原因');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('rating.submit', { caseNo: request.caseNo, level: chosen, reason: why?.trim() || undefined });
      setThanks(r);
      setRequest(null);
      setLevel(null);
      setReason('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const choose = (l: number) => {
    setLevel(l);
    setError(null);
    if (!isComplaint(l)) void submit(l);
  };

  if (thanks) {
    return (
      <main className="citizen-screen" data-testid="citizen-thanks">
        <h1>感谢您的评价！</h1>
        <p className="citizen-sub">您的评价：{thanks.levelName}</p>
      </main>
    );
  }
  if (!request) {
    return (
      <main className="citizen-screen" data-testid="citizen-idle">
        <h1>欢迎光临</h1>
        <p className="citizen-sub">医疗保障经办服务窗口</p>
      </main>
    );
  }
  return (
    <main className="citizen-screen" data-testid="citizen-rating">
      <h1>请对本次服务进行评价</h1>
      <p className="citizen-sub">
        {request.serviceName} · 办件编号 <span className="mono">{request.caseNo}</span> · 经办人 {request.clerkName}
      </p>
      <div className="rating-levels" role="group" aria-label="评价">
        {SATISFACTION_LEVELS.map((l) => (
          <button
            key={l.level}
            className={`rating-level level-${l.level}${level === l.level ? ' chosen' : ''}`}
            onClick={() => choose(l.level)}
            disabled={busy}
            aria-pressed={level === l.level}
            data-testid={`rate-${l.level}`}
          >
            {l.name}
          </button>
        ))}
      </div>
      {level !== null && isComplaint(level) && (
        <section className="rating-reason" aria-label="不满意的原因">
          <h2>请告诉我们不满意的原因</h2>
          <div className="reason-chips">
            {COMPLAINT_REASONS.map((r) => (
              <button key={r} className={reason === r ? 'chip chosen' : 'chip'} onClick={() => setReason(r)} aria-pressed={reason === r} data-testid="rate-reason-chip">
                {r}
              </button>
            ))}
          </div>
          <textarea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={200}
            rows={2}
            placeholder="也可以在此填写（最多 200 字）"
            aria-label="原因"
            data-testid="rate-reason"
          />
          <button className="primary big" onClick={() => void submit(level, reason)} disabled={busy} data-testid="rate-submit">
            提交评价
          </button>
        </section>
      )}
      {error && (
        <p className="citizen-error" role="alert" data-testid="rate-error">
          {error}
        </p>
      )}
    </main>
  );
}
