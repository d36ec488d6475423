/**
 * `counter devices [--json] [--data DIR]`: the serial ports and USB HID devices present now, each marked
 * with the configured devices (from DIR/config.json) that use it, plus how each device is configured.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Discovery } from '../../../contract/features/devices';
import { DEVICE_IDS, DEVICE_NAMES, type DeviceId } from '../../../contract/vocabulary/devices';
import { CONFIG_KEY } from '../../../services/devices/ports';
import { defaultDataDir } from '../../../services/store/data-dir';
import { AppConfig, configPath, loadConfig, type DeviceConfig } from '../../config';
import { defaultDeviceFactories } from '../../default-devices';
import { discoverDevices } from '../../devices/discovery';
import { hex4 } from '../../devices/device-links';
import type { CommandModule } from './index';

function describeConfig(c: DeviceConfig): string {
  switch (c.mode) {
    case 'serial':
      return `串口 ${c.path} @ ${c.baudRate}`;
    case 'hid':
      return `USB HID ${hex4(c.vendorId)}:${hex4(c.productId)}${c.path ? ` (${c.path})` : ''}`;
    case 'simulator':
      return '内置模拟器';
    case 'library':
      return `读卡库驱动 ${c.driver}`;
    default:
      return '停用';
  }
}

function printTable(found: Discovery, config: AppConfig, file: string | null): void {
  const out: string[] = [];
  const matches = (m: DeviceId[]) => (m.length ? `  ← ${m.map((id) => DEVICE_NAMES[id]).join('、')}` : '');
  out.push(`配置${file ? `（${file}）` : '（默认，尚未生成 config.json）'}:`);
  for (const id of DEVICE_IDS) out.push(`  ${DEVICE_NAMES[id].padEnd(6, '　')} ${describeConfig(config.devices[CONFIG_KEY[id]])}`);
  out.push('', `串口（${found.serialPorts.length}）:`);
  if (!found.serialPorts.length) out.push('  （无）');
  for (const p of found.serialPorts) {
    const usb = p.vendorId ? ` USB ${p.vendorId}:${p.productId ?? '????'}` : '';
    out.push(`  ${p.path}${p.manufacturer ? ` ${p.manufacturer}` : ''}${usb}${matches(p.matches)}`);
    for (const alias of p.aliases ?? []) out.push(`    = ${alias}`);
  }
  out.push('', `USB HID 设备（${found.hidDevices.length}）:`);
  if (!found.hidDevices.length) out.push('  （无）');
  for (const d of found.hidDevices) {
    out.push(`  ${hex4(d.vendorId)}:${hex4(d.productId)} ${d.product ?? ''}${d.manufacturer ? ` (${d.manufacturer})` : ''} ${d.path}${matches(d.matches)}`);
  }
  for (const p of found.problems) out.push('', `注意: ${p}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

export const devicesCommand: CommandModule = {
  register(program) {
    program
      .command('devices')
      .description('列出本机串口和 USB HID 设备，并标出与配置中设备相符的项')
      .option('--json', '输出 JSON')
      .option('--data <dir>', '数据目录（读取其中的 config.json）')
      .action(async (opts: { json?: boolean; data?: string }) => {
        const dataDir = path.resolve(opts.data ?? defaultDataDir());
        // Read the configuration without creating one: this command only looks.
        const file = fs.existsSync(configPath(dataDir)) ? configPath(dataDir) : null;
        const config: AppConfig = file ? loadConfig(dataDir) : AppConfig.parse({});
        const found = await discoverDevices(defaultDeviceFactories(), config.devices);
        if (opts.json) {
          const configured = Object.fromEntries(DEVICE_IDS.map((id) => [id, config.devices[CONFIG_KEY[id]]]));
          process.stdout.write(`${JSON.stringify({ configFile: file, configured, ...found }, null, 2)}\n`);
        } else printTable(found, config, file);
      });
  },
};
