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
  ['audit', () => import('./audit.bench')],
  ['cases', () => import('./cases.bench')],
  ['desk', () => import('./desk.bench')],
  ['device-manager', () => import('./device-manager.bench')],
  ['id-reader', () => import('./id-reader.bench')],
  ['outbox', () => import('./outbox.bench')],
  ['pdf-renderer', () => import('./pdf-renderer.bench')],
  ['platform', () => import('./platform.bench')],
  ['policy', () => import('./policy.bench')],
  ['scanprint', () => import('./scanprint.bench')],
  ['sscard', () => import('./sscard.bench')],
  ['worklist', () => import('./worklist.bench')],
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

/** Terminal columns: East Asian wide characters (hanzi, fullwidth forms) take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

function printTable(rows: BenchRow[]): void {
  const head = ['benchmark', 'result', 'goal', 'met'];
  const data = rows.map((r) => [r.benchmark, r.result, r.goal ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO']);
  const width = head.map((h, i) => Math.max(h.length, ...data.map((d) => displayWidth(d[i]))));
  const pad = (c: string, w: number) => c + ' '.repeat(Math.max(0, w - displayWidth(c)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => pad(c, width[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const d of data) console.log(line(d));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
