/**
 * The trip: when it starts (today or one of the next days), how long the 备案 lasts (6 or 12 months: a
 * temporary 备案 is at least 6), the 险种 when the person has two, and a phone number typed on a big number pad.
 * Checked with the contract's own phone rule before the promise screen.
 */
import { useState } from 'react';
import { phoneField } from '../../../electron/contract/field-rules';
import { addDays, addMonths, cstDate } from '../../../electron/contract/rules/calendar-dates';
import { INSUTYPE_NAMES, isCaseInsutype } from '../../../electron/contract/vocabulary/insurance-types';
import { useKiosk } from './kiosk-store';
import { NumberPad } from './NumberPad';

const DAY_NAMES = ['今天', '明天', '后天'];
const DAYS_OFFERED = 7;

export function DetailsForm() {
  const draft = useKiosk((s) => s.draft);
  const insured = useKiosk((s) => s.insured);
  const insutypes = insured?.person.insuinfo.filter((i) => isCaseInsutype(i.insutype)) ?? [];
  const { setDraft, goto } = useKiosk.getState();
  const [problem, setProblem] = useState<string | null>(null);
  if (!draft) return null;
  const today = cstDate(new Date());
  const days = Array.from({ length: DAYS_OFFERED }, (_, i) => addDays(today, i));

  const next = () => {
    const tel = phoneField.safeParse(draft.tel);
    if (!tel.success) return setProblem(tel.error.issues[0]?.message ?? '请填写联系电话');
    if (!draft.insutype) return setProblem('没有可办理异地备案的险种，请到柜台办理');
    setProblem(null);
    goto('promise');
  };

  return (
    <section className="kiosk-details" data-testid="kiosk-details">
      <div className="kiosk-summary-line">
        就医地：<strong data-testid="kiosk-chosen-place">{draft.placeName}</strong>
        <button className="kiosk-link" onClick={() => goto('place')}>
          修改
        </button>
      </div>
      {insutypes.length > 1 && (
        <>
          <h2>险种</h2>
          <div className="kiosk-chips">
            {insutypes.map((i) => (
              <button key={i.insutype} className={`kiosk-chip${draft.insutype === i.insutype ? ' chosen' : ''}`} aria-pressed={draft.insutype === i.insutype} onClick={() => setDraft({ insutype: i.insutype })}>
                {INSUTYPE_NAMES[i.insutype] ?? i.insutype}
              </button>
            ))}
          </div>
        </>
      )}
      <h2>开始日期</h2>
      <div className="kiosk-chips" role="group" aria-label="开始日期">
        {days.map((d, i) => (
          <button key={d} className={`kiosk-chip${draft.begndate === d ? ' chosen' : ''}`} aria-pressed={draft.begndate === d} onClick={() => setDraft({ begndate: d })} data-testid={`kiosk-begin-${i}`}>
            {DAY_NAMES[i] ?? ''} {d.slice(5).replace('-', '月')}日
          </button>
        ))}
      </div>
      <h2>备案有效期</h2>
      <div className="kiosk-chips" role="group" aria-label="备案有效期">
        {([6, 12] as const).map((m) => (
          <button key={m} className={`kiosk-chip wide${draft.months === m ? ' chosen' : ''}`} aria-pressed={draft.months === m} onClick={() => setDraft({ months: m })} data-testid={`kiosk-months-${m}`}>
            {m} 个月（至 {addMonths(draft.begndate, m)}）
          </button>
        ))}
      </div>
      <h2>联系电话</h2>
      <div className="kiosk-phone" data-testid="kiosk-phone" aria-label="联系电话">
        {draft.tel || <span className="kiosk-placeholder">请输入手机号码</span>}
      </div>
      <NumberPad value={draft.tel} maxLength={13} onChange={(tel) => setDraft({ tel })} />
      {problem && (
        <p className="kiosk-error" role="alert" data-testid="kiosk-details-error">
          {problem}
        </p>
      )}
      <div className="kiosk-actions">
        <button className="kiosk-btn" onClick={() => goto('place')}>
          上一步
        </button>
        <button className="kiosk-btn primary" onClick={next} data-testid="kiosk-details-next">
          下一步
        </button>
      </div>
    </section>
  );
}
