/**
 * The layer rules of eslint.config.mjs, proved on one-line snippets linted at virtual paths with the project's
 * own config: every forbidden crossing of docs/architecture.md ("Layers") is reported under its rule's name,
 * every allowed import is not. The imported files are real (the rule judges resolved paths); the importing
 * file need not exist. Removing or loosening a zone makes a case here fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_TIERS } from '../../eslint.config.mjs';

const ROOT = path.resolve(__dirname, '../..');
const PROBE = '__layer_probe__.ts';

/** One real file per place an import can reach. */
const REAL: Record<string, string> = {
  renderer: 'renderer/src/api/client.ts',
  contract: 'electron/contract/api.ts',
  shared: 'shared/id-number.ts',
  native: 'native/transports/transport.ts',
  host: 'electron/host/dispatch.ts',
  'host-config': 'electron/host/config.ts',
  'host-features': 'electron/host/features/platform.ts',
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  'services/store': 'electron/services/store/database.ts',
  'services/audit': 'electron/services/audit/audit-log.ts',
  'services/operators': 'electron/services/operators/operator-store.ts',
  'services/printing': 'electron/services/printing/print-job-store.ts',
  'services/devices': 'electron/services/devices/ports.ts',
  'services/platform': 'electron/services/platform/client.ts',
  'services/catalogues': 'electron/services/catalogues/regions.ts',
  'services/policy': 'electron/services/policy/types.ts',
  'services/reception': 'electron/services/reception/id-card-service.ts',
  'services/cases': 'electron/services/cases/case-store.ts',
  'services/privacy': 'electron/services/privacy/retention.ts',
  'services/outbox': 'electron/services/outbox/outbox-store.ts',
  'services/reimbursement': 'electron/services/reimbursement/reimbursement-service.ts',
  'services/desk': 'electron/services/desk/case-desk.ts',
  'services/paper': 'electron/services/paper/case-paper.ts',
};

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** A relative specifier from `fromFile` to the real file of `to` (a REAL key or a repo path), else `to` itself (a package). */
function specifier(fromFile: string, to: string): string {
  const real = REAL[to] ?? (to.startsWith('electron/') ? `${to}.ts` : undefined);
  if (!real) return to;
  // A target that no longer exists resolves to nothing, and import-x reports nothing: that would pass silently.
  if (!fs.existsSync(path.join(ROOT, real))) throw new Error(`layer probe target ${real} does not exist (update REAL)`);
  const rel = path.relative(path.dirname(fromFile), real.replace(/\.tsx?$/, '')).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The messages ESLint gives one `export * from …` line in a file at `fromFile` (repo-relative). */
async function lintImport(fromFile: string, to: string): Promise<string[]> {
  const code = `export * from '${specifier(fromFile, to)}';\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, fromFile) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

function expectReported(messages: string[], rule: string): void {
  expect(messages.length, `expected a [layers/${rule}] report`).toBeGreaterThan(0);
  expect(messages.join('\n')).toContain(`[layers/${rule}]`);
}

describe('the top-level layers', () => {
  const forbidden: Array<[from: string, to: string, rule: string]> = [
    ['renderer/src/features', 'native', 'renderer'],
    ['renderer/src/features', 'host', 'renderer'],
    ['renderer/src/features', 'services/cases', 'renderer'],
    ['renderer/src/features', 'main', 'renderer'],
    ['renderer/src/features', 'preload', 'renderer'],
    ['renderer/src/features', 'node:fs', 'renderer-no-node'],
    ['renderer/src/features', 'path', 'renderer-no-node'],
    ['shared/scanner', 'native', 'shared'],
    ['shared/scanner', 'contract', 'shared'],
    ['shared/scanner', 'renderer', 'shared'],
    ['shared/scanner', 'zod', 'shared'],
    ['shared/scanner', 'node:crypto', 'shared-no-node'],
    ['native/devices', 'contract', 'native'],
    ['native/devices', 'services/store', 'native'],
    ['native/devices', 'host', 'native'],
    ['native/devices', 'renderer', 'native'],
    ['native/devices', 'main', 'native'],
    ['electron/contract/features', 'services/cases', 'contract'],
    ['electron/contract/features', 'host', 'contract'],
    ['electron/contract/features', 'native', 'contract'],
    ['electron/contract/features', 'renderer', 'contract'],
    ['electron/contract/features', 'react', 'contract'],
    ['electron/contract/features', 'node:path', 'contract-no-node'],
    ['electron/services/devices', 'host-config', 'services'],
    ['electron/services/cases', 'host', 'services'],
    ['electron/services/platform/simulator', 'main', 'services'],
    ['electron/services/outbox', 'preload', 'services'],
    ['electron/services/store', 'renderer', 'services'],
    ['electron/host', 'main', 'host'],
    ['electron/host/cli/commands', 'preload', 'host'],
    ['electron/host/devices', 'renderer', 'host'],
    ['electron/host', 'host-features', 'host-features'],
    ['electron/host/cli', 'host-features', 'host-features'],
    ['electron/host/devices', 'host-features', 'host-features'],
  ];
  it.each(forbidden)('a file in %s may not import %s ([layers/%s])', async (from, to, rule) => {
    expectReported(await lintImport(`${from}/${PROBE}`, to), rule);
  });

  const allowed: Array<[from: string, to: string]> = [
    ['renderer/src/features', 'renderer'],
    ['renderer/src/features', 'contract'],
    ['renderer/src/features', 'shared'],
    ['renderer/src/features', 'react'],
    ['renderer/src/features', 'zod'],
    ['shared/scanner', 'shared'],
    ['native/devices', 'native'],
    ['native/devices', 'shared'],
    ['native/devices', 'serialport'],
    ['electron/contract/features', 'contract'],
    ['electron/contract/features', 'shared'],
    ['electron/contract/features', 'zod'],
    ['electron/services/cases', 'contract'],
    ['electron/services/cases', 'native'],
    ['electron/services/cases', 'shared'],
    ['electron/services/store', 'node:fs'],
    ['electron/host', 'services/desk'],
    ['electron/host/cli', 'services/store'],
    ['electron/host', 'contract'],
    ['electron/host', 'native'],
    ['electron/host', 'shared'],
    ['electron/host/features', 'host-features'],
    ['electron/host/features', 'host'],
    ['electron/main', 'host'],
    ['electron/main', 'electron'],
    ['electron/preload', 'contract'],
    ['electron/preload', 'electron'],
  ];
  it.each(allowed)('a file in %s may import %s', async (from, to) => {
    expect(await lintImport(`${from}/${PROBE}`, to)).toEqual([]);
  });

  it('the composition root electron/host/app.ts may import the feature modules', async () => {
    expect(await lintImport('electron/host/app.ts', 'host-features')).toEqual([]);
  });

  it.each(['electron/services/store', 'electron/host', 'native/devices', 'shared', 'renderer/src'])(
    'only electron/main and electron/preload import electron (a file in %s may not)',
    async (from) => {
      const messages = await lintImport(`${from}/${PROBE}`, 'electron');
      expect(messages.join('\n')).toContain('Only electron/main and electron/preload may import electron');
    },
  );
});

describe('the service layers, lowest first', () => {
  const folders = SERVICE_TIERS.flat();
  const tierOf = (folder: string) => SERVICE_TIERS.findIndex((tier) => tier.includes(folder));

  it('names every folder of electron/services exactly once', () => {
    const onDisk = fs
      .readdirSync(path.join(ROOT, 'electron/services'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...folders].sort()).toEqual(onDisk);
    expect(new Set(folders).size).toBe(folders.length);
  });

  it('keeps the order the architecture names: store lowest, the desk (with paper) highest, cases below outbox and reimbursement', () => {
    expect(SERVICE_TIERS[0]).toEqual(['store']);
    expect(SERVICE_TIERS.at(-1)).toEqual(['desk', 'paper']);
    expect(tierOf('cases')).toBeLessThan(tierOf('outbox'));
    expect(tierOf('cases')).toBeLessThan(tierOf('reimbursement'));
    expect(tierOf('platform')).toBeLessThan(tierOf('cases'));
    expect(tierOf('audit')).toBeLessThan(tierOf('platform'));
  });

  const pairs = folders.flatMap((from) => folders.filter((to) => to !== from).map((to) => [from, to] as [string, string]));

  it.each(pairs)('electron/services/%s importing electron/services/%s is judged by the tiers', async (from, to) => {
    const messages = await lintImport(`electron/services/${from}/${PROBE}`, `services/${to}`);
    if (tierOf(to) < tierOf(from)) expect(messages).toEqual([]);
    else expectReported(messages, 'services-order');
  });

  it('a file may import its own folder, also from a sub-folder', async () => {
    expect(await lintImport(`electron/services/platform/simulator/${PROBE}`, 'services/platform')).toEqual([]);
    expect(await lintImport(`electron/services/store/${PROBE}`, 'services/store')).toEqual([]);
  });

  it('judges a sub-folder by the folder it belongs to: platform/simulator may not import cases', async () => {
    expectReported(await lintImport(`electron/services/platform/simulator/${PROBE}`, 'services/cases'), 'services-order');
  });
});

describe('the crossings issue 12 removed stay removed', () => {
  it('the composition root holds the feature modules; the context does not', async () => {
    expectReported(await lintImport('electron/host/context.ts', 'host-features'), 'host-features');
  });

  it('the store imports no feature schema: the app schema joins them above the folders', async () => {
    expectReported(await lintImport(`electron/services/store/${PROBE}`, 'electron/services/cases/case-schema'), 'services-order');
    expectReported(await lintImport(`electron/services/outbox/${PROBE}`, 'electron/services/app-schema'), 'services-order');
    expect(await lintImport('electron/services/app-schema.ts', 'electron/services/cases/case-schema')).toEqual([]);
  });
});

describe('the access table', () => {
  it('is read by the renderer from the contract, with no waiver: renderer/src/auth/access.ts may not import the host', async () => {
    expect(await lintImport('renderer/src/auth/access.ts', 'electron/contract/access-policy')).toEqual([]);
    expectReported(await lintImport('renderer/src/auth/access.ts', 'host'), 'renderer');
    expectReported(await lintImport('renderer/src/auth/access.ts', 'electron/host/session-guard'), 'renderer');
  });

  it('imports only the contract, as every contract file must', async () => {
    expectReported(await lintImport('electron/contract/access-policy.ts', 'host'), 'contract');
    expectReported(await lintImport('electron/contract/access-policy.ts', 'node:fs'), 'contract-no-node');
  });
});
