import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../electron/services/store/database';
import { appMigrations } from '../../electron/services/app-schema';
import { acceptCase, type AcceptCaseInput } from '../../electron/services/outbox/accept';
import type { CaseRecord } from '../../electron/services/cases/case-store';
import { Uploader, type UploaderOptions } from '../../electron/services/outbox/uploader';
import { FakePlatform, fakeCodes, fakeSenders } from './fake-platform';

export function tempDb(): { db: Db; file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  const file = path.join(dir, 'counter.db');
  const db = openDatabase(file, { migrations: appMigrations });
  return {
    db,
    file,
    cleanup() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export class FakeClock {
  t = Date.parse('2026-03-02T01:00:00.000Z');
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export function accept(db: Db, clock: FakeClock, over: Partial<AcceptCaseInput> = {}): CaseRecord {
  return acceptCase(
    db,
    {
      kind: 'special-disease',
      businessKey: `P1:M03900`,
      psnNo: 'P1',
      payload: { opsp_dise_code: 'M03900' },
      clerk: 'clerk01',
      region: '110105',
      site: '001',
      ...over,
    },
    { codes: fakeCodes, now: clock.now },
  );
}

export function makeUploader(db: Db, platform: FakePlatform, clock: FakeClock, over: Partial<UploaderOptions> = {}): Uploader {
  return new Uploader({
    db,
    client: platform,
    senders: fakeSenders,
    codes: fakeCodes,
    now: clock.now,
    random: () => 0.5,
    backoff: { baseMs: 1000, capMs: 60_000 },
    probe: { baseMs: 1000, capMs: 10_000 },
    ...over,
  });
}
