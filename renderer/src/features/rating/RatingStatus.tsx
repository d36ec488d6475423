/**
 * Under the 受理回执: for a case just accepted (`ask`), asks the citizen screen for a 好差评 as soon as the
 * receipt shows, then shows the rating when it arrives; the clerk can open the citizen screen (browser mode)
 * or ask again. A past receipt only shows the rating it got, or 未评价.
 */
import { useEffect, useState } from 'react';
import type { RatingRecord } from '../../../../electron/contract/features/rating';
import { api, errorMessage } from '../../api/client';
import { useAppMode } from '../../api/use-app-mode';
import { openCitizenScreen } from './citizen-screen';
import './rating.css';

export function RatingStatus({ caseNo, ask: askAtOnce }: { caseNo: string; ask: boolean }) {
  const [rating, setRating] = useState<RatingRecord | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const browserMode = useAppMode() === 'browser';

  const ask = () =>
    api
      .call('rating.request', { caseNo })
      .then(() => setNote('已请群众在评价屏上评价'))
      .catch((err) => setNote(errorMessage(err)));

  useEffect(() => {
    let stale = false;
    api
      .call('rating.ofCase', { caseNo })
      .then((r) => {
        if (stale) return;
        if (r) setRating(r);
        else if (askAtOnce) void ask();
        else setNote('未评价');
      })
      .catch((err) => !stale && setNote(errorMessage(err)));
    const off = api.on('rating.recorded', (r) => r.caseNo === caseNo && setRating(r));
    return () => {
      stale = true;
      off();
    };
  }, [caseNo]);

  if (rating) {
    return (
      <p className="hint rating-status" data-testid="rating-status">
        群众评价：<strong>{rating.levelName}</strong>
        {rating.reason ? `（${rating.reason}）` : ''}
      </p>
    );
  }
  return (
    <p className="hint rating-status" data-testid="rating-status">
      {note ?? '正在请求群众评价…'}
      {browserMode && (
        <button className="link" onClick={() => !openCitizenScreen() && setNote('浏览器阻止了评价屏窗口，请允许本站弹出窗口')} data-testid="open-citizen-screen">
          打开评价屏
        </button>
      )}
      <button className="link" onClick={() => void ask()} data-testid="rating-ask-again">
        重新请求评价
      </button>
    </p>
  );
}
