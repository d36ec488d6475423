/**
 * The citizen's own insurance status: name and ID number masked (the screen faces a hall), each 险种 with its
 * 参保状态, and this year's 门诊统筹 left when the policy has a rule for them (kiosk.benefits, held by the
 * host to the person just read). Then the one business the kiosk files: a temporary 异地就医备案.
 */
import { INSURANCE_STATUS_NAMES, NORMAL_INSURANCE_STATUS } from '../../../electron/contract/vocabulary/insurance-status';
import { INSUTYPE_NAMES } from '../../../electron/contract/vocabulary/insurance-types';
import { maskIdNumber } from '../../../shared/id-number';
import { yuan } from '../features/services/labels';
import { cstDate } from '../../../electron/contract/rules/calendar-dates';
import { maskName } from './mask';
import { useKiosk } from './kiosk-store';

export function PersonStatus() {
  const insured = useKiosk((s) => s.insured);
  const card = useKiosk((s) => s.card);
  const benefits = useKiosk((s) => s.benefits);
  const benefitsError = useKiosk((s) => s.benefitsError);
  const startRegistration = useKiosk((s) => s.startRegistration);
  if (!insured || !card) return null;
  const p = insured.person;
  const rows =
    benefits?.insurances ??
    p.insuinfo.map((i) => ({
      insutype: i.insutype,
      insutypeName: INSUTYPE_NAMES[i.insutype] ?? `险种 ${i.insutype}`,
      statusName: INSURANCE_STATUS_NAMES[i.psn_insu_stas] ?? `状态 ${i.psn_insu_stas}`,
      alarm: i.psn_insu_stas !== NORMAL_INSURANCE_STATUS,
    }));
  const offline = insured.source === 'cache' || benefits?.offline;

  return (
    <section className="kiosk-status" data-testid="kiosk-status">
      <div className="kiosk-person">
        <div className="kiosk-person-name" data-testid="kiosk-person-name">
          {maskName(p.psn_name)}
        </div>
        <div className="kiosk-person-id">身份证号 {maskIdNumber(card.idNumber)}</div>
      </div>
      <h2>参保状态</h2>
      <ul className="kiosk-insurances" data-testid="kiosk-insurances">
        {rows.map((r) => (
          <li key={r.insutype} className={r.alarm ? 'alarm' : 'ok'}>
            <span>{r.insutypeName}</span>
            <strong>{r.statusName}</strong>
          </li>
        ))}
      </ul>
      <h2>门诊统筹</h2>
      {benefits?.outpatient ? (
        <div className="kiosk-outpatient" data-testid="kiosk-outpatient">
          <div className="kiosk-big-figure">
            {yuan(benefits.outpatient.left)} <small>元</small>
          </div>
          <div className="kiosk-muted">
            {benefits.outpatient.year} 年剩余额度（年度限额 {yuan(benefits.outpatient.quota)} 元，已使用 {yuan(benefits.outpatient.used)} 元）
          </div>
        </div>
      ) : (
        <p className="kiosk-muted" data-testid="kiosk-outpatient-none">
          {benefitsError ? '门诊统筹额度暂时无法查询，请到柜台咨询' : '暂无门诊统筹额度信息'}
        </p>
      )}
      {offline && <p className="kiosk-muted">医保平台暂时无法连接，以上为本机最近一次查询的信息（{cstDate(new Date(insured.cachedAt))}）。</p>}
      <div className="kiosk-actions">
        <button className="kiosk-btn primary" onClick={() => startRegistration(cstDate(new Date()))} data-testid="kiosk-start-registration">
          办理临时外出就医备案
        </button>
      </div>
      <p className="kiosk-muted">其他业务（长期异地居住、门诊慢特病、零星报销等）请到柜台办理。</p>
    </section>
  );
}
