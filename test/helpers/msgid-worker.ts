/**
 * Child process for the msgid uniqueness test: opens the app database in DATA_DIR the way the app and the
 * CLI do (msgids reserved in the DB), waits until the wall clock reaches START_AT_MS (so two workers begin
 * within the same second), then signs in (9001) and makes COUNT person lookups (1101) against the platform
 * at PLATFORM_URL, plus COUNT bare msgids. Prints every msgid it used as JSON.
 */
import { createPlatformServices } from '../../electron/services/platform/factory';
import { openAppDatabase } from '../../electron/services/app-schema';

async function main(): Promise<void> {
  const [dataDir, platformUrl, startAt, countArg] = process.argv.slice(2);
  if (!dataDir || !platformUrl || !startAt) throw new Error('usage: msgid-worker DATA_DIR PLATFORM_URL START_AT_MS [COUNT]');
  const count = Number(countArg ?? 50);
  const db = openAppDatabase(dataDir);
  const sent: string[] = [];
  const recordingFetch: typeof fetch = async (url, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    sent.push((JSON.parse(body) as { msgid: string }).msgid);
    return fetch(url, init);
  };
  try {
    const { client } = createPlatformServices({ db, baseUrl: platformUrl, operator: { code: `W${process.pid}`, name: '测试', type: 1 }, fetch: recordingFetch });
    await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
    await client.signIn(true);
    const local: string[] = [];
    for (let i = 0; i < count; i++) {
      await client.call('1101', { mdtrt_cert_type: '02', mdtrt_cert_no: '990102196003150018', card_sn: '', begntime: '', psn_cert_type: '01', certno: '990102196003150018', psn_name: '' });
      local.push(client.newMsgid());
    }
    process.stdout.write(`${JSON.stringify({ sent, local })}\n`);
  } finally {
    db.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
