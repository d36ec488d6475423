import { describe, expect, it } from 'vitest';
import { decodeStatus } from '../../../../../native/protocols/ga467';

describe('GA 467 status words', () => {
  it.each([
    [0x90, 'ok', true],
    [0x9f, 'card-found', true],
    [0x80, 'no-card', false],
    [0x81, 'select-failed', false],
    [0x41, 'read-failed', false],
    [0x10, 'request-checksum', false],
    [0x11, 'request-length', false],
    [0x21, 'request-command', false],
    [0x91, 'no-content', false],
    [0x60, 'sam-self-test', false],
    [0x66, 'sam-unauthorised', false],
  ] as const)('SW3 %s → %s', (sw3, kind, ok) => {
    const s = decodeStatus(0, 0, sw3);
    expect(s.kind).toBe(kind);
    expect(s.ok).toBe(ok);
    expect(s.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives a Chinese message for no card', () => {
    expect(decodeStatus(0, 0, 0x80).message).toBe('未检测到身份证，请将身份证放在读卡区');
  });

  it('treats unknown codes and non-zero SW1/SW2 as unknown, never as success', () => {
    expect(decodeStatus(0, 0, 0x55).kind).toBe('unknown');
    expect(decodeStatus(0, 0, 0x55).message).toContain('00 00 55');
    expect(decodeStatus(1, 0, 0x90)).toMatchObject({ kind: 'unknown', ok: false });
    expect(decodeStatus(0, 0x6a, 0x90)).toMatchObject({ kind: 'unknown', ok: false });
  });
});
