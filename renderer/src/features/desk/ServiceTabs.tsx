import { useState } from 'react';
import { useDesk } from '../../store/desk-store';

const SERVICES = [
  { id: 'remote', label: '异地就医备案' },
  { id: 'special', label: '门诊慢特病' },
  { id: 'reimburse', label: '零星报销' },
] as const;

/** The three services of the one-window desk; each works on the person in the reception panel. */
export function ServiceTabs() {
  const [active, setActive] = useState<(typeof SERVICES)[number]['id']>('remote');
  const person = useDesk((s) => s.person);
  return (
    <section className="panel services">
      <nav className="tabs" role="tablist">
        {SERVICES.map((s) => (
          <button key={s.id} role="tab" aria-selected={active === s.id} className={active === s.id ? 'tab active' : 'tab'} onClick={() => setActive(s.id)}>
            {s.label}
          </button>
        ))}
      </nav>
      <div className="tab-body" role="tabpanel">
        {person ? (
          <p className="empty">
            已接待 <b>{person.name}</b>。{SERVICES.find((s) => s.id === active)?.label}受理表单将在后续版本提供。
          </p>
        ) : (
          <p className="empty">请先在左侧读取参保人身份证件。</p>
        )}
      </div>
    </section>
  );
}
