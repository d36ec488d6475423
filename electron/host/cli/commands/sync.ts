/**
 * `counter sync`: send the upload queue to the platform. Without --once it keeps going (backing off,
 * waiting out an outage) until nothing is left that can be sent; Ctrl-C stops after the sends under way.
 * Only one uploader may send for a database: while the app (or another sync) holds the upload lease this
 * command refuses, or with --wait waits until the lease is free.
 */
import { openStandaloneOutbox, type Standalone } from '../../../services/standalone-outbox';
import { leaseHeldMessage, type LeaseHolder } from '../../../services/outbox/upload-lease';
import { defaultDataDir } from '../../../services/store/data-dir';
import { cliAudit, withOperatorOption } from '../cli-audit';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

interface SyncOptions {
  once?: boolean;
  wait?: boolean;
  platform?: string;
  data?: string;
  profile?: string;
  concurrency: string;
  operator?: string;
}

const REFUSAL = '工作站正在上报，请勿同时运行 counter sync';

/** Takes the upload lease, or waits for it (polling once a second) until it is free or the wait is aborted. */
async function takeLease(sa: Standalone, wait: boolean, signal: AbortSignal): Promise<void> {
  let announced = false;
  for (;;) {
    const r = sa.lease.acquire();
    if (r.ok) return;
    if (!wait) throw new CliError(`${REFUSAL} (${leaseHeldMessage(r.holder)})；如需排队等待，请加 --wait`);
    if (!announced) {
      process.stderr.write(`${leaseHeldMessage(r.holder)}，等待其结束后再上报…\n`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (signal.aborted) throw new CliError('已取消等待，未上报任何办件');
  }
}

function holderNote(h: LeaseHolder | undefined): string | undefined {
  return h ? `${leaseHeldMessage(h)}，本次未上报` : undefined;
}

export const syncCommand: CommandModule = {
  register(program) {
    withOperatorOption(program.command('sync'))
      .description('把上报队列发送到医保平台 (默认一直处理到队列清空；--once 只处理一轮)')
      .option('--once', '只处理当前到期的办件一轮后退出')
      .option('--wait', '工作站或另一个 counter sync 正在上报时排队等待，而不是立即退出')
      .option('--platform <url>', '医保平台地址 (覆盖省份配置)')
      .option('--data <dir>', '数据目录 (默认为本机应用数据目录)')
      .option('--profile <id>', '省份配置')
      .option('--concurrency <n>', '同时上报的笔数', '4')
      .action(async (opts: SyncOptions) => {
        const concurrency = Number(opts.concurrency);
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new CliError('--concurrency 应为 1 到 32 的整数');
        if (opts.platform !== undefined && !/^https?:\/\/\S+$/.test(opts.platform)) throw new CliError(`平台地址不合法: ${opts.platform}`);
        const dataDir = opts.data ?? defaultDataDir();
        const sa = openStandaloneOutbox({ dataDir, platformUrl: opts.platform, profile: opts.profile, concurrency });
        let trail: ReturnType<typeof cliAudit>;
        try {
          trail = cliAudit(sa.db, opts.operator);
        } catch (err) {
          sa.close();
          throw err;
        }
        const ctrl = new AbortController();
        const onSignal = () => {
          process.stderr.write('正在停止: 等待进行中的上报完成…\n');
          ctrl.abort();
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        sa.outbox.uploader.on('offline', () => process.stderr.write('医保平台连接中断，稍后自动重试…\n'));
        sa.outbox.uploader.on('online', () => process.stderr.write('医保平台已恢复连接\n'));
        try {
          await takeLease(sa, opts.wait === true, ctrl.signal);
          const summary = opts.once ? await sa.outbox.uploader.syncOnce() : await sa.outbox.uploader.drain(ctrl.signal);
          // Lost the lease half-way (this process stalled past its expiry and another uploader took over).
          trail.record('queue.sync', { once: opts.once === true, attempted: summary.attempted, done: summary.done, retry: summary.retry, unknown: summary.unknown, needsClerk: summary.needsClerk });
          const note = holderNote(summary.leaseHolder);
          if (note) throw new CliError(note);
          process.stdout.write(`${JSON.stringify({ ...summary, counts: sa.outbox.counts() }, null, 2)}\n`);
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          await sa.outbox.uploader.stop();
          sa.close();
        }
      });
  },
};
