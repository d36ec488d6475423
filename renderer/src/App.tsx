import { useEffect, useState } from 'react';
import { api } from './api/client';
import type { Refusal } from './api/launch-credential';
import { DevicesPanel, STATE_LABEL } from './features/devices/DevicesPanel';
import { ScannerInput } from './features/devices/ScanNotice';
import { SimulatorDock } from './features/devices/SimulatorDock';
import { ServiceTabs } from './features/desk/ServiceTabs';
import { InsuredPanel } from './features/insured/InsuredPanel';
import { QueuePanel } from './features/queue/QueuePanel';
import { ReceptionPanel } from './features/reception/ReceptionPanel';
import { useDesk, type View } from './store/desk-store';
import { usePlatform } from './store/platform-store';

const NAV: Array<{ id: View; label: string }> = [
  { id: 'desk', label: '受理台' },
  { id: 'queue', label: '上报队列' },
  { id: 'devices', label: '设备' },
];

export function App() {
  const { view, setView, devices, hostConnected, setDevices, upsertDevice, setHostConnected } = useDesk();
  const { status: platform, queue, setStatus, setQueue } = usePlatform();
  const waiting = queue ? queue.counts.total - queue.counts.done : 0;
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  useEffect(() => api.onRefused(setRefusal), []);

  useEffect(() => {
    const offConn = api.onConnection((c) => {
      setHostConnected(c);
      if (c) api.call('devices.list').then(setDevices).catch(() => undefined);
    });
    const offStatus = api.on('device.status', upsertDevice);
    const offPlatform = api.on('platform.status', setStatus);
    const offQueue = api.on('queue.changed', setQueue);
    api.call('devices.list').then(setDevices).catch(() => undefined);
    api.call('platform.status').then(setStatus).catch(() => undefined);
    api.call('queue.summary').then(setQueue).catch(() => undefined);
    return () => {
      offConn();
      offStatus();
      offPlatform();
      offQueue();
    };
  }, [setDevices, upsertDevice, setHostConnected, setStatus, setQueue]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const desk = useDesk.getState();
      if (e.key === 'F2') {
        e.preventDefault();
        desk.setView('desk');
        void desk.readIdCard();
      } else if (e.key === 'Escape' && desk.reading) {
        e.preventDefault();
        void desk.cancelRead();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (refusal) return <LaunchRefused refusal={refusal} />;

  return (
    <div className="app">
      <header className="topbar">
        <h1>医保综合柜员工作站</h1>
        <nav className="nav">
          {NAV.map((n) => (
            <button key={n.id} className={view === n.id ? 'nav-item active' : 'nav-item'} onClick={() => setView(n.id)}>
              {n.label}
              {n.id === 'queue' && waiting > 0 && <span className="count-badge">{waiting}</span>}
            </button>
          ))}
        </nav>
        <div className="device-pills">
          {platform && (
            <span className={`pill ${platform.online ? 'connected' : 'error'}`} title={platform.url} data-testid="platform-pill">
              <span className={`dot ${platform.online ? 'connected' : 'error'}`} /> 医保平台{platform.online ? '在线' : '离线'}
              {platform.simulated ? '（模拟）' : ''}
            </span>
          )}
          {devices.map((d) => (
            <span key={d.id} className={`pill ${d.state}`} title={d.lastError ?? STATE_LABEL[d.state]}>
              <span className={`dot ${d.state}`} /> {d.label}
            </span>
          ))}
        </div>
      </header>
      {!hostConnected && (
        <div className="banner error" role="alert">
          与工作站服务的连接已断开，正在重连…
        </div>
      )}
      <main className={view === 'desk' ? 'desk' : 'page'}>
        {view === 'desk' ? (
          <>
            <div className="column">
              <ReceptionPanel />
              <InsuredPanel />
            </div>
            <ServiceTabs />
          </>
        ) : view === 'queue' ? (
          <QueuePanel />
        ) : (
          <DevicesPanel />
        )}
      </main>
      <SimulatorDock />
      <ScannerInput />
    </div>
  );
}

/** Browser mode, when the host refused this tab: what happened and how to get a new link. */
function LaunchRefused({ refusal }: { refusal: Refusal }) {
  return (
    <div className="launch-refused" role="alert" data-testid="launch-refused">
      <h1>{refusal.title}</h1>
      <p>{refusal.detail}</p>
      <p>{refusal.remedy}</p>
    </div>
  );
}
