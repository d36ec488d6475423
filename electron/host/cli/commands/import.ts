/**
 * `counter import FILE`: bulk-accept cases collected offline (JSON lines or a JSON array; format in
 * docs/import-format.md). All or nothing: every record is checked first and, if any is refused, nothing
 * is imported and every problem is listed with its line; exit code 1.
 */
import path from 'node:path';
import { loadDiseaseCatalogue } from '../../../services/cases/disease-catalogue';
import { cstDate } from '../../../services/cases/working-days';
import { CaseStoreError, type CaseRecord } from '../../../services/cases/case-store';
import { acceptCase } from '../../../services/outbox/accept';
import { MAX_IMPORT_BYTES, parseImportText, type ImportProblem } from '../../../services/outbox/import-file';
import { readFileCapped } from '../bounded-input';
import { openStandaloneOutbox } from '../../../services/standalone-outbox';
import { defaultDataDir } from '../../../services/store/data-dir';
import { cliAudit, withOperatorOption } from '../cli-audit';
import { logText } from '../../log';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

interface ImportOptions {
  data?: string;
  clerk: string;
  region?: string;
  site: string;
  profile?: string;
  operator?: string;
}

class Refused extends Error {}

export const importCommand: CommandModule = {
  register(program) {
    withOperatorOption(program.command('import <file>'))
      .description('批量导入离线采集的办件 (JSON Lines 或 JSON 数组)，全部通过才导入，并排入上报队列')
      .option('--data <dir>', '数据目录 (默认为本机应用数据目录)')
      .option('--clerk <name>', '导入人 (记入办件的受理人)', 'import')
      .option('--region <code>', '办件编号的区划代码 (6 位，默认取省份配置的就医地区划)')
      .option('--site <code>', '办件编号的窗口/站点编号 (3 位)', '001')
      .option('--profile <id>', '省份配置')
      .action((file: string, opts: ImportOptions) => {
        // The size is checked before a byte is read: a huge file never reaches memory.
        const text = readFileCapped(file, MAX_IMPORT_BYTES, '导入文件');
        const parsed = parseImportText(text, { diseases: loadDiseaseCatalogue(), today: cstDate(new Date()) });
        const problems: ImportProblem[] = [...parsed.problems];
        const dataDir = opts.data ?? defaultDataDir();
        const sa = openStandaloneOutbox({ dataDir, profile: opts.profile });
        try {
          const trail = cliAudit(sa.db, opts.operator);
          const region = opts.region ?? sa.profile.mdtrtareaAdmvs;
          const accepted: Array<{ line: number; rec: CaseRecord }> = [];
          try {
            sa.db.transaction(() => {
              for (const r of parsed.records) {
                const origin = [r.collectedBy && `采集人 ${r.collectedBy}`, r.collectedAt && `采集时间 ${r.collectedAt}`].filter(Boolean).join('，');
                try {
                  const rec = acceptCase(
                    sa.db,
                    {
                      kind: r.kind,
                      businessKey: r.businessKey,
                      psnNo: r.psnNo,
                      insuplcAdmdvs: r.insuplcAdmdvs,
                      payload: r.payload,
                      clerk: opts.clerk,
                      region,
                      site: opts.site,
                      reason: `离线采集导入 (${file} 第 ${r.line} 条${origin ? '，' + origin : ''})`,
                    },
                    { codes: sa.outbox.codes },
                  );
                  accepted.push({ line: r.line, rec });
                } catch (err) {
                  if (!(err instanceof CaseStoreError)) throw err;
                  problems.push({ line: r.line, message: err.message });
                }
              }
              if (problems.length > 0) throw new Refused();
            })();
          } catch (err) {
            if (!(err instanceof Refused)) throw err;
          }
          if (problems.length > 0) {
            trail.record('cases.import', { file: path.basename(file), records: parsed.records.length, refused: problems.length, accepted: 0 });
            problems.sort((a, b) => a.line - b.line);
            const unit = parsed.format === 'array' ? '条' : '行';
            for (const p of problems) process.stderr.write(`${logText(p.line > 0 ? `第 ${p.line} ${unit}: ${p.message}` : p.message)}\n`);
            throw new CliError(`导入被拒绝: ${problems.length} 处问题，未导入任何记录 (改正后请重新导入整个文件)`);
          }
          trail.record('cases.import', {
            file: path.basename(file),
            accepted: accepted.length,
            cases: accepted.map(({ rec }) => ({ caseNo: rec.caseNo, kind: rec.kind, psnNo: rec.psnNo })),
          });
          process.stdout.write(
            `${JSON.stringify(
              {
                accepted: accepted.length,
                cases: accepted.map(({ line, rec }) => ({ line, caseNo: rec.caseNo, kind: rec.kind, businessKey: rec.businessKey })),
              },
              null,
              2,
            )}\n`,
          );
        } finally {
          sa.close();
        }
      });
  },
};
