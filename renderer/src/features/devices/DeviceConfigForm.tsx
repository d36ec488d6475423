import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../electron/contract/api';
import { DeviceConfigInput, type DeviceId } from '../../../../electron/contract/features/devices';
import { joinCommandLine, splitCommandLine } from '../../../../native/protocols/sscard/command-line';
import { api, errorMessage } from '../../api/client';

type Mode = DeviceConfigInput['mode'];
type Discovery = MethodOutput<'devices.discover'>;

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
  /** Library mode: the driver command line as typed, and the call timeout in seconds (blank = default). */
  command: string;
  timeoutS: string;
}

/** Which connection modes a device kind offers: printers have no HID mode; only the 社保卡 reader has a library. */
const offered = (deviceId: DeviceId, mode: Mode) => !(deviceId === 'printer' && mode === 'hid') && (mode !== 'library' || deviceId === 'sscard-reader');

function toDraft(c: DeviceConfigInput | undefined): Draft {
  const d: Draft = { mode: c?.mode ?? 'simulator', path: '', baudRate: '115200', vendorId: '', productId: '', command: '', timeoutS: '' };
  if (c?.mode === 'serial') Object.assign(d, { path: c.path, baudRate: String(c.baudRate) });
  if (c?.mode === 'hid') Object.assign(d, { vendorId: hex4(c.vendorId), productId: hex4(c.productId), path: c.path ?? '' });
  if (c?.mode === 'library') Object.assign(d, { command: joinCommandLine(c.command), timeoutS: c.timeoutMs ? String(c.timeoutMs / 1000) : '' });
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
    raw = { mode: 'library', command: splitCommandLine(d.command), ...(timeout && { timeoutMs: Math.round(Number(timeout) * 1000) }) };
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
              {ports.map((p) => (
                <option key={p.path} value={p.path}>
                  {p.manufacturer ?? ''}
                </option>
              ))}
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
          <label className="grow">
            读卡驱动命令行
            <input
              value={draft.command}
              onChange={(e) => set({ command: e.target.value })}
              placeholder={'如 "C:\\sscard\\driver.exe" --port USB1'}
              className="mono"
              data-testid="config-command"
            />
            {fieldError('command')}
          </label>
          <label>
            超时（秒）
            <input value={draft.timeoutS} onChange={(e) => set({ timeoutS: e.target.value })} placeholder="10" className="mono short" data-testid="config-timeout" />
            {fieldError('timeoutMs')}
          </label>
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
