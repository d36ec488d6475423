/**
 * The `calc` command gives exactly the engine's answer: every generated claim (the same generator the
 * property tests use, all rules reachable) goes through the real CLI program in-process, from a real file.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../../../../electron/host/cli/main';
import { claimOptions } from '../../../../../helpers/policy-arbitraries';
import { calc, claimJson } from '../../../../../helpers/policy-fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'calc-eq-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('calc command = engine', () => {
  it('prints the engine result for any valid claim', async () => {
    const file = path.join(dir, 'claim.json');
    await fc.assert(
      fc.asyncProperty(claimOptions, async (o) => {
        writeFileSync(file, JSON.stringify(claimJson(o)));
        const r = await cli(['calc', file]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(`${JSON.stringify(calc(o), null, 2)}\n`);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a bad claim with exit 1 and the message on stderr', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...claimJson(), items: [{ category: '甲', amount: -1 }] }));
    const r = await cli(['calc', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('items[0].amount: 金额不能为负数');
  });
});
