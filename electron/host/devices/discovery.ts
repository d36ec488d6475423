/**
 * Discovery: the serial ports and USB HID devices present now, each marked with the configured devices
 * that use it (same serial path or one of its by-id aliases, or same vendor/product id). Listing failures become Chinese notes.
 */
import fs from 'node:fs';
import type { Discovery } from '../../contract/features/devices';
import { DEVICE_IDS, type DeviceId } from '../../contract/vocabulary/devices';
import { CONFIG_KEY, type DeviceFactories, type DevicesConfig } from '../../services/devices/ports';

export async function discoverDevices(env: DeviceFactories, config: DevicesConfig): Promise<Discovery> {
  const problems: string[] = [];
  const [serial, hid] = await Promise.all([
    env.listSerialPorts().catch((err: Error) => {
      problems.push(`无法列出串口：${err.message}`);
      return [];
    }),
    env.listHidDevices().catch((err: Error) => {
      problems.push(`无法列出 USB HID 设备：${err.message}`);
      return [];
    }),
  ]);
  const configured = DEVICE_IDS.map((id) => [id, config[CONFIG_KEY[id]]] as const);
  const serialMatches = (...names: string[]): DeviceId[] =>
    configured.filter(([, c]) => c.mode === 'serial' && names.includes(c.path)).map(([id]) => id);
  const hidMatches = (vendorId: number, productId: number, path: string): DeviceId[] =>
    configured
      .filter(([, c]) => c.mode === 'hid' && c.vendorId === vendorId && c.productId === productId && (!c.path || c.path === path))
      .map(([id]) => id);

  // A configured serial path the OS does not enumerate (a socat pty, a symlink) is still worth showing.
  const seen = new Set(serial.flatMap((p) => [p.path, ...(p.aliases ?? [])]));
  const extra = configured.flatMap(([, c]) => (c.mode === 'serial' && !seen.has(c.path) ? [c.path] : []));

  return {
    serialPorts: [
      ...serial.map((p) => ({
        path: p.path,
        ...(p.aliases?.length ? { aliases: p.aliases } : {}),
        manufacturer: p.manufacturer,
        vendorId: p.vendorId,
        productId: p.productId,
        matches: serialMatches(p.path, ...(p.aliases ?? [])),
      })),
      ...[...new Set(extra)].filter((path) => fs.existsSync(path)).map((path) => ({ path, matches: serialMatches(path) })),
    ],
    hidDevices: hid.map((d) => ({
      path: d.path,
      vendorId: d.vendorId,
      productId: d.productId,
      product: d.product,
      manufacturer: d.manufacturer,
      matches: hidMatches(d.vendorId, d.productId, d.path),
    })),
    problems,
  };
}
