/**
 * The provincial platform in the app: person lookup with the offline cache, the platform status, the queue
 * views, the simulator's faults, and the outbox uploader running in the background. The client, outbox and
 * simulator come built from the composition root (../platform-runtime.ts).
 */
import { AppError } from '../../contract/errors';
import { AUTH_ERROR } from '../../contract/features/auth';
import type { QueueSummary } from '../../contract/features/platform';
import { leaseHeldMessage } from '../../services/outbox/upload-lease';
import { actingOperator, envelopeOperatorOf } from '../acting-operator';
import type { Feature } from '../context';
import { log } from '../log';
import type { PlatformRuntime } from '../platform-runtime';

export const platformFeature: Feature<{ platform: PlatformRuntime }> = (ctx, { platform: runtime }) => {
  const { platform, outbox, simulator } = runtime;

  const status = () => ({
    online: outbox.uploader.online,
    url: platform.client.serviceUrl,
    simulated: simulator !== null,
    profileName: platform.client.profile.name,
  });
  const summary = (): QueueSummary => ({ counts: outbox.counts(), online: outbox.uploader.online, sentElsewhere: sentElsewhere() });
  const sentElsewhere = (): string | null => {
    const holder = outbox.uploader.lease.holder();
    if (!holder || holder.id === outbox.uploader.lease.id || holder.expiresAt <= ctx.clock().toISOString()) return null;
    return `${leaseHeldMessage(holder)}，本工作站暂停上报，待其结束后自动继续`;
  };

  // Coalesce bursts of queue changes into one event per tick.
  let pending = false;
  const announce = () => {
    if (pending) return;
    pending = true;
    setImmediate(() => {
      pending = false;
      ctx.events.emit('queue.changed', summary());
    });
  };
  outbox.uploader.on('changed', announce);
  outbox.uploader.on('online', () => (ctx.events.emit('platform.status', status()), announce()));
  outbox.uploader.on('offline', () => (ctx.events.emit('platform.status', status()), announce()));
  outbox.uploader.on('error', (err: Error) => log.error('uploader:', err.message));
  // Another uploader (counter sync) took the upload lease: this one waits and takes it back when it is free.
  outbox.uploader.on('lease-lost', (h: { pid: number; role: string }) => {
    log.warn(`uploader: upload lease taken by ${h.role} (pid ${h.pid}); waiting`);
    announce();
  });
  outbox.uploader.start();
  ctx.onClose(async () => {
    await outbox.uploader.stop();
    // 9002 for every operator still signed in on shutdown; a platform that is down must not hold up closing.
    await Promise.race([platform.client.signOutAll().catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
  });

  return {
    'person.lookup': async ({ provisional, ...q }, caller) => {
      const operator = actingOperator(caller);
      // 临时受理 is a clerk's decision at the counter; a kiosk serves only people the platform knows.
      if (provisional && operator.role === 'kiosk') throw new AppError(AUTH_ERROR.forbidden, '自助终端不能临时受理，请到柜台办理');
      const request = provisional && {
        card: { ...provisional, psnCertType: q.psnCertType ?? '01', number: q.certNo },
        homeAdmdvs: ctx.config.site.regionCode,
      };
      try {
        const result = await platform.lookupPerson(q, { operator: envelopeOperatorOf(operator) }, request || undefined);
        ctx.events.emit('platform.status', status());
        return result;
      } catch (err) {
        ctx.events.emit('platform.status', status());
        throw err; // PlatformError / PersonUnavailableError: the error table (../error-mapping) names them
      }
    },
    'platform.status': () => status(),
    'queue.summary': () => summary(),
    'queue.list': ({ states, limit }) => outbox.list({ states, limit: limit ?? 200 }),
    'queue.attempts': ({ itemId }) => outbox.attempts(itemId),
    'queue.retry': ({ itemId }) => ({ count: outbox.retryNow(itemId) }),
    'simulator.platform.fault': ({ fault }) => {
      if (!simulator) throw new AppError('no-simulator', '当前连接的是真实平台，无法模拟故障');
      simulator.faults.reset();
      const many = 1_000_000;
      if (fault === 'offline') simulator.faults.set({ dropBefore: many });
      else if (fault === 'server-error') simulator.faults.set({ http500: many });
      else if (fault === 'lost-reply') simulator.faults.set({ dropAfter: 1 });
      else if (fault === 'refuse') simulator.faults.set({ businessError: 1, businessErrorMessage: '模拟平台拒绝: 参保状态异常，请核实' });
      return { ok: true as const };
    },
  };
};
