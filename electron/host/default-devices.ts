/** How Electron, browser mode and the CLI look at the machine: real serial and USB HID listings, 1 s hot-plug polling. */
import type { DeviceFactories } from '../services/devices/ports';
import { listHidDevices } from '../../native/transports/hid-transport';
import { listSerialPorts } from '../../native/transports/serial-port';

export function defaultDeviceFactories(overrides: Partial<DeviceFactories> = {}): DeviceFactories {
  return {
    listSerialPorts,
    listHidDevices: () => listHidDevices(),
    pollMs: 1000,
    reconnect: { initialMs: 1000, maxMs: 10_000 },
    ...overrides,
  };
}
