/**
 * 好差评 at the end of a kiosk session: the five levels (contract/vocabulary/satisfaction), a reason for the
 * bottom two (tap one; a kiosk has no keyboard), then thanks and back to the start. Nothing personal is on
 * screen or in the store by now: only the case number the rating is for.
 */
import { useEffect, useState } from 'react';
import { COMPLAINT_REASONS, isComplaint, SATISFACTION_LEVELS } from '../../../electron/contract/vocabulary/satisfaction';
import { useKiosk } from './kiosk-store';
import '../features/rating/rating.css';

const THANKS_MS = 5_000;

export function KioskRating() {
  const step = useKiosk((s) => s.step);
  const rating = useKiosk((s) => s.rating);
  const ratedName = useKiosk((s) => s.ratedName);
  const busy = useKiosk((s) => s.busy);
  const error = useKiosk((s) => s.error);
  const { rate, end } = useKiosk.getState();
  const [level, setLevel] = useState<number | null>(null);
  const [reason, setReason] = useState<string | null>(null);

  useEffect(() => {
    if (step !== 'thanks') return;
    const t = setTimeout(() => useKiosk.getState().end('finished'), THANKS_MS);
    return () => clearTimeout(t);
  }, [step]);

  if (step === 'thanks') {
    return (
      <section className="kiosk-thanks" data-testid="kiosk-thanks">
        <h1>感谢您的评价！</h1>
        <p className="kiosk-lead">您的评价：{ratedName}</p>
        <p className="kiosk-lead">请取走您的证件和回执</p>
        <button className="kiosk-btn primary" onClick={() => end('finished')} data-testid="kiosk-finish">
          完成
        </button>
      </section>
    );
  }

  const choose = (l: number) => {
    setLevel(l);
    if (!isComplaint(l)) void rate(l);
  };

  return (
    <section className="kiosk-rating" data-testid="kiosk-rating">
      <h1>请对本次服务进行评价</h1>
      {rating && <p className="kiosk-muted">{rating.serviceName} · 办件编号 {rating.caseNo}</p>}
      <div className="kiosk-rating-levels" role="group" aria-label="评价">
        {SATISFACTION_LEVELS.map((l) => (
          <button
            key={l.level}
            className={`rating-level level-${l.level}${level === l.level ? ' chosen' : ''}`}
            onClick={() => choose(l.level)}
            disabled={busy || !rating}
            aria-pressed={level === l.level}
            data-testid={`kiosk-rate-${l.level}`}
          >
            {l.name}
          </button>
        ))}
      </div>
      {level !== null && isComplaint(level) && (
        <div className="kiosk-rating-reason">
          <h2>请告诉我们不满意的原因</h2>
          <div className="kiosk-chips">
            {COMPLAINT_REASONS.map((r) => (
              <button key={r} className={`kiosk-chip${reason === r ? ' chosen' : ''}`} aria-pressed={reason === r} onClick={() => setReason(r)} data-testid="kiosk-rate-reason">
                {r}
              </button>
            ))}
          </div>
          <button className="kiosk-btn primary" disabled={!reason || busy} onClick={() => void rate(level, reason ?? undefined)} data-testid="kiosk-rate-submit">
            提交评价
          </button>
        </div>
      )}
      {error && (
        <p className="kiosk-error" role="alert">
          {error}
        </p>
      )}
      <div className="kiosk-actions">
        <button className="kiosk-btn ghost" onClick={() => end('finished')} data-testid="kiosk-skip-rating">
          不评价，结束
        </button>
      </div>
    </section>
  );
}
