/**
 * The app's one device manager, built by the composition root (../services.ts) and handed to the features
 * that need devices (reception reads the ID reader, the devices feature runs everything else). Started,
 * wired to the event hub ('device.status', 'scanner.scan') and closed with the app.
 */
import { saveConfigSection } from '../config';
import type { AppContext } from '../context';
import { DeviceManager } from './device-manager';

export async function startDeviceManager(ctx: AppContext): Promise<DeviceManager> {
  const manager = new DeviceManager({
    config: ctx.config.devices,
    env: ctx.devices,
    clock: ctx.clock,
    db: ctx.db,
    save(devices) {
      ctx.config.devices = devices;
      saveConfigSection(ctx.dataDir, 'devices', devices);
    },
  });
  ctx.onClose(() => manager.close());
  manager.onStatus((s) => ctx.events.emit('device.status', s));
  manager.onScan((e) => ctx.events.emit('scanner.scan', { deviceId: 'scanner', at: e.at, scan: e.scan }));
  await manager.start();
  return manager;
}
