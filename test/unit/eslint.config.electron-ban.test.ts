import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const source = "import { app } from 'electron';\nexport const x = app;\n";

describe('lint: electron may only be imported by the shell', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  it('fails a service that imports electron', async () => {
    const [result] = await eslint.lintText(source, { filePath: 'electron/services/store/leak.ts' });
    expect(result.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });
  it('fails the renderer and native layers too', async () => {
    for (const filePath of ['renderer/src/leak.ts', 'native/devices/leak.ts', 'electron/host/leak.ts']) {
      const [result] = await eslint.lintText(source, { filePath });
      expect(result.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    }
  });
  it('allows electron/main and electron/preload', async () => {
    for (const filePath of ['electron/main/ok.ts', 'electron/preload/ok.ts']) {
      const [result] = await eslint.lintText(source, { filePath });
      expect(result.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
    }
  });
});
