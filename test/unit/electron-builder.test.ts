/**
 * The packaging configuration (electron-builder.json) against the code it packs: every native module the
 * production dependencies pull in is rebuilt for Electron and kept out of the asar, every resource folder the
 * code reads at run time is shipped where the bundled main process looks for it, the afterPack hook flips the
 * fuse list of electron/main/security/fuses.ts, and the Linux scripts install the udev rule and the dialout
 * group. Packaging itself is not run here (it downloads Electron and NSIS); this checks what it would be given.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { FUSES } from '../../electron/main/security/fuses';

const ROOT = path.resolve(__dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

interface Target {
  target: string;
  arch: string[];
}
interface CopySpec {
  from: string;
  to: string;
}
interface BuilderConfig {
  files: string[];
  extraResources: CopySpec[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  nativeRebuilder: string;
  afterPack: string;
  publish: Array<{ provider: string; url: string }>;
  win: { target: Target[] };
  nsis: { oneClick: boolean; perMachine: boolean };
  linux: { target: Target[]; executableName: string; extraResources: CopySpec[] };
  deb: { afterInstall: string; afterRemove: string; depends: string[] };
}

/** electron-builder loads the hook file with require(); so does the test. */
const loadHook = createRequire(__filename);
const config = JSON.parse(read('electron-builder.json')) as BuilderConfig;
const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; scripts: Record<string, string>; build?: unknown };

/** The production dependency closure, read from node_modules the way electron-builder collects it. */
function productionPackages(): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const file = path.join(ROOT, 'node_modules', name, 'package.json');
    if (!fs.existsSync(file)) return; // an optional dependency not installed on this platform
    seen.add(name);
    const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys({ ...meta.dependencies, ...meta.optionalDependencies })) visit(dep);
  };
  for (const dep of Object.keys(pkg.dependencies)) visit(dep);
  return [...seen];
}

/** A package is native when node-gyp builds it (binding.gyp), which is what @electron/rebuild rebuilds. */
const nativeModules = productionPackages()
  .filter((name) => fs.existsSync(path.join(ROOT, 'node_modules', name, 'binding.gyp')))
  .sort();

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}
const runtimeSources = [...sourceFiles('electron'), ...sourceFiles('native'), ...sourceFiles('shared')].map((f) => ({ file: f, text: read(f) }));

describe('electron-builder.json: native modules', () => {
  it('finds the three native modules the app loads (the list below is what the config must name)', () => {
    expect(nativeModules).toEqual(['@serialport/bindings-cpp', 'better-sqlite3-multiple-ciphers', 'node-hid']);
  });

  it.each(nativeModules)('%s is unpacked from the asar (a .node file cannot be loaded from inside it)', (name) => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain(`node_modules/${name}/**`);
  });

  it('rebuilds them for Electron with @electron/rebuild at package time, never from an install script', () => {
    expect(config.npmRebuild).toBe(true);
    expect(['sequential', 'parallel']).toContain(config.nativeRebuilder);
    // An install-time rebuild (electron-builder install-app-deps) would download Electron headers on every npm install.
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[hook], hook).toBeUndefined();
    // One configuration: package.json carries none of its own.
    expect(pkg.build).toBeUndefined();
  });

  it.each(nativeModules.map((n) => (n === '@serialport/bindings-cpp' ? 'serialport' : n)))('the main bundle leaves %s outside (loaded from node_modules)', (name) => {
    expect(read('electron.vite.config.ts')).toContain(`'${name}'`);
  });
});

/** Where the bundled main process lives in a packaged app (resources/app.asar/out/main/index.js). */
const INSTALL = '/opt/counter';
const RESOURCES_PATH = `${INSTALL}/resources`;
const BUNDLED_MAIN_DIR = `${RESOURCES_PATH}/app.asar/out/main`;

/** Every resources/<folder>/<file> the code reads, as `folder/file` (or `folder/` when the file is variable). */
function resourceReads(): Array<{ file: string; read: string }> {
  const reads: Array<{ file: string; read: string }> = [];
  for (const { file, text } of runtimeSources) {
    if (!/resources/i.test(text)) continue;
    for (const m of text.matchAll(/'resources', '([\w-]+)', '([\w.-]+)'/g)) reads.push({ file, read: `${m[1]}/${m[2]}` });
    for (const m of text.matchAll(/'(?:\.\.\/)*resources\/([\w-]+)\/([\w.-]+)'/g)) reads.push({ file, read: `${m[1]}/${m[2]}` });
    for (const m of text.matchAll(/path\.join\(resourcesDir\w*, '([\w-]+)'(?:, '([\w.-]+)')?/g)) reads.push({ file, read: `${m[1]}/${m[2] ?? ''}` });
    for (const m of text.matchAll(/profilePath[\s\S]*?path\.join\(\w+, '([\w-]+)'/g)) reads.push({ file, read: `${m[1]}/` });
  }
  return reads;
}

/** Where each `path.resolve(__dirname, '…')` resource root of the sources lands in the packaged app. */
function packagedResourceRoots(): Array<{ file: string; landing: string }> {
  const roots: Array<{ file: string; landing: string }> = [];
  for (const { file, text } of runtimeSources) {
    if (!/resources/i.test(text) || file.startsWith('electron/main/') || file.endsWith('web-main.ts')) continue;
    for (const m of text.matchAll(/path\.resolve\(__dirname, '([^']+)'\)/g)) {
      const rel = m[1];
      if (rel.includes('native/simulators')) continue; // the simulated driver's script ships only with the sources
      const landing = path.posix.resolve(BUNDLED_MAIN_DIR, rel);
      roots.push({ file, landing: /resources(\/|$)/.test(rel) ? landing : `${landing}/resources` });
    }
  }
  return roots;
}

describe('electron-builder.json: resources read at run time', () => {
  const reads = resourceReads();
  const folders = [...new Set(reads.map((r) => r.read.split('/')[0]))].sort();

  it('finds the resource folders the code reads (catalogues, holidays, policy, profiles, samples)', () => {
    expect(folders).toEqual(['catalogues', 'holidays', 'policy', 'profiles', 'samples']);
    for (const r of reads) if (!r.read.endsWith('/')) expect(fs.existsSync(path.join(ROOT, 'resources', r.read)), `${r.file} reads resources/${r.read}`).toBe(true);
  });

  it.each(folders)('ships resources/%s outside the asar, at resources/<folder> of the app', (folder) => {
    expect(config.extraResources).toContainEqual({ from: `resources/${folder}`, to: `resources/${folder}` });
    expect(fs.statSync(path.join(ROOT, 'resources', folder)).isDirectory()).toBe(true);
  });

  it('every resource root the bundled main computes from __dirname lands on what the package ships', () => {
    const roots = packagedResourceRoots();
    expect(roots.length).toBeGreaterThanOrEqual(6);
    const shippedOutside = config.extraResources.map((c) => `${RESOURCES_PATH}/${c.to}`);
    const shippedInAsar = config.files.filter((f) => !f.startsWith('!')).map((f) => `${RESOURCES_PATH}/app.asar/${f.replace(/\/\*\*.*$/, '')}`);
    for (const { file, landing } of roots) {
      const ok = [...shippedOutside, ...shippedInAsar].some((s) => s === landing || s.startsWith(`${landing}/`) || landing.startsWith(`${s}/`));
      expect(ok, `${file}: ${landing}`).toBe(true);
    }
  });

  it('would notice a folder left out of the package', () => {
    const without = config.extraResources.filter((c) => c.from !== 'resources/holidays');
    expect(folders.every((f) => without.some((c) => c.from === `resources/${f}`))).toBe(false);
  });
});

describe('electron-builder.json: targets', () => {
  it('builds NSIS for Windows x64, deb and AppImage for Linux x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('publishes update metadata for a generic (internal) server; the address in use comes from config.json', () => {
    expect(config.publish).toHaveLength(1);
    expect(config.publish[0].provider).toBe('generic');
  });
});

describe('electron-builder.json: the afterPack hook applies the fuse list', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'after-pack-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const names = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k))) as Array<keyof typeof FUSES>;

  /** A stand-in Electron binary: the fuse sentinel, wire version 1, every fuse at the opposite of the goal. */
  function standIn(file: string): void {
    const wire = Buffer.from(names.map((n) => (FUSES[n] ? FuseState.DISABLE : FuseState.ENABLE)));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(2048, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length]), wire, Buffer.alloc(2048, 7)]));
  }

  it.each([
    ['linux', 'counter-workstation'],
    ['win32', '医保综合柜员工作站.exe'],
  ])('the hook named in the config flips every fuse of FUSES in the packed %s binary', async (platform, binaryName) => {
    expect(config.afterPack).toBe('./scripts/after-pack.cjs');
    const hook = (loadHook(path.join(ROOT, config.afterPack)) as { default: (ctx: unknown) => Promise<void> }).default;
    const appOutDir = path.join(tmp, platform);
    const binary = path.join(appOutDir, binaryName);
    standIn(binary);
    await hook({
      appOutDir,
      electronPlatformName: platform,
      packager: { appInfo: { productFilename: '医保综合柜员工作站' }, executableName: platform === 'linux' ? config.linux.executableName : undefined },
    });
    const after = await getCurrentFuseWire(binary);
    for (const n of names) expect(after[FuseV1Options[n]], n).toBe(FUSES[n] ? FuseState.ENABLE : FuseState.DISABLE);
  });

  it('fails the build when the packed binary is not where the hook looks', async () => {
    const hook = (loadHook(path.join(ROOT, config.afterPack)) as { default: (ctx: unknown) => Promise<void> }).default;
    await expect(hook({ appOutDir: path.join(tmp, 'empty'), electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'x' }, executableName: 'x' } })).rejects.toThrow();
  });
});

describe('Linux: udev rule and the deb scripts', () => {
  const ruleCopy = config.linux.extraResources.find((c) => c.to === 'udev');
  const ruleFiles = ruleCopy ? fs.readdirSync(path.join(ROOT, ruleCopy.from)).filter((f) => f.endsWith('.rules')) : [];
  const install = read(config.deb.afterInstall);
  const remove = read(config.deb.afterRemove);
  /** The macros electron-builder fills into deb scripts; any other ${name} would fail the build. */
  const MACROS: Record<string, string> = { executable: 'counter-workstation', sanitizedProductName: '医保综合柜员工作站' };
  const fill = (script: string) =>
    script.replace(/\$\{([a-zA-Z]+)\}/g, (_, name: string) => {
      if (!(name in MACROS)) throw new Error(`macro ${name} is not defined`);
      return MACROS[name];
    });

  it('ships one udev rule for the HID readers: hidraw, mode 0660, group plugdev and the seat user', () => {
    expect(ruleFiles).toHaveLength(1);
    const rules = read(path.posix.join(ruleCopy!.from, ruleFiles[0]))
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule).toContain('SUBSYSTEM=="hidraw"');
      expect(rule).toContain('MODE="0660"');
      expect(rule).toMatch(/GROUP="plugdev"|TAG\+="uaccess"/);
      expect(rule).not.toMatch(/MODE="0?66[6]"/);
    }
  });

  it('the post-install installs that rule, reloads udev and adds the user to dialout; post-remove takes the rule back', () => {
    expect(install).toContain(`resources/udev/$RULE`);
    expect(install).toContain(`RULE=${ruleFiles[0]}`);
    expect(install).toMatch(/udevadm control --reload-rules/);
    expect(install).toMatch(/usermod -a -G dialout/);
    expect(install).toContain('chrome-sandbox');
    expect(remove).toContain(`RULE=${ruleFiles[0]}`);
    expect(remove).toContain('rm -f "/etc/udev/rules.d/$RULE"');
  });

  it.each([
    ['after-install', config.deb.afterInstall],
    ['after-remove', config.deb.afterRemove],
  ])('%s uses only electron-builder macros and is valid bash once they are filled in', (name, file) => {
    const out = path.join(os.tmpdir(), `counter-${name}-${process.pid}.sh`);
    fs.writeFileSync(out, fill(read(file)));
    try {
      execFileSync('bash', ['-n', out]);
    } finally {
      fs.rmSync(out, { force: true });
    }
    expect(() => fill('echo ${HOME}')).toThrow(/HOME/);
  });
});
