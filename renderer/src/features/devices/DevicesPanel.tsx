import type { DeviceStatus } from '../../../../electron/contract/schemas';
import { useDesk } from '../../store/desk-store';

const STATE_LABEL: Record<DeviceStatus['state'], string> = {
  connected: '已连接',
  connecting: '连接中',
  disconnected: '未连接',
  error: '故障',
  disabled: '已停用',
};

const KIND_LABEL: Record<DeviceStatus['kind'], string> = {
  'id-reader': '身份证阅读器',
  'sscard-reader': '社保卡读卡器',
  scanner: '扫码枪',
  printer: '打印机',
};

export function DevicesPanel() {
  const devices = useDesk((s) => s.devices);
  return (
    <section className="panel" aria-labelledby="devices-title">
      <header className="panel-head">
        <h2 id="devices-title">设备</h2>
      </header>
      <table className="grid">
        <thead>
          <tr>
            <th>设备</th>
            <th>类型</th>
            <th>连接位置</th>
            <th>状态</th>
            <th>最近错误</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-testid={`device-${d.id}`}>
              <td>{d.label}</td>
              <td>{KIND_LABEL[d.kind]}</td>
              <td className="mono">{d.simulated ? `内置模拟器 (${d.location})` : d.location}</td>
              <td>
                <span className={`dot ${d.state}`} /> {STATE_LABEL[d.state]}
              </td>
              <td>{d.lastError ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export { STATE_LABEL, KIND_LABEL };
