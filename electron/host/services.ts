/**
 * The services the features share, built once by the composition root before any feature runs: the device
 * manager, the platform runtime (client, outbox, simulator) and the operators with their session rules.
 * Each feature receives only the ones it names (`Feature<Deps>` in ./context.ts), so features compose in
 * any order and none depends on another having run first.
 */
import type { AppContext } from './context';
import { startDeviceManager } from './devices/app-devices';
import type { DeviceManager } from './devices/device-manager';
import { createOperatorSessions, type OperatorSessions } from './operator-sessions';
import { createPlatformRuntime, type PlatformRuntime } from './platform-runtime';

export interface AppServices {
  devices: DeviceManager;
  platform: PlatformRuntime;
  /** Shortcut to platform.platform.client, for features that only sign operators in and out. */
  platformClient: PlatformRuntime['platform']['client'];
  sessions: OperatorSessions;
  operators: OperatorSessions['operators'];
}

/** Everything started here registers its cleanup with ctx.onClose, so a failure later still closes it. */
export async function createAppServices(ctx: AppContext): Promise<AppServices> {
  const devices = await startDeviceManager(ctx);
  const platform = await createPlatformRuntime(ctx);
  const sessions = createOperatorSessions(ctx);
  return { devices, platform, platformClient: platform.platform.client, sessions, operators: sessions.operators };
}
