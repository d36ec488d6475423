/**
 * Tests mirror the source: test/{unit,integration}/<source folder>/<module>[.<aspect>].test.ts, so a newcomer
 * finds a module's tests by its path. A test of a whole folder is named after the folder
 * (platform/transactions/transactions.test.ts); root config files' tests sit at the root of their kind.
 * This file checks the layout itself, so it sits outside both kinds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.json'];

function testFiles(kind: string): string[] {
  const base = path.join(ROOT, 'test', kind);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(base, full).split(path.sep).join('/'));
    }
  };
  walk(base);
  return out;
}

/** Why a test file at `rel` (inside test/<kind>/) does not mirror a source module, or null when it does. */
export function layoutProblem(rel: string, exists: (repoPath: string) => boolean): string | null {
  if (!/\.test\.tsx?$/.test(rel)) return 'only test files belong here: shared fixtures go to test/helpers/';
  const folder = path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel);
  const parts = path.posix.basename(rel).replace(/\.test\.tsx?$/, '').split('.');
  const stem = parts[0];
  if (folder && !exists(folder)) return `no source folder ${folder}`;
  // The module is the name up to any dot: uploader.crash → uploader, eslint.config.layers → eslint.config.
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  const isModule = candidates.some((name) => MODULE_EXTENSIONS.some((ext) => exists(path.posix.join(folder, name + ext))));
  const isFolderTest = folder !== '' && path.posix.basename(folder) === stem;
  return isModule || isFolderTest ? null : `no module ${path.posix.join(folder, stem)}.* beside which this test would sit`;
}

const onDisk = (repoPath: string) => fs.existsSync(path.join(ROOT, repoPath));

describe('the test folders mirror the source', () => {
  it.each(['unit', 'integration'])('every file in test/%s names a source module at its mirrored path', (kind) => {
    const problems = testFiles(kind)
      .map((rel) => [rel, layoutProblem(rel, onDisk)] as const)
      .filter(([, problem]) => problem !== null)
      .map(([rel, problem]) => `test/${kind}/${rel}: ${problem}`);
    expect(problems).toEqual([]);
  });

  it('would refuse a topic folder, a stray fixture and a test named after nothing', () => {
    expect(layoutProblem('outbox/uploader.test.ts', onDisk)).toMatch(/no source folder outbox/);
    expect(layoutProblem('electron/services/outbox/helpers.ts', onDisk)).toMatch(/test\/helpers/);
    expect(layoutProblem('electron/services/outbox/crash.test.ts', onDisk)).toMatch(/no module/);
    expect(layoutProblem('electron/services/outbox/uploader.crash.test.ts', onDisk)).toBeNull();
    expect(layoutProblem('electron/services/platform/transactions/transactions.test.ts', onDisk)).toBeNull();
    expect(layoutProblem('eslint.config.layers.test.ts', onDisk)).toBeNull();
  });
});
