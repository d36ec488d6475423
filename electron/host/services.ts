/**
 * The services the features share, built once by the composition root before any feature runs: the device
 * manager, the platform runtime (client, outbox, simulator) and the operators with their session rules.
 * Each feature receives only the ones it names (`Feature<Deps>` in ./context.ts), so features compose in
 * any order and none depends on another having run first.
 */
import { attachmentKeyOf } from '../services/attachments/attachment-cipher';
import { AttachmentStore } from '../services/attachments/attachment-store';
import { loadPolicyFile, samplePolicyPath, type Policy } from '../services/policy';
import type { PersonOverviewDeps } from '../services/desk/person-overview';
import { shippedRegionCatalogue } from '../services/catalogues/regions';
import type { KeySource } from '../services/store/key-source';
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
  /** The materials store (sealed attachments); the outbox uploads them with 9101 before each filing. */
  attachments: AttachmentStore;
  /** The reimbursement policy (config policy.file or the shipped sample), read and validated once. */
  policy: Policy;
  /** What person.overview needs (the counter's panel and the kiosk's scoped read): one set, built once. */
  overview: PersonOverviewDeps;
}

/** Everything started here registers its cleanup with ctx.onClose, so a failure later still closes it. */
export async function createAppServices(ctx: AppContext, keys: Pick<KeySource, 'databaseKey'>): Promise<AppServices> {
  const devices = await startDeviceManager(ctx);
  const attachments = new AttachmentStore(ctx.db, ctx.dataDir, attachmentKeyOf(ctx.db, keys), ctx.clock);
  const platform = await createPlatformRuntime(ctx, attachments);
  const sessions = createOperatorSessions(ctx);
  const policy = loadPolicyFile(ctx.config.policy.file ?? samplePolicyPath());
  const overview: PersonOverviewDeps = {
    db: ctx.db,
    client: platform.platform.client,
    policy,
    clock: ctx.clock,
    regionName: (code) => shippedRegionCatalogue().lookup(code)?.fullName,
  };
  return { devices, platform, platformClient: platform.platform.client, sessions, operators: sessions.operators, attachments, policy, overview };
}
