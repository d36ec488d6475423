import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { useDesk } from '../../store/desk-store';

/** Training/demo control for the simulated ID reader: choose a sample person and place or remove the card. */
export function SimulatorDock() {
  const simulated = useDesk((s) => s.devices.some((d) => d.kind === 'id-reader' && d.simulated));
  const [samples, setSamples] = useState<Array<{ id: string; label: string }>>([]);
  const [sampleId, setSampleId] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!simulated) return;
    api
      .call('simulator.idCard.samples')
      .then((list) => {
        setSamples(list);
        setSampleId((cur) => cur || list[0]?.id || '');
      })
      .catch((err) => setMessage(errorMessage(err)));
  }, [simulated]);

  if (!simulated) return null;
  const run = (p: Promise<unknown>, done: string) =>
    p.then(() => setMessage(done)).catch((err) => setMessage(errorMessage(err)));

  return (
    <aside className="sim-dock" aria-label="模拟器">
      <span className="badge">模拟器</span>
      <label>
        身份证样例
        <select value={sampleId} onChange={(e) => setSampleId(e.target.value)} data-testid="sim-sample">
          {samples.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <button onClick={() => run(api.call('simulator.idCard.place', { sampleId }), '已放置身份证')} data-testid="sim-place">
        放置身份证
      </button>
      <button onClick={() => run(api.call('simulator.idCard.remove'), '已取走身份证')} data-testid="sim-remove">
        取走
      </button>
      {message && <span className="sim-message">{message}</span>}
    </aside>
  );
}
