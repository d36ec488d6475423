/** `counter rekey` replaces the master key: sealed attachments stay readable (their key lives inside the database). */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import { attachmentKeyOf } from '../../../../../electron/services/attachments/attachment-cipher';
import { AttachmentStore } from '../../../../../electron/services/attachments/attachment-store';
import { rekeyDataDir } from '../../../../../electron/services/maintenance';
import { dataDirKeySource, keyFilePath } from '../../../../../electron/services/store/key-source';
import { useTempDirs } from '../../../../helpers/temp-dirs';

const tempDir = useTempDirs('att-rekey-');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('身份证复印件')]);

describe('attachments across counter rekey', () => {
  it('opens a file sealed before the master key was replaced', () => {
    const dir = tempDir();
    const before = dataDirKeySource(dir, {});
    let db = openAppDatabase(dir, before);
    const rec = new AttachmentStore(db, dir, attachmentKeyOf(db, before)).add({ ref: { draftId: 'd' }, materialId: 'id-copy', filename: 'a.jpg', source: 'file', bytes: JPEG, by: '1' });
    db.close();
    const oldKeyText = fs.readFileSync(keyFilePath(dir), 'utf8');

    rekeyDataDir(dir, new Date(), {});
    expect(fs.readFileSync(keyFilePath(dir), 'utf8')).not.toBe(oldKeyText);

    const after = dataDirKeySource(dir, {});
    db = openAppDatabase(dir, after);
    try {
      const store = new AttachmentStore(db, dir, attachmentKeyOf(db, after));
      expect(store.content(store.get(rec.id)!).equals(JPEG)).toBe(true);
    } finally {
      db.close();
    }
  });
});
