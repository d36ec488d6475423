/** A separate process appending audit rows to a shared database file (multi-writer chain test). */
import { AuditLog } from '../../electron/services/audit/audit-log';
import { openAppDatabase } from '../../electron/services/app-schema';

const [dataDir, keyHex, who, countText] = process.argv.slice(2);
const db = openAppDatabase(dataDir);
const audit = new AuditLog(db, () => new Date(), Buffer.from(keyHex, 'hex'));
for (let i = 0; i < Number(countText); i++) audit.record(who, 'test.write', { i }, { transport: 'cli' });
db.close();
