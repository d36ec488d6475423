/**
 * `counter sync`: send the upload queue to the platform. Without --once it keeps going (backing off,
 * waiting out an outage) until nothing is left that can be sent; Ctrl-C stops after the sends under way.
 */
import { openStandaloneOutbox, waitForFreshMsgidSecond } from '../../../services/outbox/standalone';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

interface SyncOptions {
  once?: boolean;
  platform?: string;
  data?: string;
  profile?: string;
  concurrency: string;
}

export const syncCommand: CommandModule = {
  register(program) {
    program
      .command('sync')
      .description('把上报队列发送到医保平台 (默认一直处理到队列清空；--once 只处理一轮)')
      .option('--once', '只处理当前到期的办件一轮后退出')
      .option('--platform <url>', '医保平台地址 (覆盖省份配置)')
      .option('--data <dir>', '数据目录 (默认为本机应用数据目录)')
      .option('--profile <id>', '省份配置')
      .option('--concurrency <n>', '同时上报的笔数', '4')
      .action(async (opts: SyncOptions) => {
        const concurrency = Number(opts.concurrency);
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new CliError('--concurrency 应为 1 到 32 的整数');
        if (opts.platform !== undefined && !/^https?:\/\/\S+$/.test(opts.platform)) throw new CliError(`平台地址不合法: ${opts.platform}`);
        const sa = openStandaloneOutbox({ dataDir: opts.data, platformUrl: opts.platform, profile: opts.profile, concurrency });
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
          await waitForFreshMsgidSecond();
          const summary = opts.once ? await sa.outbox.uploader.syncOnce() : await sa.outbox.uploader.drain(ctrl.signal);
          process.stdout.write(`${JSON.stringify({ ...summary, counts: sa.outbox.counts() }, null, 2)}\n`);
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          sa.close();
        }
      });
  },
};
