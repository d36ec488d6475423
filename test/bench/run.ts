/**
 * `npm run bench`: runs every benchmark module and prints one table.
 * A module exports `run(): Promise<BenchRow[]>`; add it to the list below.
 */
export interface BenchRow {
  benchmark: string;
  result: string;
  goal?: string;
  ok?: boolean;
}

type BenchModule = { run(): Promise<BenchRow[]> };

const modules: Array<[string, () => Promise<BenchModule>]> = [
  // ['name', () => import('./xyz.bench')],
  ['cases', () => import('./cases.bench')],
  ['device-manager', () => import('./device-manager.bench')],
  ['id-reader', () => import('./id-reader.bench')],
  ['outbox', () => import('./outbox.bench')],
  ['platform', () => import('./platform.bench')],
  ['policy', () => import('./policy.bench')],
  ['scanprint', () => import('./scanprint.bench')],
  ['sscard', () => import('./sscard.bench')],
];

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: BenchRow[] = [];
  for (const [name, load] of modules) {
    if (only && !name.includes(only)) continue;
    process.stderr.write(`running ${name} …\n`);
    rows.push(...(await (await load()).run()));
  }
  printTable(rows);
}

function printTable(rows: BenchRow[]): void {
  const head = ['benchmark', 'result', 'goal', 'met'];
  const data = rows.map((r) => [r.benchmark, r.result, r.goal ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO']);
  const width = head.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(width[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const d of data) console.log(line(d));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
