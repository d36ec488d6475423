import { useEffect } from 'react';
import { api } from './api/client';
import { may, VIEW_NEEDS, viewsFor } from './auth/access';
import { useAuth } from './auth/auth-store';
import { OperatorBar, SignOutButton } from './auth/OperatorBar';
import { DaySummaryPanel } from './features/day-summary/DaySummaryPanel';
import { DevicesPanel, STATE_LABEL } from './features/devices/DevicesPanel';
import { ScannerInput } from './features/devices/ScanNotice';
import { SimulatorDock } from './features/devices/SimulatorDock';
import { ServiceTabs } from './features/desk/ServiceTabs';
import { InsuredPanel } from './features/insured/InsuredPanel';
import { OperatorsPanel } from './features/operators/OperatorsPanel';
import { SettingsPanel } from './features/settings/SettingsPanel';
import { QueuePanel } from './features/queue/QueuePanel';
import { ComplaintsPanel } from './features/rating/ComplaintsPanel';
import { ReceptionPanel } from './features/reception/ReceptionPanel';
import { DeskKeyboard } from './keyboard/DeskKeyboard';
import { useDesk } from './store/desk-store';
import { usePlatform } from './store/platform-store';

/** The desk of a signed-in, unlocked operator (see AuthGate): only the pages the role may use. */
export function App() {
  const { view: chosen, setView, devices, hostConnected, setDevices, upsertDevice, setHostConnected } = useDesk();
  const { status: platform, queue, setStatus, setQueue } = usePlatform();
  const role = useAuth((s) => s.operator?.role);
  const views = viewsFor(role);
  const nav = VIEW_NEEDS.filter((v) => views.includes(v.view));
  const view = views.includes(chosen) ? chosen : views[0];
  const counter = views.includes('desk');
  const waiting = queue ? queue.counts.total - queue.counts.done : 0;
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

  if (!view) return <NothingForRole />;

  return (
    <div className="app">
      <header className="topbar">
        <h1>医保综合柜员工作站</h1>
        <nav className="nav">
          {nav.map((n) => (
            <button key={n.view} className={view === n.view ? 'nav-item active' : 'nav-item'} onClick={() => setView(n.view)} data-testid={`nav-${n.view}`}>
              {n.label}
              {n.view === 'queue' && waiting > 0 && <span className="count-badge">{waiting}</span>}
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
            <span key={d.id} className={`pill device ${d.state}`} title={`${d.label}：${d.lastError ?? STATE_LABEL[d.state]}`} data-testid={`device-pill-${d.id}`}>
              <span className={`dot ${d.state}`} /> <span className="pill-label">{d.label}</span>
            </span>
          ))}
        </div>
        <OperatorBar />
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
        ) : view === 'complaints' ? (
          <ComplaintsPanel />
        ) : view === 'settings' ? (
          <SettingsPanel />
        ) : view === 'day-summary' ? (
          <DaySummaryPanel />
        ) : view === 'operators' ? (
          <OperatorsPanel />
        ) : (
          <DevicesPanel />
        )}
      </main>
      {may(role, 'simulator.idCard.place') && <SimulatorDock />}
      {counter && <ScannerInput />}
      {counter && <DeskKeyboard />}
    </div>
  );
}

/** A role with no page here (a 自助终端 account signed in at a counter window). */
function NothingForRole() {
  return (
    <div className="auth-screen" data-testid="no-views">
      <div className="auth-card">
        <h1>医保综合柜员工作站</h1>
        <p>此工号（自助终端）在柜员工作站没有可用的功能。请签退后用柜员或系统管理员工号登录。</p>
        <SignOutButton className="primary" />
      </div>
    </div>
  );
}
