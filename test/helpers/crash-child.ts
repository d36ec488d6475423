/**
 * A host process that crashes on purpose, for the crash-record tests: `tsx crash-child.ts <dataDir> throw|reject`.
 * It turns on operations the way the entry points do, logs a line, then fails with an error that carries
 * a person's ID number and name (as a platform message echoed into an exception would).
 */
import { log } from '../../electron/host/log';
import { startHostOperations } from '../../electron/host/ops/host-ops';

const [dataDir, mode] = process.argv.slice(2);
startHostOperations({ dataDir });
log.info('crash-child started');
const failure = new Error('平台返回: 参保人李四(990102198507220023) 信息不符');
setTimeout(() => {
  if (mode === 'reject') void Promise.reject(failure);
  else throw failure;
}, 10);
// Kept alive until the handler ends the process; if it does not, this exit code says so.
setTimeout(() => process.exit(3), 20_000);
