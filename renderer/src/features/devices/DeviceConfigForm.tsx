import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../electron/contract/api';
import { DeviceConfigInput, type DeviceId } from '../../../../electron/contract/features/devices';
import { api, errorMessage } from '../../api/client';

type Mode = DeviceConfigInput['mode'];
type Discovery = MethodOutput<'devices.discover'>;
type DriverList = MethodOutput<'devices.drivers'>;

const MODES: Array<{ id: Mode; label: string }> = [
  { id: 'simulator', label: '内置模拟器' },
  { id: 'serial', label: '串口' },
  { id: 'hid', label: 'USB HID' },
  { id: 'library', label: '读卡库' },
  { id: 'off', label: '停用' },
];
const BAUD_RATES = [9600, 19200, 38400, 57600, 115200];
const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();

interface Draft {
  mode: Mode;
  path: string;
  baudRate: string;
  vendorId: string;
  productId: string;
  /** Library mode: the installed driver's id (chosen, never typed), and the call timeout in seconds (blank = default). */
  driver: string;
  timeoutS: string;
}

/** Which connection modes a device kind offers: printers have no HID mode; only the 社保卡 reader has a library. */
const offered = (deviceId: DeviceId, mode: Mode) => !(deviceId === 'printer' && mode === 'hid') && (mode !== 'library' || deviceId === 'sscard-reader');

function toDraft(c: DeviceConfigInput | undefined): Draft {
  const d: Draft = { mode: c?.mode ?? 'simulator', path: '', baudRate: '115200', vendorId: '', productId: '', driver: '', timeoutS: '' };
  if (c?.mode === 'serial') Object.assign(d, { path: c.path, baudRate: String(c.baudRate) });
  if (c?.mode === 'hid') Object.assign(d, { vendorId: hex4(c.vendorId), productId: hex4(c.productId), path: c.path ?? '' });
  if (c?.mode === 'library') Object.assign(d, { driver: c.driver, timeoutS: c.timeoutMs ? String(c.timeoutMs / 1000) : '' });
  return d;
}

/** Form values → a config the contract accepts, or Chinese messages per field. */
export function parseDraft(d: Draft): { config: DeviceConfigInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const hex = (field: 'vendorId' | 'productId', label: string) => {
    const v = d[field].trim().replace(/^0x/i, '');
    if (!/^[0-9a-f]{1,4}$/i.test(v)) errors[field] = `${label}应为 1–4 位十六进制数，如 1A86`;
    return parseInt(v, 16);
  };
  let raw: unknown;
  if (d.mode === 'serial') raw = { mode: 'serial', path: d.path.trim(), baudRate: Number(d.baudRate) };
  else if (d.mode === 'hid') raw = { mode: 'hid', vendorId: hex('vendorId', '厂商号（VID）'), productId: hex('productId', '产品号（PID）'), ...(d.path.trim() && { path: d.path.trim() }) };
  else if (d.mode === 'library') {
    const timeout = d.timeoutS.trim();
    if (timeout && !/^\d+(\.\d+)?$/.test(timeout)) errors.timeoutMs = '超时应为秒数，如 10';
    raw = { mode: 'library', driver: d.driver, ...(timeout && { timeoutMs: Math.round(Number(timeout) * 1000) }) };
  } else raw = { mode: d.mode };
  if (Object.keys(errors).length) return { errors };
  const parsed = DeviceConfigInput.safeParse(raw);
  if (parsed.success) return { config: parsed.data };
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'mode')] ??= issue.message;
  return { errors };
}

export function DeviceConfigForm(props: { deviceId: DeviceId; label: string; discovery: Discovery | null; onSaved(): void; onCancel(): void }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [drivers, setDrivers] = useState<DriverList | null>(null);

  useEffect(() => {
    if (props.deviceId !== 'sscard-reader') return;
    api
      .call('devices.drivers')
      .then(setDrivers)
      .catch((err) => setSaveError(errorMessage(err)));
  }, [props.deviceId]);

  useEffect(() => {
    api
      .call('devices.getConfig')
      .then((all) => setDraft(toDraft(all[props.deviceId])))
      .catch((err) => setSaveError(errorMessage(err)));
  }, [props.deviceId]);

  if (!draft) return <p className="muted">{saveError ?? '正在读取配置…'}</p>;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const ports = props.discovery?.serialPorts ?? [];
  const hids = props.discovery?.hidDevices ?? [];

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaveError(null);
    const result = parseDraft(draft);
    if ('errors' in result) return setErrors(result.errors);
    setErrors({});
    setSaving(true);
    try {
      await api.call('devices.configure', { deviceId: props.deviceId, config: result.config });
      props.onSaved();
    } catch (err) {
      setSaveError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (f: string) =>
    errors[f] && (
      <span className="field-error" role="alert" data-testid={`config-error-${f}`}>
        {errors[f]}
      </span>
    );

  return (
    <form className="config-form" onSubmit={(e) => void save(e)} data-testid={`config-form-${props.deviceId}`} noValidate>
      <fieldset>
        <legend>{props.label} · 连接方式</legend>
        {MODES.filter((m) => offered(props.deviceId, m.id)).map((m) => (
          <label key={m.id} className="radio">
            <input type="radio" name={`mode-${props.deviceId}`} checked={draft.mode === m.id} onChange={() => set({ mode: m.id })} />
            {m.label}
          </label>
        ))}
      </fieldset>
      {draft.mode === 'serial' && (
        <div className="form-row">
          <label>
            串口
            <input
              list={`ports-${props.deviceId}`}
              value={draft.path}
              onChange={(e) => set({ path: e.target.value })}
              placeholder="/dev/ttyUSB0 或 COM3"
              data-testid="config-path"
            />
            <datalist id={`ports-${props.deviceId}`}>
              {ports.flatMap((p) =>
                [p.path, ...(p.aliases ?? [])].map((name) => (
                  <option key={name} value={name}>
                    {p.manufacturer ?? ''}
                  </option>
                )),
              )}
            </datalist>
            {fieldError('path')}
          </label>
          <label>
            波特率
            <select value={draft.baudRate} onChange={(e) => set({ baudRate: e.target.value })} data-testid="config-baud">
              {BAUD_RATES.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
            {fieldError('baudRate')}
          </label>
        </div>
      )}
      {draft.mode === 'hid' && (
        <div className="form-row">
          <label>
            厂商号 VID
            <input value={draft.vendorId} onChange={(e) => set({ vendorId: e.target.value })} placeholder="如 1A86" className="mono short" data-testid="config-vid" />
            {fieldError('vendorId')}
          </label>
          <label>
            产品号 PID
            <input value={draft.productId} onChange={(e) => set({ productId: e.target.value })} placeholder="如 E010" className="mono short" data-testid="config-pid" />
            {fieldError('productId')}
          </label>
          {hids.length > 0 && (
            <label>
              从检测到的设备选择
              <select
                value=""
                onChange={(e) => {
                  const d = hids.find((h) => h.path === e.target.value);
                  if (d) set({ vendorId: hex4(d.vendorId), productId: hex4(d.productId) });
                }}
              >
                <option value="">—</option>
                {hids.map((h) => (
                  <option key={h.path} value={h.path}>
                    {hex4(h.vendorId)}:{hex4(h.productId)} {h.product ?? ''}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      {draft.mode === 'library' && (
        <div className="form-row">
          {drivers && drivers.drivers.length === 0 ? (
            <div className="alert" data-testid="config-no-drivers">
              尚未安装读卡驱动。读卡驱动由管理员安装，本页只能从已安装的驱动中选择。{drivers.installHint}。
            </div>
          ) : (
            <label className="grow">
              读卡驱动
              <select value={draft.driver} onChange={(e) => set({ driver: e.target.value })} data-testid="config-driver">
                <option value="">— 请选择 —</option>
                {(drivers?.drivers ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}（{d.id}）
                  </option>
                ))}
              </select>
              {fieldError('driver')}
            </label>
          )}
          <label>
            超时（秒）
            <input value={draft.timeoutS} onChange={(e) => set({ timeoutS: e.target.value })} placeholder="10" className="mono short" data-testid="config-timeout" />
            {fieldError('timeoutMs')}
          </label>
          {drivers && drivers.drivers.length > 0 && !drivers.drivers.some((d) => !d.builtIn) && (
            <p className="muted" data-testid="config-driver-hint">
              目前只有内置模拟读卡库。{drivers.installHint}。
            </p>
          )}
          {drivers?.problems.map((p) => (
            <p key={p} className="field-error" data-testid="config-driver-problem">
              {p}
            </p>
          ))}
        </div>
      )}
      {fieldError('mode')}
      {saveError && <div className="alert error">{saveError}</div>}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving} data-testid="config-save">
          {saving ? '正在保存…' : '保存并重新连接'}
        </button>
        <button type="button" onClick={props.onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
