import type { PersonOverview } from '../../../../electron/contract/features/person';
import { formatFen } from './labels';
import { chinaDateTime } from '../../../../shared/china-time';

/** The parts of person.overview below the 参保 list: 三重保障 this year, 特门 and 异地 registrations. */
export function PersonOverviewView({ o, reload, loading }: { o: PersonOverview; reload(): void; loading: boolean }) {
  const y = o.yearToDate;
  const b = o.benefits;
  return (
    <>
      <div className="section-title">
        <span title={b ? `${b.policyName}，金额单位：元` : undefined}>{y.year} 年待遇（元）</span>
        <span className="nowrap">
          <span className={y.offline ? 'tag warn' : 'tag'} data-testid="ytd-source" title={y.platformAsOf ? `平台数据时间 ${chinaDateTime(y.platformAsOf)}` : undefined}>
            {y.sourceLabel}
          </span>
          <button className="link small" onClick={reload} disabled={loading} data-testid="overview-reload">
            {loading ? '刷新中…' : '刷新'}
          </button>
        </span>
      </div>
      {b ? (
        <dl className="benefits" data-testid="benefits">
          <dt>门诊统筹</dt>
          <dd data-testid="outpatient-quota">
            已用 <span className="num">{formatFen(b.outpatient.used)}</span> / {formatFen(b.outpatient.quota)}，余 <b className="num">{formatFen(b.outpatient.left)}</b>
            <Meter used={b.outpatient.used} cap={b.outpatient.quota} />
          </dd>
          <dt>住院</dt>
          <dd data-testid="inpatient">
            本年 {b.inpatient.admissions} 次 · 起付已付 <span className="num">{formatFen(b.inpatient.deductiblePaid)}</span>
            <br />
            统筹已付 <span className="num">{formatFen(b.inpatient.used)}</span> / {formatFen(b.inpatient.cap)}
          </dd>
          {b.serious && (
            <>
              <dt>大病保险</dt>
              <dd data-testid="serious">
                起付 <span className="num">{formatFen(b.serious.deductibleUsed)}</span> / {formatFen(b.serious.deductible)}
                <br />
                已付 <span className="num">{formatFen(b.serious.used)}</span>
                {b.serious.cap === null ? '（不设封顶）' : ` / ${formatFen(b.serious.cap)}`}
              </dd>
            </>
          )}
          {b.assistance && (
            <>
              <dt>医疗救助</dt>
              <dd data-testid="assistance">
                {b.assistance.deductible > 0 && (
                  <>
                    起付 <span className="num">{formatFen(b.assistance.deductibleUsed)}</span> / {formatFen(b.assistance.deductible)} ·{' '}
                  </>
                )}
                已救助 <span className="num">{formatFen(b.assistance.used)}</span> / {formatFen(b.assistance.cap)}
              </dd>
            </>
          )}
          {b.special.map((s) => (
            <SpecialRow key={s.code} s={s} />
          ))}
        </dl>
      ) : (
        <p className="muted small">本政策没有该人员险种的待遇规则。</p>
      )}

      <RegistrationList
        title="门诊慢特病备案"
        platformAnswered={o.specialDiseases.platformAnswered}
        testId="special-diseases"
        rows={o.specialDiseases.rows.map((r) => ({ key: `${r.origin}-${r.code}-${r.from}`, what: `${r.name} ${r.code}`, when: `${r.from} 至 ${r.to}`, origin: r.origin, state: r.stateLabel, valid: r.valid }))}
      />
      <RegistrationList
        title="异地就医备案"
        platformAnswered={o.remoteRegistrations.platformAnswered}
        testId="remote-registrations"
        rows={o.remoteRegistrations.rows.map((r, i) => ({ key: `${r.origin}-${i}`, what: `${r.typeName} · ${r.place}`, when: `${r.from} 至 ${r.to}`, origin: r.origin, state: r.stateLabel, valid: r.valid }))}
      />
    </>
  );
}

function SpecialRow({ s }: { s: NonNullable<PersonOverview['benefits']>['special'][number] }) {
  return (
    <>
      <dt>{s.name}</dt>
      <dd>
        已用 <span className="num">{formatFen(s.used)}</span> / {formatFen(s.limit)}，余 <b className="num">{formatFen(s.left)}</b>
      </dd>
    </>
  );
}

function Meter({ used, cap }: { used: number; cap: number }) {
  const pct = cap > 0 ? Math.min(100, Math.round((used / cap) * 100)) : 100;
  return (
    <div className={pct >= 100 ? 'meter full' : 'meter'} role="meter" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label={`已用 ${pct}%`}>
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}

interface RegRow {
  key: string;
  what: string;
  when: string;
  origin: 'platform' | 'local';
  state: string;
  valid: boolean;
}

/** One kind of registration: its title (with 仅本机记录 when the platform was not reached) and its rows, or 无备案 beside the title. */
function RegistrationList({ title, platformAnswered, rows, testId }: { title: string; platformAnswered: boolean; rows: RegRow[]; testId: string }) {
  const head = (
    <div className="section-title">
      <span>
        {title}
        {rows.length === 0 && (
          <span className="muted small none" data-testid={testId}>
            无备案
          </span>
        )}
      </span>
      {!platformAnswered && <span className="tag warn">仅本机记录</span>}
    </div>
  );
  if (rows.length === 0) return head;
  return (
    <>
      {head}
      <ul className="reg-list" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.key} className={r.valid ? undefined : 'invalid'}>
          <span className="what">
            {r.what}
            <br />
            <span className="muted small">{r.when}</span>
          </span>
          <span className={r.origin === 'local' ? 'tag warn' : r.valid ? 'tag ok' : 'tag'}>{r.origin === 'local' ? r.state : r.state === '有效' ? '平台有效' : r.state}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
