/**
 * The provincial platform as the app runs it: the embedded simulator when configured (the default on a
 * fresh machine), the client and person lookup (createPlatformServices), and the outbox with its uploader.
 * Built once by the composition root (./services.ts) and handed to the features that need it, so no
 * feature depends on another having run first.
 */
import path from 'node:path';
import { createOutboxService, type OutboxService } from '../services/outbox/outbox-service';
import { createPlatformServices, type PlatformServices } from '../services/platform/factory';
import { startPlatformSimulator, type PlatformSimulator } from '../services/platform/simulator';
import { PLATFORM_SIMULATOR_DB } from '../services/platform/simulator/simulator-kind';
import type { AttachmentStore } from '../services/attachments/attachment-store';
import type { AppContext } from './context';

export interface PlatformRuntime {
  platform: PlatformServices;
  outbox: OutboxService;
  simulator: PlatformSimulator | null;
}

/** Starts the simulator (if configured) and builds client and outbox; the uploader is started by the platform feature. */
export async function createPlatformRuntime(ctx: AppContext, attachments?: AttachmentStore): Promise<PlatformRuntime> {
  const { config } = ctx;
  let simulator: PlatformSimulator | null = null;
  if (config.platform.simulator && !config.platform.url) {
    simulator = await startPlatformSimulator({ port: 0, dbFile: path.join(ctx.dataDir, PLATFORM_SIMULATOR_DB) });
    ctx.onClose(() => simulator?.close());
  }
  const platform = createPlatformServices({
    db: ctx.db,
    profile: config.platform.profile,
    baseUrl: simulator?.url ?? config.platform.url,
    operator: { code: config.operator.code, name: config.operator.name, type: config.operator.type },
    fetch: ctx.fetch,
    clock: ctx.clock,
  });
  const outbox = createOutboxService({ db: ctx.db, client: platform.client, now: ctx.clock, attachments });
  return { platform, outbox, simulator };
}
