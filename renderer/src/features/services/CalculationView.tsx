import type { Calculation } from '../../../../electron/contract/features/cases';
import { yuan } from './labels';
import { DESK_MARKS, useDeskMark } from '../../perf-marks';

/** The engine's answer with every explanation line, so the clerk can explain each 分. */
export function CalculationView({ calc }: { calc: Calculation }) {
  const r = calc.result;
  useDeskMark(DESK_MARKS.calculation, calc);
  return (
    <section className="calc" aria-label="试算结果" data-testid="calc-result">
      <div className="panel-head">
        <h3>试算结果 · {calc.policyName}</h3>
        <span className={r.eligible ? 'tag ok' : 'tag bad'}>{r.eligible ? '符合报销条件' : '不符合报销条件'}</span>
      </div>
      <div className="calc-figures">
        <div>
          <span>费用总额</span>
          <b>{yuan(r.total)}</b>
        </div>
        <div>
          <span>统筹基金支付</span>
          <b data-testid="calc-fund">{yuan(r.fundPay)}</b>
        </div>
        <div>
          <span>大病保险 / 医疗救助</span>
          <b>
            {yuan(r.seriousIllnessPay)} / {yuan(r.assistancePay)}
          </b>
        </div>
        <div>
          <span>个人负担</span>
          <b>{yuan(r.personalPay)}</b>
        </div>
      </div>
      <p className="small muted">
        人员：{calc.person.insutype === '310' ? '职工' : '居民'}
        {calc.person.retired ? '（退休）' : ''}
        {calc.person.assistance ? ` · 救助身份 ${calc.person.assistance}` : ''} · 本年已住院 {calc.ytd.admissions} 次 · 本年统筹已付 {yuan(calc.ytd.fundPaid)} 元
      </p>
      {r.reasons.length > 0 && <p className="platform-msg">{r.reasons.join('；')}</p>}
      <ol>
        {r.explain.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </section>
  );
}
