/**
 * The split tsconfigs give each side only its own globals: code that runs in Chromium (tsconfig.renderer.json)
 * cannot name `process` or `Buffer`, code that runs in Node (tsconfig.node.json) cannot name `window` or
 * `document`. Each case compiles one small file at a virtual path with the project's own compiler options,
 * and checks that each program includes the folders it is meant to check.
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function parsed(configFile: string): ts.ParsedCommandLine {
  const file = path.join(ROOT, configFile);
  const json = ts.readConfigFile(file, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(json.config, ts.sys, ROOT, undefined, file);
}

/** The semantic errors of `code` placed at `virtualPath`, compiled alone with `configFile`'s options. */
function errorsOf(configFile: string, virtualPath: string, code: string): string[] {
  const { options } = parsed(configFile);
  const fileName = path.join(ROOT, virtualPath);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    path.resolve(name) === fileName ? ts.createSourceFile(name, code, lang) : getSourceFile(name, lang, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === fileName || fileExists(name);
  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the renderer program (tsconfig.renderer.json)', () => {
  it.each(['process.env.HOME', "Buffer.from('x')", 'require("node:fs")'])('refuses the Node global in %s', (expr) => {
    const errors = errorsOf('tsconfig.renderer.json', 'renderer/src/__probe__.ts', `export const x = ${expr};\n`);
    expect(errors.join('\n')).toMatch(/Cannot find name '(process|Buffer|require)'/);
  });

  it('accepts the DOM: window, document, localStorage', () => {
    expect(errorsOf('tsconfig.renderer.json', 'renderer/src/__probe__.ts', 'export const x = [window.location.href, document.title, localStorage.length];\n')).toEqual([]);
  });
});

describe('the Node program (tsconfig.node.json)', () => {
  it.each([
    ['electron/services/store/__probe__.ts', 'window.location.href'],
    ['electron/services/cases/__probe__.ts', 'document.title'],
    ['native/devices/__probe__.ts', 'localStorage.length'],
    ['electron/host/__probe__.ts', 'navigator.userAgent'],
  ])('refuses the DOM in %s (%s)', (file, expr) => {
    const errors = errorsOf('tsconfig.node.json', file, `export const x = ${expr};\n`);
    expect(errors.join('\n')).toMatch(/Cannot find name '(window|document|localStorage|navigator)'/);
  });

  it('accepts Node: process, Buffer', () => {
    expect(errorsOf('tsconfig.node.json', 'electron/services/store/__probe__.ts', "export const x = [process.pid, Buffer.from('x')];\n")).toEqual([]);
  });
});

describe('which folders each program checks', () => {
  const has = (configFile: string, folder: string) => parsed(configFile).fileNames.some((f) => f.startsWith(path.join(ROOT, folder) + path.sep));

  it('the renderer program checks renderer/src and shared/, and no Node-side folder', () => {
    expect(has('tsconfig.renderer.json', 'renderer/src')).toBe(true);
    expect(has('tsconfig.renderer.json', 'shared')).toBe(true);
    for (const folder of ['electron/services', 'electron/host', 'electron/main', 'native', 'test']) expect(has('tsconfig.renderer.json', folder), folder).toBe(false);
  });

  it('the Node program checks electron/, native/ and shared/, and not the renderer', () => {
    for (const folder of ['electron/main', 'electron/preload', 'electron/host', 'electron/services', 'electron/contract', 'native', 'shared']) expect(has('tsconfig.node.json', folder), folder).toBe(true);
    expect(has('tsconfig.node.json', 'renderer')).toBe(false);
  });

  it('npm run typecheck runs all three programs', async () => {
    const pkg = (await import('../../package.json')).default as { scripts: Record<string, string> };
    for (const config of ['tsconfig.node.json', 'tsconfig.renderer.json', 'tsconfig.json']) expect(pkg.scripts.typecheck).toContain(`-p ${config}`);
  });
});
