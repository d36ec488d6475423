/**
 * A full disk while accepting a case (SQLITE_FULL, produced for real by PRAGMA max_page_count): the clerk
 * gets 磁盘空间不足, the accept transaction rolls back — no case, no outbox row — and the database opens
 * again afterwards with the cases accepted before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../electron/host/default-devices';
import { call } from '../../../../electron/host/dispatch';
import { acceptSampleSpecialDisease, sampleSpecialDiseaseInput } from '../../../helpers/case-fixtures';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-disk-full-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const counts = (db: import('../../../../electron/services/store/database').Db) => ({
  cases: (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n,
  outbox: (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
});

describe('disk full while accepting a case', () => {
  it('refuses with disk-full / 磁盘空间不足, writes neither the case nor its outbox row, and the database still opens', async () => {
    const app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
    const first = await acceptSampleSpecialDisease(app);
    const before = counts(app.db);
    expect(before).toEqual({ cases: 1, outbox: 1 });

    // The file may not grow any more; the outbox insert is made to need new pages (a 200 kB row through
    // a connection-local TEMP trigger), so SQLITE_FULL comes from inside the accept transaction.
    app.db.exec('CREATE TABLE IF NOT EXISTS test_filler (b BLOB)');
    app.db.pragma(`max_page_count = ${Number(app.db.pragma('page_count', { simple: true }))}`);
    app.db.exec('CREATE TEMP TRIGGER fill_on_outbox AFTER INSERT ON main.outbox BEGIN INSERT INTO main.test_filler VALUES (randomblob(200000)); END');

    // A different business (another disease), so only the disk stands in the way.
    const input = await sampleSpecialDiseaseInput(app, { diseaseCode: 'M03900' });
    const err = await call(app.handlers, 'cases.accept', input).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('disk-full');
    expect((err as Error).message).toMatch(/磁盘空间不足，办件未受理/);
    expect(counts(app.db)).toEqual(before);
    expect(app.db.prepare('SELECT count(*) AS n FROM test_filler').get()).toEqual({ n: 0 });
    await app.close();

    const again = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
    expect(counts(again.db)).toEqual(before);
    expect((await call(again.handlers, 'cases.recent', {})).map((c) => c.caseNo)).toEqual([first]);
    await again.close();
  }, 60_000);
});
