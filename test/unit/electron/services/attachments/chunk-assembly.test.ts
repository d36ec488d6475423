/** Chunks in order make the file; out of order, oversize, a missing start or a short total are refused. */
import { describe, expect, it } from 'vitest';
import { ChunkAssembler, ChunkError, MAX_CHUNK_BYTES, MAX_OPEN_UPLOADS } from '../../../../../electron/services/attachments/chunk-assembly';

describe('ChunkAssembler', () => {
  it('joins pieces in sequence', () => {
    const a = new ChunkAssembler();
    expect(a.add('u1', 0, 'f.pdf', Buffer.from('ab'))).toBe(2);
    expect(a.add('u1', 1, 'f.pdf', Buffer.from('cd'))).toBe(4);
    expect(a.finish('u1', 4).toString()).toBe('abcd');
    expect(a.openUploads).toBe(0);
  });

  it('keeps two uploads apart', () => {
    const a = new ChunkAssembler();
    a.add('x', 0, 'x', Buffer.from('1'));
    a.add('y', 0, 'y', Buffer.from('A'));
    a.add('x', 1, 'x', Buffer.from('2'));
    expect(a.finish('y', 1).toString()).toBe('A');
    expect(a.finish('x', 2).toString()).toBe('12');
  });

  it('refuses a piece out of order and forgets the upload', () => {
    const a = new ChunkAssembler();
    a.add('u', 0, 'f', Buffer.from('a'));
    expect(() => a.add('u', 2, 'f', Buffer.from('c'))).toThrow(/分片顺序错误/);
    expect(() => a.add('u', 1, 'f', Buffer.from('b'))).toThrow(/已中断/);
  });

  it('refuses a piece with no start, and a finish of nothing', () => {
    const a = new ChunkAssembler();
    expect(() => a.add('u', 1, 'f', Buffer.from('b'))).toThrow(ChunkError);
    expect(() => a.finish('nope', 0)).toThrow(/已中断/);
  });

  it('refuses a total that does not match', () => {
    const a = new ChunkAssembler();
    a.add('u', 0, 'f', Buffer.from('abc'));
    expect(() => a.finish('u', 4)).toThrow(/不完整/);
  });

  it('refuses an oversize file as soon as the running total passes the limit', () => {
    const a = new ChunkAssembler(Date.now, 5);
    a.add('u', 0, '扫描.pdf', Buffer.from('abc'));
    expect(() => a.add('u', 1, '扫描.pdf', Buffer.from('def'))).toThrow(/“扫描.pdf”.*超过/);
    expect(a.openUploads).toBe(0);
  });

  it('refuses a chunk over 512 KiB', () => {
    const a = new ChunkAssembler();
    expect(() => a.add('u', 0, 'f', Buffer.alloc(MAX_CHUNK_BYTES + 1))).toThrow(/分片不能超过/);
    expect(a.add('u', 0, 'f', Buffer.alloc(MAX_CHUNK_BYTES))).toBe(MAX_CHUNK_BYTES);
  });

  it('bounds how many uploads may be open at once; a finished one frees its place', () => {
    const a = new ChunkAssembler();
    for (let i = 0; i < MAX_OPEN_UPLOADS; i++) a.add(`u${i}`, 0, 'f', Buffer.from('x'));
    expect(() => a.add('one-more', 0, 'f', Buffer.from('x'))).toThrow(/同时上传的附件过多/);
    a.finish('u0', 1);
    expect(a.add('one-more', 0, 'f', Buffer.from('x'))).toBe(1);
  });

  it('drops uploads left unfinished for ten minutes', () => {
    let t = 0;
    const a = new ChunkAssembler(() => t);
    a.add('old', 0, 'f', Buffer.from('a'));
    t = 11 * 60_000;
    a.add('new', 0, 'f', Buffer.from('b'));
    expect(() => a.add('old', 1, 'f', Buffer.from('c'))).toThrow(/已中断/);
  });
});
