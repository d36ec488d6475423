import { useEffect } from 'react';
import { PROVISIONAL_ACCEPTANCE_LABEL } from '../../../../electron/contract/vocabulary/identity-documents';
import { useDesk } from '../../store/desk-store';
import { lookupKeyOf, lookupQueryOf } from '../../store/person-query';
import { usePlatform } from '../../store/platform-store';
import { INSUTYPE_NAMES } from '../../../../electron/contract/vocabulary/insurance-types';
import { describeAge, formatFen, INSU_STATUS_LABEL } from './labels';
import { DocumentExpiry, IdentityTags, StatusAlarm } from './PersonFacts';
import { PersonOverviewView } from './PersonOverviewView';
import { usePersonOverview } from './usePersonOverview';
import './insured.css';
import { DESK_MARKS, useDeskMark } from '../../perf-marks';
import { chinaDateTime } from '../../../../shared/china-time';

/**
 * 参保信息: the platform's 1101 answer for the person at the counter, marked when it comes from the offline
 * cache, and the person panel (person.overview): status alarms, identities, document expiry, 三重保障 this year
 * and the person's 特门 / 异地 registrations.
 */
export function InsuredPanel() {
  const person = useDesk((s) => s.person);
  const { insured, lookingUp, lookupError, lookup, clearInsured } = usePlatform();

  useEffect(() => {
    // Look up once per person: coming back to the desk must not query the platform again.
    if (!person) clearInsured();
    else if (usePlatform.getState().lookupKey !== lookupKeyOf(lookupQueryOf(person))) void lookup(lookupQueryOf(person));
  }, [person, lookup, clearInsured]);

  const provisional = insured?.source === 'provisional';
  const overview = usePersonOverview(provisional ? null : (insured?.person.psn_no ?? null));
  useDeskMark(DESK_MARKS.insured, person && insured && !provisional ? insured : null);
  useDeskMark(DESK_MARKS.overview, person && insured && !provisional ? overview.data : null);

  if (!person) return null;
  return (
    <section className="panel insured" aria-labelledby="insured-title" data-testid="insured">
      <header className="panel-head">
        <h2 id="insured-title">参保信息</h2>
        {insured?.source === 'cache' && (
          <span className="tag warn" data-testid="insured-cached" title={`缓存时间 ${chinaDateTime(insured.cachedAt)}`}>
            离线缓存 · {describeAge(insured.ageSeconds)}
          </span>
        )}
        {provisional && (
          <span className="tag warn" data-testid="insured-provisional">
            {PROVISIONAL_ACCEPTANCE_LABEL}
          </span>
        )}
        {insured?.source === 'platform' && !overview.data?.offline && <span className="tag ok">平台实时</span>}
        {insured?.source === 'platform' && overview.data?.offline && (
          <span className="tag warn" data-testid="overview-offline">
            离线
          </span>
        )}
      </header>
      {lookingUp && <p className="hint" role="status">正在向医保平台查询…</p>}
      {lookupError && (
        <div className="alert error" role="alert" data-testid="insured-error">
          {lookupError}
          <button className="link" onClick={() => void lookup(lookupQueryOf(person))}>
            重试
          </button>
        </div>
      )}
      {insured && provisional && (
        <>
          <div className="alert warn" role="status" data-testid="provisional-note">
            按证件信息临时受理：姓名、证件号码、出生日期取自身份证，<b>参保状态未核验</b>。上报前将向医保平台核验（1101），核验不一致的办件转为需人工处理。
          </div>
          <dl className="person">
            <dt>姓名</dt>
            <dd className="name" data-testid="provisional-name">{insured.person.psn_name}</dd>
            <dt>人员编号</dt>
            <dd className="mono" data-testid="psn-no">{insured.person.psn_no}（本机临时编号）</dd>
            <DocumentExpiry person={person} />
          </dl>
        </>
      )}
      {insured && !provisional && (
        <>
          <StatusAlarm insurances={insured.person.insuinfo} />
          <dl className="person">
            <dt>人员编号</dt>
            <dd className="mono" data-testid="psn-no">{insured.person.psn_no}</dd>
            <IdentityTags identities={overview.data?.identities ?? null} idetinfo={insured.person.idetinfo} />
            <DocumentExpiry person={person} />
          </dl>
          <ul className="insurances" data-testid="insurances">
            {insured.person.insuinfo.map((i) => (
              <li key={i.insutype}>
                <div className="insurance-head">
                  <b>{INSUTYPE_NAMES[i.insutype] ?? i.insutype}</b>
                  <span className={i.psn_insu_stas === '1' ? 'tag ok' : 'tag bad'} data-testid="insu-status">
                    {INSU_STATUS_LABEL[i.psn_insu_stas] ?? `参保状态 ${i.psn_insu_stas}`}
                  </span>
                </div>
                <div className="muted small">
                  参保地 <span className="mono">{i.insuplc_admdvs}</span>
                  {i.emp_name && <> · {i.emp_name}</>} · 账户余额 <span className="num">{formatFen(i.balc_fen)}</span> 元
                </div>
              </li>
            ))}
          </ul>
          {overview.loading && !overview.data && <p className="hint small">正在查询本年待遇和备案…</p>}
          {overview.error && (
            <div className="alert error" role="alert" data-testid="overview-error">
              {overview.error}
              <button className="link" onClick={overview.reload}>
                重试
              </button>
            </div>
          )}
          {overview.data && <PersonOverviewView o={overview.data} reload={overview.reload} loading={overview.loading} />}
        </>
      )}
    </section>
  );
}
