/** The device factories used by Electron, browser mode and the CLI: real hardware or the built-in simulators per config. */
import type { DeviceFactories } from '../services/devices/ports';
import { openIdReaderPort } from './devices/id-reader-port';

export function defaultDeviceFactories(): DeviceFactories {
  return {
    idReader: (config) => openIdReaderPort(config),
  };
}
