import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../electron/contract/api';
import type { DeviceStatus } from '../../../../electron/contract/schemas';
import { DEVICE_NAMES } from '../../../../electron/contract/vocabulary/devices';
import { api, errorMessage } from '../../api/client';
import { may } from '../../auth/access';
import { useAuth } from '../../auth/auth-store';
import { useDesk } from '../../store/desk-store';
import { DeviceConfigForm } from './DeviceConfigForm';
import { PrintPreview } from './PrintPreview';

const STATE_LABEL: Record<DeviceStatus['state'], string> = {
  connected: '已连接',
  connecting: '连接中',
  disconnected: '未连接',
  error: '故障',
  disabled: '已停用',
};

type Discovery = MethodOutput<'devices.discover'>;
type TestResult = { ok: boolean; message: string; running?: boolean };

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();

/**
 * 设备: every device with its state, last error, a 测试 button and a 配置 form; what is plugged in; the print
 * preview. 配置 and discovery are the administrator's; the print preview (receipts name people) the counter's.
 */
export function DevicesPanel() {
  const devices = useDesk((s) => s.devices);
  const role = useAuth((s) => s.operator?.role);
  const canConfigure = may(role, 'devices.configure');
  const canDiscover = may(role, 'devices.discover');
  const canPreview = may(role, 'printer.jobs');
  const [tests, setTests] = useState<Record<string, TestResult>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const [discovery, setDiscovery] = useState<Discovery | null>(null);
  const [discoverError, setDiscoverError] = useState<string | null>(null);

  const discover = useCallback(() => {
    if (!canDiscover) return;
    setDiscoverError(null);
    api
      .call('devices.discover')
      .then(setDiscovery)
      .catch((err) => setDiscoverError(errorMessage(err)));
  }, [canDiscover]);
  useEffect(discover, [discover]);

  const test = async (id: string) => {
    setTests((t) => ({ ...t, [id]: { ok: true, message: '测试中…', running: true } }));
    try {
      const r = await api.call('devices.test', { deviceId: id as DeviceStatus['kind'] });
      setTests((t) => ({ ...t, [id]: r }));
    } catch (err) {
      setTests((t) => ({ ...t, [id]: { ok: false, message: errorMessage(err) } }));
    }
  };

  return (
    <div className="devices-page">
      <section className="panel" aria-labelledby="devices-title">
        <header className="panel-head">
          <h2 id="devices-title">设备</h2>
        </header>
        <table className="grid devices-grid">
          <thead>
            <tr>
              <th>设备</th>
              <th>连接位置</th>
              <th>状态</th>
              <th>最近错误</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <DeviceRow
                key={d.id}
                device={d}
                test={tests[d.id]}
                onTest={() => void test(d.id)}
                canConfigure={canConfigure}
                editing={editing === d.id}
                onEdit={() => setEditing(editing === d.id ? null : d.id)}
                onSaved={() => {
                  setEditing(null);
                  discover();
                }}
                discovery={discovery}
              />
            ))}
          </tbody>
        </table>
      </section>

      <div className={canDiscover && canPreview ? 'devices-columns' : 'devices-columns single'}>
        {canDiscover && (
          <section className="panel" aria-labelledby="discovered-title">
            <header className="panel-head">
              <h2 id="discovered-title">本机检测到的端口与外设</h2>
              <button onClick={discover} data-testid="discover-refresh">
                刷新
              </button>
            </header>
            {discoverError && <div className="alert error">{discoverError}</div>}
            {discovery && <DiscoveredList discovery={discovery} />}
          </section>
        )}
        {canPreview && <PrintPreview />}
      </div>
    </div>
  );
}

function DeviceRow(props: {
  device: DeviceStatus;
  test?: TestResult;
  onTest(): void;
  canConfigure: boolean;
  editing: boolean;
  onEdit(): void;
  onSaved(): void;
  discovery: Discovery | null;
}) {
  const { device: d, test } = props;
  return (
    <>
      <tr data-testid={`device-${d.id}`} className={`device-row ${d.state}`}>
        <td>
          <b>{d.label}</b>
          {d.label !== DEVICE_NAMES[d.kind] && <div className="muted small">{DEVICE_NAMES[d.kind]}</div>}
        </td>
        <td className="mono small">{d.simulated ? `内置模拟器 (${d.location})` : d.location}</td>
        <td data-testid={`state-${d.id}`}>
          <span className={`dot ${d.state}`} /> {STATE_LABEL[d.state]}
        </td>
        <td className={d.lastError ? 'device-error' : 'muted'}>{d.lastError ?? '—'}</td>
        <td>
          <div className="row-actions">
            <button onClick={props.onTest} disabled={test?.running || d.state === 'disabled'} data-testid={`test-${d.id}`}>
              测试
            </button>
            {props.canConfigure && (
              <button onClick={props.onEdit} data-testid={`configure-${d.id}`} aria-expanded={props.editing}>
                配置
              </button>
            )}
          </div>
        </td>
      </tr>
      {test && (
        <tr className="sub-row">
          <td colSpan={5}>
            <div className={`test-result ${test.running ? '' : test.ok ? 'ok' : 'bad'}`} data-testid={`test-result-${d.id}`} role="status">
              {test.running ? '' : test.ok ? '✔ ' : '✘ '}
              {test.message}
            </div>
          </td>
        </tr>
      )}
      {props.editing && (
        <tr className="sub-row">
          <td colSpan={5}>
            <DeviceConfigForm deviceId={d.id as DeviceStatus['kind']} label={d.label} discovery={props.discovery} onSaved={props.onSaved} onCancel={props.onEdit} />
          </td>
        </tr>
      )}
    </>
  );
}

function DiscoveredList({ discovery }: { discovery: Discovery }) {
  const matchText = (m: string[]) => m.map((id) => DEVICE_NAMES[id as DeviceStatus['kind']]).join('、');
  return (
    <div data-testid="discovered">
      <h3 className="sub-title">串口（{discovery.serialPorts.length}）</h3>
      {discovery.serialPorts.length === 0 ? (
        <p className="empty">未检测到串口</p>
      ) : (
        <table className="grid compact">
          <tbody>
            {discovery.serialPorts.map((p) => (
              <tr key={p.path}>
                <td className="mono">{p.path}</td>
                <td className="muted">{[p.manufacturer, p.vendorId && `USB ${p.vendorId}:${p.productId ?? '????'}`].filter(Boolean).join(' ') || '—'}</td>
                <td>{p.matches.length ? <span className="tag ok">已配置：{matchText(p.matches)}</span> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="sub-title">USB HID 设备（{discovery.hidDevices.length}）</h3>
      {discovery.hidDevices.length === 0 ? (
        <p className="empty">未检测到 USB HID 设备</p>
      ) : (
        <table className="grid compact">
          <tbody>
            {discovery.hidDevices.map((d) => (
              <tr key={d.path}>
                <td className="mono">
                  {hex4(d.vendorId)}:{hex4(d.productId)}
                </td>
                <td>{d.product ?? '—'}</td>
                <td>{d.matches.length ? <span className="tag ok">已配置：{matchText(d.matches)}</span> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {discovery.problems.map((p) => (
        <p key={p} className="muted small">
          注意：{p}
        </p>
      ))}
    </div>
  );
}

export { STATE_LABEL };
