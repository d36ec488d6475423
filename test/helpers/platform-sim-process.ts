/**
 * Runs the platform simulator in its own process (as a real platform would be), for benchmarks:
 * prints {"url": …} on stdout once listening, and stops on SIGTERM or when stdin closes.
 */
import { startPlatformSimulator } from '../../electron/services/platform/simulator';

async function main(): Promise<void> {
  const dbFile = process.argv[2];
  if (!dbFile) throw new Error('usage: platform-sim-process DB_FILE');
  const sim = await startPlatformSimulator({ port: 0, dbFile });
  process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
