import type { InsuredPerson } from '../../../../electron/contract/features/platform';
import type { PersonOverview } from '../../../../electron/contract/features/person';
import { INSUTYPE_NAMES } from '../../../../electron/contract/vocabulary/insurance-types';
import type { Person } from '../../store/desk-store';
import { chinaToday, expiryState, INSU_STATUS_LABEL } from './labels';

/** 暂停 / 终止参保 (anything but 正常参保) in red, named, before anything else on the panel. */
export function StatusAlarm({ insurances }: { insurances: InsuredPerson['insuinfo'] }) {
  const bad = insurances.filter((i) => i.psn_insu_stas !== '1');
  if (bad.length === 0) return null;
  return (
    <div className="alert error alarm" role="alert" data-testid="insu-alarm">
      {bad.map((i) => (
        <div key={i.insutype}>
          {INSUTYPE_NAMES[i.insutype] ?? i.insutype}：{INSU_STATUS_LABEL[i.psn_insu_stas] ?? `参保状态 ${i.psn_insu_stas}`}
        </div>
      ))}
      <div className="small">该险种不能享受待遇，受理前请核实参保状态。</div>
    </div>
  );
}

/** 特殊身份 with their dates (退休 from 人员类别, 低保 / 特困 / 监测 from the platform), the 1101 list until the overview arrives. */
export function IdentityTags({ identities, idetinfo }: { identities: PersonOverview['identities'] | null; idetinfo: InsuredPerson['idetinfo'] }) {
  const list =
    identities ??
    idetinfo.map((i) => ({ name: i.psn_idet_type_name, from: i.begntime.slice(0, 10), to: i.endtime.slice(0, 10) >= '2099-12-31' ? '长期' : i.endtime.slice(0, 10), current: true }));
  if (list.length === 0) return null;
  return (
    <>
      <dt>特殊身份</dt>
      <dd data-testid="identities">
        {list.map((i) => (
          <span key={`${i.name}-${i.from}`} className="identity">
            <span className={i.current ? 'tag' : 'tag warn'}>
              {i.name}
              {!i.current && '（不在有效期）'}
            </span>
            {(i.from || i.to) && (
              <span className="muted small">
                {i.from || '—'} 至 {i.to || '—'}
              </span>
            )}
          </span>
        ))}
      </dd>
    </>
  );
}

/**
 * The document just read, when it has expired or expires within 90 days (the reception panel shows its dates
 * anyway). Typed or scanned numbers carry no expiry.
 */
export function DocumentExpiry({ person }: { person: Person }) {
  const validTo = person.source === 'id-card' ? person.validTo : person.source === 'sscard' ? person.expiryDate : null;
  if (!validTo) return null;
  const state = expiryState(validTo, chinaToday());
  if (state === 'ok') return null;
  const doc = person.source === 'id-card' ? '证件' : '社保卡';
  return (
    <>
      <dt>{doc}</dt>
      <dd data-testid="document-expiry" className={state === 'expired' ? 'expired' : undefined}>
        {state === 'expired' ? `${validTo} 已过期` : `至 ${validTo}`}
        {state === 'soon' && <span className="tag warn">即将到期</span>}
      </dd>
    </>
  );
}
