import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MsgidSequencer, parseMsgid } from '../../../../../electron/services/platform/envelope';
import { settingsMsgidStore } from '../../../../../electron/services/platform/sign-in-store';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import type { Db } from '../../../../../electron/services/store/database';

const PREFIX = 'H99010000001';
const dirs: string[] = [];
function tempAppDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msgid-store-'));
  dirs.push(dir);
  return openAppDatabase(dir);
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('settingsMsgidStore (msgid reservations in the app DB)', () => {
  const second = new Date(2026, 2, 1, 9, 5, 7, 200);

  it('a restarted process (fresh sequencer) in the same second continues after the last reservation', () => {
    const db = tempAppDb();
    const store = settingsMsgidStore(db);
    const before = store.reserve(new MsgidSequencer(PREFIX), second, 32);
    // "Restart": a new sequencer that has issued nothing, same database, same second.
    const after = store.reserve(new MsgidSequencer(PREFIX), second, 32);
    expect(after[0]).toBe(`${PREFIX}202603010905070033`);
    expect(new Set([...before, ...after]).size).toBe(64);
    db.close();
  });

  it('two connections (two processes) interleaving reservations never overlap', () => {
    const db = tempAppDb();
    const file = db.name;
    const other = openAppDatabase(path.dirname(file));
    const a = settingsMsgidStore(db);
    const b = settingsMsgidStore(other);
    const seqA = new MsgidSequencer(PREFIX);
    const seqB = new MsgidSequencer(PREFIX);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(...a.reserve(seqA, second, 7), ...b.reserve(seqB, second, 5));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(parseMsgid(id)?.prefix).toBe(PREFIX);
    other.close();
    db.close();
  });

  it('a reservation rolled back with its caller is not kept, and one committed survives reopening', () => {
    const db = tempAppDb();
    const store = settingsMsgidStore(db);
    expect(() =>
      db.transaction(() => {
        store.reserve(new MsgidSequencer(PREFIX), second, 3);
        throw new Error('caller failed');
      })(),
    ).toThrow('caller failed');
    // Nothing of the rolled-back reservation was sent, so reusing its ids is harmless; a new one starts at 0001.
    expect(store.reserve(new MsgidSequencer(PREFIX), second, 1)[0]).toBe(`${PREFIX}202603010905070001`);
    const dir = path.dirname(db.name);
    db.close();
    const reopened = openAppDatabase(dir);
    expect(settingsMsgidStore(reopened).reserve(new MsgidSequencer(PREFIX), second, 1)[0]).toBe(`${PREFIX}202603010905070002`);
    reopened.close();
  });

  it('honours the last msgid written by the previous version (platform.lastMsgid) and ignores a garbled one', () => {
    const db = tempAppDb();
    const put = db.prepare(`INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, '')`);
    put.run('platform.lastMsgid', `${PREFIX}202603010905070500`);
    const store = settingsMsgidStore(db);
    expect(store.reserve(new MsgidSequencer(PREFIX), second, 1)[0]).toBe(`${PREFIX}202603010905070501`);
    put.run(`platform.lastMsgid.${PREFIX}`, 'not-a-msgid');
    put.run('platform.lastMsgid', 'garbage');
    const id = store.reserve(new MsgidSequencer(PREFIX), second, 1)[0];
    expect(parseMsgid(id)).not.toBeNull();
    db.close();
  });
});
