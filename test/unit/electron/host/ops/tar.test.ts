/** The ustar writer, read back by the system's tar: sizes around the 512-byte block, UTF-8 content, bad names. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tarBuffer } from '../../../../../electron/host/ops/tar';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('tarBuffer', () => {
  it('writes files that tar lists and extracts byte for byte', () => {
    const entries = [
      { name: 'b/empty.txt', data: Buffer.alloc(0) },
      { name: 'b/one-block.bin', data: Buffer.alloc(512, 1) },
      { name: 'b/odd.txt', data: Buffer.from('诊断包 '.repeat(100)) },
    ];
    const file = path.join(root, 'x.tar');
    const buf = tarBuffer(entries);
    expect(buf.length % 512).toBe(0);
    fs.writeFileSync(file, buf);
    expect(execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n')).toEqual(entries.map((e) => e.name));
    const out = path.join(root, 'out');
    fs.mkdirSync(out);
    execFileSync('tar', ['-xf', file, '-C', out]);
    for (const e of entries) expect(fs.readFileSync(path.join(out, e.name)).equals(e.data), e.name).toBe(true);
  });

  it('refuses a name it cannot store plainly (non-ASCII, spaces, too long, empty)', () => {
    for (const name of ['诊断.txt', 'a b.txt', 'x'.repeat(100), '']) expect(() => tarBuffer([{ name, data: Buffer.from('x') }]), name).toThrow(/not supported/);
  });
});
