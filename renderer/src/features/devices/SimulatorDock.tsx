import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { useDesk } from '../../store/desk-store';

type Sample = { id: string; label: string };

/**
 * Training/demo controls for the built-in simulators: place an ID card, insert a 社保卡, make the serial
 * scanner send a sample code, take the printer's paper out. Each group shows only while that device is simulated.
 */
export function SimulatorDock() {
  const devices = useDesk((s) => s.devices);
  const simulated = new Set(devices.filter((d) => d.simulated).map((d) => d.kind));
  const idSim = simulated.has('id-reader');
  const ssSim = simulated.has('sscard-reader');
  const scanSim = simulated.has('scanner');
  const printSim = simulated.has('printer');
  const [samples, setSamples] = useState<Sample[]>([]);
  const [sampleId, setSampleId] = useState('');
  const [cards, setCards] = useState<Sample[]>([]);
  const [cardId, setCardId] = useState('');
  const [codes, setCodes] = useState<Array<{ label: string; code: string }>>([]);
  const [code, setCode] = useState('');
  const [paperOut, setPaperOut] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!idSim) return;
    api
      .call('simulator.idCard.samples')
      .then((list) => {
        setSamples(list);
        setSampleId((cur) => cur || list[0]?.id || '');
      })
      .catch((err) => setMessage(errorMessage(err)));
  }, [idSim]);
  useEffect(() => {
    if (!ssSim) return;
    api
      .call('simulator.sscard.samples')
      .then((list) => {
        setCards(list);
        setCardId((cur) => cur || list[0]?.id || '');
      })
      .catch((err) => setMessage(errorMessage(err)));
  }, [ssSim]);
  useEffect(() => {
    if (!scanSim) return;
    api
      .call('simulator.scanner.samples')
      .then((list) => {
        setCodes(list);
        setCode((cur) => cur || list[0]?.code || '');
      })
      .catch((err) => setMessage(errorMessage(err)));
  }, [scanSim]);
  useEffect(() => {
    if (!printSim) return;
    api
      .call('simulator.printer.state')
      .then((s) => setPaperOut(s.paperOut))
      .catch(() => undefined);
  }, [printSim]);

  if (!idSim && !ssSim && !scanSim && !printSim) return null;
  const run = (p: Promise<unknown>, done: string) =>
    p.then(() => setMessage(done)).catch((err) => setMessage(errorMessage(err)));
  const togglePaper = () =>
    run(
      api.call('simulator.printer.set', { paperOut: !paperOut }).then((s) => setPaperOut(s.paperOut)),
      paperOut ? '打印机已装纸' : '打印机已缺纸',
    );

  return (
    <aside className="sim-dock" aria-label="模拟器">
      <span className="badge">模拟器</span>
      {idSim && (
        <span className="sim-group">
          <select value={sampleId} onChange={(e) => setSampleId(e.target.value)} data-testid="sim-sample" aria-label="身份证样例">
            {samples.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <button onClick={() => run(api.call('simulator.idCard.place', { sampleId }), '已放置身份证')} data-testid="sim-place">
            放置身份证
          </button>
          <button onClick={() => run(api.call('simulator.idCard.remove'), '已取走身份证')} data-testid="sim-remove">
            取走
          </button>
        </span>
      )}
      {ssSim && (
        <span className="sim-group">
          <select value={cardId} onChange={(e) => setCardId(e.target.value)} data-testid="sim-sscard-sample" aria-label="社保卡样例">
            {cards.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <button onClick={() => run(api.call('simulator.sscard.insert', { sampleId: cardId }), '已插入社保卡')} data-testid="sim-sscard-insert">
            插入社保卡
          </button>
          <button onClick={() => run(api.call('simulator.sscard.remove'), '已拔出社保卡')} data-testid="sim-sscard-remove">
            拔卡
          </button>
        </span>
      )}
      {scanSim && (
        <span className="sim-group">
          <select value={code} onChange={(e) => setCode(e.target.value)} data-testid="sim-scan-sample" aria-label="条码样例">
            {codes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
          <button onClick={() => run(api.call('simulator.scanner.scan', { code }), '扫码枪已发送条码')} data-testid="sim-scan">
            扫码
          </button>
        </span>
      )}
      {printSim && (
        <span className="sim-group">
          <button onClick={togglePaper} data-testid="sim-paper" className={paperOut ? 'warn' : ''}>
            {paperOut ? '打印机装纸' : '打印机缺纸'}
          </button>
        </span>
      )}
      {message && <span className="sim-message">{message}</span>}
    </aside>
  );
}
