/**
 * Child process for the outbox crash test: drains the app database in DATA_DIR to the platform at
 * PLATFORM_URL with short backoffs, then prints its summary. The test SIGKILLs it at random moments.
 * LEASE_ROLE=app makes it stand in for the app in the lease test.
 * No wait for a fresh second: msgids are reserved in the app DB, so a restart in the same second is safe.
 */
import { openStandaloneOutbox } from '../../electron/services/standalone-outbox';

async function main(): Promise<void> {
  const [dataDir, platformUrl] = process.argv.slice(2);
  if (!dataDir || !platformUrl) throw new Error('usage: outbox-sync-worker DATA_DIR PLATFORM_URL');
  const sa = openStandaloneOutbox({
    dataDir,
    platformUrl,
    concurrency: 4,
    tuning: { backoff: { baseMs: 20, capMs: 200 }, probe: { baseMs: 20, capMs: 200 }, pollMs: 50 },
    // The lease test plays the app with this worker.
    leaseRole: process.env.LEASE_ROLE ?? 'cli',
  });
  try {
    // Tells the test the uploader is about to work, so its kill lands mid-drain rather than during start-up.
    process.stdout.write('started\n');
    const summary = await sa.outbox.uploader.drain();
    process.stdout.write(`${JSON.stringify({ summary, counts: sa.outbox.counts() })}\n`);
  } finally {
    sa.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
