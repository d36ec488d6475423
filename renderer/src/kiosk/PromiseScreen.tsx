/**
 * 告知承诺制: instead of ticking materials (a kiosk cannot see a paper), the citizen reads what they promise
 * and confirms it on screen. What the host records is only the machine's card read and this promise
 * (services/cases/materials.ts kiosk checklist).
 */
import { useState } from 'react';
import { addMonths } from '../../../electron/contract/rules/calendar-dates';
import { maskName } from './mask';
import { useKiosk } from './kiosk-store';

export function PromiseScreen() {
  const draft = useKiosk((s) => s.draft);
  const name = useKiosk((s) => s.insured?.person.psn_name ?? '');
  const busy = useKiosk((s) => s.busy);
  const error = useKiosk((s) => s.error);
  const { goto, submit } = useKiosk.getState();
  const [agreed, setAgreed] = useState(false);
  if (!draft) return null;
  const enddate = addMonths(draft.begndate, draft.months);

  return (
    <section className="kiosk-promise" data-testid="kiosk-promise">
      <h1>请核对并确认承诺</h1>
      <dl className="kiosk-facts">
        <dt>申请人</dt>
        <dd>{maskName(name)}</dd>
        <dt>备案类型</dt>
        <dd>其他临时外出就医</dd>
        <dt>就医地</dt>
        <dd>{draft.placeName}</dd>
        <dt>有效期</dt>
        <dd>
          {draft.begndate} 至 {enddate}
        </dd>
        <dt>联系电话</dt>
        <dd>{draft.tel.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')}</dd>
      </dl>
      <div className="kiosk-promise-text" data-testid="kiosk-promise-text">
        <h2>个人承诺</h2>
        <p>本人承诺：以上信息真实、准确；本人因临时外出需在就医地就医，申请办理异地就医备案。</p>
        <p>如有虚假，本人愿承担由此产生的医保基金退回等全部责任，并接受相关部门依法处理。</p>
      </div>
      <button
        className={`kiosk-agree${agreed ? ' chosen' : ''}`}
        role="checkbox"
        aria-checked={agreed}
        onClick={() => setAgreed(!agreed)}
        data-testid="kiosk-agree"
      >
        <span className="kiosk-box" aria-hidden>
          {agreed ? '✓' : ''}
        </span>
        我已阅读并承诺以上内容真实
      </button>
      {error && (
        <p className="kiosk-error" role="alert" data-testid="kiosk-submit-error">
          {error}
        </p>
      )}
      <div className="kiosk-actions">
        <button className="kiosk-btn" onClick={() => goto('details')} disabled={busy}>
          上一步
        </button>
        <button className="kiosk-btn primary" onClick={() => void submit(enddate)} disabled={!agreed || busy} data-testid="kiosk-submit">
          {busy ? '正在提交…' : '确认提交'}
        </button>
      </div>
    </section>
  );
}
