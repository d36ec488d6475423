import { useEffect } from 'react';
import { useDesk } from '../../store/desk-store';
import { usePlatform } from '../../store/platform-store';
import { describeAge, formatFen, INSU_STATUS_LABEL, INSUTYPE_LABEL } from './labels';

/** 参保信息: the platform's 1101 answer for the person at the counter, marked when it comes from the offline cache. */
export function InsuredPanel() {
  const person = useDesk((s) => s.person);
  const { insured, lookingUp, lookupError, lookup, clearInsured } = usePlatform();
  const idNumber = person?.idNumber;

  useEffect(() => {
    // Look up once per person: coming back to the desk must not query the platform again.
    if (!idNumber) clearInsured();
    else if (usePlatform.getState().lookupKey !== `02:${idNumber}`) void lookup({ certType: '02', certNo: idNumber });
  }, [idNumber, lookup, clearInsured]);

  if (!person) return null;
  return (
    <section className="panel insured" aria-labelledby="insured-title" data-testid="insured">
      <header className="panel-head">
        <h2 id="insured-title">参保信息</h2>
        {insured?.source === 'cache' && (
          <span className="tag warn" data-testid="insured-cached" title={`缓存时间 ${new Date(insured.cachedAt).toLocaleString('zh-CN')}`}>
            离线缓存 · {describeAge(insured.ageSeconds)}
          </span>
        )}
        {insured?.source === 'platform' && <span className="tag ok">平台实时</span>}
      </header>
      {lookingUp && <p className="hint" role="status">正在向医保平台查询…</p>}
      {lookupError && (
        <div className="alert error" role="alert" data-testid="insured-error">
          {lookupError}
          <button className="link" onClick={() => idNumber && void lookup({ certType: '02', certNo: idNumber })}>
            重试
          </button>
        </div>
      )}
      {insured && (
        <>
          <dl className="person">
            <dt>人员编号</dt>
            <dd className="mono" data-testid="psn-no">{insured.person.psn_no}</dd>
            {insured.person.idetinfo.length > 0 && (
              <>
                <dt>特殊身份</dt>
                <dd>
                  {insured.person.idetinfo.map((i) => (
                    <span key={i.psn_idet_type} className="tag">
                      {i.psn_idet_type_name}
                    </span>
                  ))}
                </dd>
              </>
            )}
          </dl>
          <table className="grid compact">
            <thead>
              <tr>
                <th>险种</th>
                <th>状态</th>
                <th>参保地</th>
                <th>单位</th>
                <th className="num">账户余额(元)</th>
              </tr>
            </thead>
            <tbody>
              {insured.person.insuinfo.map((i) => (
                <tr key={i.insutype}>
                  <td>{INSUTYPE_LABEL[i.insutype] ?? i.insutype}</td>
                  <td>{INSU_STATUS_LABEL[i.psn_insu_stas] ?? i.psn_insu_stas}</td>
                  <td className="mono">{i.insuplc_admdvs}</td>
                  <td>{i.emp_name || '—'}</td>
                  <td className="num">{formatFen(i.balc_fen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
