/** `counter queue`: the upload queue's counts by state as JSON; `--list` adds what waits and why. */
import { OUTBOX_STATES, type OutboxState } from '../../../services/outbox/outbox-store';
import { listQueue, queueCounts } from '../../../services/outbox/queue-view';
import { openAppDatabase } from '../../../services/app-schema';
import { defaultDataDir } from '../../../services/store/data-dir';
import { cliAudit, withOperatorOption } from '../cli-audit';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

export const queueCommand: CommandModule = {
  register(program) {
    withOperatorOption(program.command('queue'))
      .description('查看上报队列: 按状态计数 (JSON)')
      .option('--data <dir>', '数据目录 (默认为本机应用数据目录)')
      .option('--list', '同时列出未完成的办件及等待原因')
      .option('--state <state>', `只列出某一状态 (${OUTBOX_STATES.join(' / ')})`)
      .action((opts: { data?: string; list?: boolean; state?: string; operator?: string }) => {
        if (opts.state && !(OUTBOX_STATES as readonly string[]).includes(opts.state)) {
          throw new CliError(`未知的队列状态: ${opts.state} (可选 ${OUTBOX_STATES.join(' / ')})`);
        }
        const dataDir = opts.data ?? defaultDataDir();
        const db = openAppDatabase(dataDir);
        try {
          const trail = cliAudit(db, opts.operator);
          const counts = queueCounts(db);
          const out: Record<string, unknown> = { ...counts };
          if (opts.list || opts.state) {
            const items = listQueue(db, { states: opts.state ? [opts.state as OutboxState] : undefined, limit: 1000 });
            out.items = items;
            // Counts alone show nobody; the list does (人员编号 per item).
            trail.record('queue.list', { states: opts.state ? [opts.state] : null, count: items.length, psnNos: [...new Set(items.map((i) => i.psnNo))] });
          }
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        } finally {
          db.close();
        }
      });
  },
};
